/*
 * places.c — the places an article names: "di distrik Lachin",
 * "di resor Laut Hitam Sochi", "wilayah Nagorno-Karabakh", "di Moskow",
 * the dateline's "JAYAPURA".
 *
 * Three cues find a place: a place noun before a capitalized name
 * (data/places/place-nouns.tsv: distrik, kabupaten, resor, wilayah; a
 * geographic feature first — "Laut Hitam" — is skipped with
 * data/places/features.tsv), an actor named after "di", "ke", "in", "at"
 * (a capital or a region as a place: its country comes from the actor
 * dictionary), a capitalized name after those words (data/lang/markers.tsv,
 * category place), and the
 * article's dateline. Coordinates and GeoNames ids come from the
 * gazetteer when there is one; without it a place has its name, its kind
 * and, where an actor entry gives it, its country.
 */
#include "../coder/coder.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int push(saksi_worker *w, struct saksi_doc *d, size_t *cap,
                const saksi_place *p)
{
    if (d->nplaces == *cap) {
        size_t ncap = *cap * 2 + 16;
        saksi_place *v = saksi_arena_alloc(&w->arena, ncap * sizeof *v);
        if (!v)
            return -1;
        if (d->nplaces)
            memcpy(v, d->places, d->nplaces * sizeof *v);
        d->places = v;
        *cap = ncap;
    }
    d->places[d->nplaces++] = *p;
    return 0;
}

/* di, ke, in, at… (data/lang/markers.tsv, category place) */
static int is_prep(const saksi_token *t)
{
    return tok_marked(t, SAKSI_MARK_PLACE);
}

static int capitalized(const saksi_token *t)
{
    return t->cls == SAKSI_TOK_CAPITALIZED;
}

static void init_place(saksi_place *p, const struct saksi_doc *d, size_t s,
                       size_t a, size_t b, saksi_place_precision prec)
{
    memset(p, 0, sizeof *p);
    p->sentence = s;
    p->first_token = a;
    p->n_tokens = b - a;
    p->start = d->toks[a].start;
    p->end = d->toks[b - 1].end;
    p->lat = p->lon = NAN;
    p->precision = prec;
}

/* The actor whose words start at token i, or -1. */
static long actor_at(const struct saksi_doc *d, size_t i)
{
    long k = i < d->ntoks ? d->tok_actor[i] : -1;
    return k >= 0 && d->actors[k].first_token == i ? k : -1;
}

static int covered(const struct saksi_doc *d, size_t from, size_t i)
{
    for (size_t k = from; k < d->nplaces; k++)
        if (i >= d->places[k].first_token &&
            i < d->places[k].first_token + d->places[k].n_tokens)
            return 1;
    return 0;
}

int saksi_places(saksi_worker *w, struct saksi_doc *d)
{
    const saksi_model *m = w->m;
    size_t cap = 0;
    d->places = NULL;
    d->nplaces = 0;
    for (size_t si = 0; si < d->nsents; si++) {
        const saksi_sentence *s = &d->sents[si];
        size_t first = s->first_token, end = first + s->n_tokens;
        size_t from = d->nplaces;
        if (s->kind == SAKSI_SENT_DATELINE) {
            /* "JAYAPURA, saksi –": the words before the first comma or
             * bracket */
            size_t b = first;
            while (b < end && d->toks[b].cls != SAKSI_TOK_PUNCT)
                b++;
            if (b > first && b < end) {
                saksi_place p;
                init_place(&p, d, si, first, b, SAKSI_PLACE_POINT);
                p.dateline = 1;
                long a = actor_at(d, first);
                if (a >= 0 && d->actors[a].code[0])
                    snprintf(p.country, sizeof p.country, "%.3s",
                             d->actors[a].code);
                if (push(w, d, &cap, &p))
                    return -1;
            }
            continue;
        }
        for (size_t i = first; i < end; i++) {
            const saksi_token *t = &d->toks[i];
            /* a place noun, then a capitalized name */
            if (m->wflags2 && t->word < m->words.n &&
                (m->wflags2[t->word] & WF2_PLACE_NOUN)) {
                const phrase_val *v;
                size_t n = phrase_find(&m->phrases, d->toks, i, end, PT_PLACE,
                                       0, s->lang, &v);
                size_t a = i + n;
                if (n && a < end && (capitalized(&d->toks[a]) ||
                                     d->toks[a].cls == SAKSI_TOK_ACRONYM)) {
                    /* a feature's name first: "Laut Hitam" */
                    const saksi_token *f = &d->toks[a];
                    if (f->word < m->words.n && (m->wflags2[f->word] & WF2_FEATURE) &&
                        a + 2 < end && capitalized(&d->toks[a + 2]))
                        a += 2;
                    size_t b = a;
                    while (b < end && (capitalized(&d->toks[b]) ||
                                       d->toks[b].cls == SAKSI_TOK_ACRONYM))
                        b++;
                    if (b > a) {
                        saksi_place p;
                        init_place(&p, d, si, a, b,
                                   (saksi_place_precision)v->kind);
                        long ac = actor_at(d, a);
                        if (ac >= 0 && d->actors[ac].code[0] &&
                            strncmp(d->actors[ac].code, "IGO", 3) != 0)
                            snprintf(p.country, sizeof p.country, "%.3s",
                                     d->actors[ac].code);
                        if (push(w, d, &cap, &p))
                            return -1;
                        i = b - 1;
                        continue;
                    }
                }
            }
            /* after di / ke / in / at: an actor as a place, or a name */
            if (is_prep(t) && i + 1 < end && !covered(d, from, i + 1)) {
                size_t a = i + 1;
                long ac = actor_at(d, a);
                if (ac >= 0 && d->ainfo[ac].kind == AK_NAME &&
                    d->actors[ac].code[0]) {
                    const saksi_actor *x = &d->actors[ac];
                    saksi_place p;
                    init_place(&p, d, si, a, a + x->n_tokens,
                               strlen(x->code) == 3 ? SAKSI_PLACE_COUNTRY
                                                    : SAKSI_PLACE_POINT);
                    if (strncmp(x->code, "IGO", 3) != 0 &&
                        strncmp(x->code, "NGO", 3) != 0) {
                        snprintf(p.country, sizeof p.country, "%.3s", x->code);
                        if (push(w, d, &cap, &p))
                            return -1;
                    }
                    i = a + x->n_tokens - 1;
                    continue;
                }
                if (ac < 0 && capitalized(&d->toks[a])) {
                    size_t b = a;
                    while (b < end && capitalized(&d->toks[b]) &&
                           actor_at(d, b) < 0)
                        b++;
                    saksi_place p;
                    init_place(&p, d, si, a, b, SAKSI_PLACE_POINT);
                    if (push(w, d, &cap, &p))
                        return -1;
                    i = b - 1;
                }
            }
        }
    }
    return 0;
}

size_t saksi_doc_place_count(const saksi_doc *d)
{
    return d->nplaces;
}

const saksi_place *saksi_doc_place(const saksi_doc *d, size_t i)
{
    return i < d->nplaces ? &d->places[i] : NULL;
}

const char *saksi_place_precision_name(saksi_place_precision p)
{
    switch (p) {
    case SAKSI_PLACE_ADMIN: return "admin";
    case SAKSI_PLACE_COUNTRY: return "country";
    default: return "point";
    }
}
