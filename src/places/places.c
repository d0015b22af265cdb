/*
 * places.c — the places an article names, put on the map: "di distrik
 * Lachin", "di resor Laut Hitam Sochi", "Kabupaten Nduga, Papua
 * Pegunungan", "in the Donetsk region", the dateline's "JAYAPURA".
 *
 * Finding a mention. A run of capitalized words is looked up in the
 * gazetteer (places/gazetteer.c), longest first. It is a place when a cue
 * says so — a word of place before it (di, ke, dari, in, at, near: the
 * markers of category "place"), a place noun (distrik, kabupaten, desa,
 * region: data/places/place-nouns.tsv, with a feature such as "Laut
 * Hitam" skipped), the dateline — or, without a cue, when what it names is
 * unmistakably a place: a region, a province, a regency, a city of 100,000
 * people or more. A name the actor dictionaries read as an actor ("Moskow
 * menyerukan", "pemerintah Suriah") is an actor there, not a place. After
 * a place noun or a place word, a name the gazetteer does not know is
 * still kept as a place, unresolved.
 *
 * Choosing among the entries of a name (there are many Springfields): the
 * kind the cue asks for (a kabupaten is a regency), the countries the
 * article talks about (its actors, its other places, the dateline's
 * country), a place next to it ("Kenyam, Papua"), then rank (capital,
 * seat of a region) and population.
 */
#include "../coder/coder.h"
#include "gazetteer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    saksi_worker *w;
    struct saksi_doc *d;
    const saksi_gazetteer *g;
    size_t cap;
    /* the countries the article names, with weights */
    char ctry[32][4];
    int weight[32];
    size_t nctry;
    saksi_buf key;
} ctx;

static int push(ctx *c, const saksi_place *p)
{
    struct saksi_doc *d = c->d;
    if (d->nplaces == c->cap) {
        size_t ncap = c->cap * 2 + 16;
        saksi_place *v = saksi_arena_alloc(&c->w->arena, ncap * sizeof *v);
        if (!v)
            return -1;
        if (d->nplaces)
            memcpy(v, d->places, d->nplaces * sizeof *v);
        d->places = v;
        c->cap = ncap;
    }
    d->places[d->nplaces++] = *p;
    return 0;
}

static int capitalized(const saksi_token *t)
{
    return t->cls == SAKSI_TOK_CAPITALIZED || t->cls == SAKSI_TOK_ACRONYM;
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

/* ---- the article's countries ---------------------------------------------- */

static void count_country(ctx *c, const char *code, int w)
{
    if (!code[0] || strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
        strncmp(code, "IMG", 3) == 0)
        return;
    for (size_t i = 0; i < c->nctry; i++)
        if (memcmp(c->ctry[i], code, 3) == 0) {
            c->weight[i] += w;
            return;
        }
    if (c->nctry < sizeof c->ctry / sizeof *c->ctry) {
        memcpy(c->ctry[c->nctry], code, 3);
        c->ctry[c->nctry][3] = '\0';
        c->weight[c->nctry++] = w;
    }
}

static int country_weight(const ctx *c, const char *code)
{
    for (size_t i = 0; i < c->nctry; i++)
        if (memcmp(c->ctry[i], code, 3) == 0)
            return c->weight[i];
    return 0;
}

/* ---- lookups ----------------------------------------------------------------- */

/* The folded text of tokens [a, b), words separated by one blank (tokens
 * that touch, "Tel Aviv-Yafo", stay together). */
static const char *key_of(ctx *c, size_t a, size_t b, size_t *n)
{
    const struct saksi_doc *d = c->d;
    saksi_buf_clear(&c->key);
    for (size_t i = a; i < b; i++) {
        if (i > a && d->toks[i].start > d->toks[i - 1].end)
            saksi_buf_catc(&c->key, ' ');
        saksi_buf_cat(&c->key, d->toks[i].norm, d->toks[i].norm_len);
    }
    *n = c->key.len;
    return c->key.oom ? NULL : c->key.data;
}

enum { CUE_NONE = 0, CUE_WORD, CUE_NOUN, CUE_DATELINE };

typedef struct {
    uint32_t entry;
    double score;
} choice;

/* The best entry of `n` candidates for a mention with cue `cue` whose
 * place noun asks for precision `want` (-1: any). */
static choice choose(const ctx *c, const uint32_t *ids, size_t n, int cue,
                     int want, const char *near_country)
{
    choice best = {UINT32_MAX, -1e9};
    for (size_t i = 0; i < n; i++) {
        const gz_entry *e = gz_entry_at(c->g, ids[i]);
        if (!e)
            continue;
        double s = log10((double)e->population + 1.0) + e->rank;
        switch (e->kind) {
        case GZ_COUNTRY: s += 12; break;
        case GZ_ADMIN1: s += 7; break;
        case GZ_REGION: s += 6; break;
        case GZ_AREA: s += e->precision == SAKSI_PLACE_ADMIN ? 3 : 4; break;
        default: break;
        }
        if (e->country[0]) {
            int w = country_weight(c, e->country);
            if (w)
                s += 4 + (w > 3 ? 3 : w);
            if (near_country && memcmp(near_country, e->country, 3) == 0)
                s += 8; /* "Kenyam, Papua" */
        }
        if (want >= 0 && e->precision == want)
            s += 3; /* kabupaten X: the regency */
        if (cue == CUE_NONE && e->kind == GZ_PLACE && e->population < 1000)
            s -= 2;
        if (s > best.score) {
            best.entry = ids[i];
            best.score = s;
        }
    }
    return best;
}

/* Is token t a word of the language (a root of the lexicon, a function
 * word) rather than only a name? */
static int common_word(const ctx *c, const saksi_token *t)
{
    unsigned f = saksi_model_wflags(c->w->m, t->word);
    return (f & (WF_ROOT_ID | WF_LANG_ID | WF_LANG_EN)) && !(f & WF_PROPER);
}

/* Can an entry stand as a place without a cue? */
static int sure_place(const gz_entry *e)
{
    switch (e->kind) {
    case GZ_COUNTRY:
    case GZ_ADMIN1:
    case GZ_REGION:
        return 1;
    case GZ_AREA:
        return e->precision == SAKSI_PLACE_POINT; /* a kota */
    default:
        return e->population >= 100000 || e->rank >= 5;
    }
}

static void fill(ctx *c, saksi_place *p, uint32_t id)
{
    const gz_entry *e = gz_entry_at(c->g, id);
    if (!e)
        return;
    p->canonical = gz_name(c->g, e);
    p->geonameid = e->geonameid;
    memcpy(p->country, e->country, 4);
    p->lat = e->lat;
    p->lon = e->lon;
    p->precision = e->precision <= SAKSI_PLACE_COUNTRY
                       ? (saksi_place_precision)e->precision
                       : SAKSI_PLACE_POINT;
    const gz_entry *a = e->admin1 >= 0 ? gz_entry_at(c->g, (uint32_t)e->admin1) : NULL;
    if (a)
        snprintf(p->admin1, sizeof p->admin1, "%s", gz_name(c->g, a));
    if (isnan(p->lat) && a) { /* a regency without a point: its province */
        p->lat = a->lat;
        p->lon = a->lon;
    }
}

/* The actor whose words include token i and that is no place, or -1. A
 * country after a role noun ("di masyarakat Armenia", "warga Palestina")
 * names a people, never a place. */
static long actor_use(const struct saksi_doc *d, size_t i)
{
    long k = i < d->ntoks ? d->tok_actor[i] : -1;
    if (k < 0)
        return -1;
    if (d->ainfo[k].kind == AK_COMPOSED || d->ainfo[k].kind == AK_POSSESSED)
        return k;
    return !d->ainfo[k].place ? k : -1;
}

static int covered(const struct saksi_doc *d, size_t from, size_t i)
{
    for (size_t k = from; k < d->nplaces; k++)
        if (i >= d->places[k].first_token &&
            i < d->places[k].first_token + d->places[k].n_tokens)
            return 1;
    return 0;
}

/* The longest gazetteer name at token i, no longer than `max` tokens:
 * its length in tokens, with the entries it names. */
static size_t lookup_at(ctx *c, size_t i, size_t max, const uint32_t **ids,
                        size_t *nids)
{
    for (size_t n = max; n >= 1; n--) {
        size_t kn;
        const char *key = key_of(c, i, i + n, &kn);
        if (!key)
            return 0;
        *nids = gz_lookup(c->g, key, kn, ids);
        if (*nids)
            return n;
    }
    return 0;
}

/* The country of a place named right after a comma at token b ("Kenyam,
 * Papua", "Lachin, Azerbaijan"), or NULL. */
static const char *next_country(ctx *c, size_t b, size_t end)
{
    const struct saksi_doc *d = c->d;
    if (b + 1 >= end || !(d->toks[b].cls == SAKSI_TOK_PUNCT &&
                          d->toks[b].norm_len == 1 && d->toks[b].norm[0] == ','))
        return NULL;
    size_t run = 0;
    while (b + 1 + run < end && run < GZ_MAX_WORDS &&
           capitalized(&d->toks[b + 1 + run]))
        run++;
    const uint32_t *ids;
    size_t nids;
    if (!run || !lookup_at(c, b + 1, run, &ids, &nids))
        return NULL;
    for (size_t i = 0; i < nids; i++) {
        const gz_entry *e = gz_entry_at(c->g, ids[i]);
        if (e && (e->kind == GZ_COUNTRY || e->kind == GZ_ADMIN1 ||
                  e->kind == GZ_REGION) && e->country[0])
            return e->country;
    }
    return NULL;
}

/* ---- the article ------------------------------------------------------------ */

/* The cue before token i: a place word, a place noun (its precision in
 * *want), or none. */
static int cue_before(ctx *c, size_t i, size_t first, saksi_lang lang, int *want)
{
    const struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    *want = -1;
    if (i == first)
        return CUE_NONE;
    /* words of direction in between: "di utara Suriah", "in the city of
     * Aleppo" */
    size_t j = i;
    while (j > first && j + 4 > i &&
           tok_marked(&d->toks[j - 1], SAKSI_MARK_DIRECTION) &&
           !tok_marked(&d->toks[j - 1], SAKSI_MARK_PLACE))
        j--;
    if (j == first)
        return CUE_NONE;
    const saksi_token *t = &d->toks[j - 1];
    if (tok_marked(t, SAKSI_MARK_PLACE))
        return CUE_WORD;
    /* a place noun ending right before: "distrik", "kabupaten"; "the …
     * region" comes after the name and is not looked at here */
    i = j;
    for (size_t back = 1; back <= 3 && i >= first + back; back++) {
        size_t a = i - back;
        const saksi_token *s = &d->toks[a];
        if (!(m->wflags2 && s->word < m->words.n &&
              (m->wflags2[s->word] & WF2_PLACE_NOUN)))
            continue;
        const phrase_val *v;
        size_t n = phrase_find(&m->phrases, d->toks, a, i, PT_PLACE, 0, lang, &v);
        if (n == back) {
            *want = v->kind;
            return CUE_NOUN;
        }
    }
    return CUE_NONE;
}

int saksi_places(saksi_worker *w, struct saksi_doc *d)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.w = w;
    c.d = d;
    c.g = w->m->gaz;
    saksi_buf_init(&c.key);
    d->places = NULL;
    d->nplaces = 0;
    /* the countries the article talks about */
    for (size_t k = 0; k < d->nactors; k++)
        if (d->actors[k].code[0] && (d->ainfo[k].kind == AK_NAME ||
                                     d->ainfo[k].kind == AK_COMPOSED))
            count_country(&c, d->actors[k].code, 1);
    if (d->home[0])
        count_country(&c, d->home, 2);
    int rc = 0;
    for (size_t si = 0; si < d->nsents && !rc; si++) {
        const saksi_sentence *s = &d->sents[si];
        size_t first = s->first_token, end = first + s->n_tokens;
        size_t from = d->nplaces;
        for (size_t i = first; i < end; i++) {
            const saksi_token *t = &d->toks[i];
            if (!capitalized(t) || covered(d, from, i))
                continue;
            int cue, want;
            if (s->kind == SAKSI_SENT_DATELINE) {
                cue = i == first ? CUE_DATELINE : CUE_NONE;
                want = SAKSI_PLACE_POINT;
                if (cue == CUE_NONE)
                    break; /* only the dateline's first words */
            } else {
                cue = cue_before(&c, i, first, s->lang, &want);
            }
            /* the run of capitalized words here */
            size_t run = 0;
            while (i + run < end && run < GZ_MAX_WORDS &&
                   capitalized(&d->toks[i + run]))
                run++;
            const uint32_t *ids = NULL;
            size_t nids = 0;
            size_t n = c.g ? lookup_at(&c, i, run, &ids, &nids) : 0;
            long actor = actor_use(d, i);
            if (n) {
                const char *near = next_country(&c, i + n, end);
                choice ch = choose(&c, ids, nids, cue, want, near);
                const gz_entry *e = gz_entry_at(c.g, ch.entry);
                if (!e)
                    continue;
                /* an actor here, not a place ("Moskow menyerukan") */
                if (actor >= 0 && (cue == CUE_NONE ||
                                   d->ainfo[actor].kind == AK_COMPOSED))
                    continue;
                if (cue == CUE_NONE && !sure_place(e))
                    continue;
                /* a sentence's first word is capitalized anyway: alone and
                 * common, it is no name */
                if (cue == CUE_NONE && i == first && n == 1 &&
                    common_word(&c, &d->toks[i]))
                    continue;
                /* part of a longer name ("Kanye West", "Jakarta Post") */
                if (cue == CUE_NONE && i + n < end && capitalized(&d->toks[i + n]) &&
                    e->kind == GZ_PLACE)
                    continue;
                /* one common word ("Laut", a small Louth's other name) is
                 * no town unless the town is large */
                if (n == 1 && common_word(&c, &d->toks[i]) && e->kind == GZ_PLACE &&
                    e->population < 100000)
                    continue;
                saksi_place p;
                init_place(&p, d, si, i, i + n, (saksi_place_precision)e->precision);
                fill(&c, &p, ch.entry);
                p.dateline = cue == CUE_DATELINE;
                if (p.country[0])
                    count_country(&c, p.country, 1);
                if (push(&c, &p)) {
                    rc = -1;
                    break;
                }
                i += n - 1;
                continue;
            }
            /* a name the gazetteer does not know, after a place noun, or
             * after a place word when it is no actor */
            if ((cue == CUE_NOUN || cue == CUE_DATELINE ||
                 (cue == CUE_WORD && actor < 0)) && run) {
                saksi_place p;
                init_place(&p, d, si, i, i + run,
                           want >= 0 ? (saksi_place_precision)want
                                     : SAKSI_PLACE_POINT);
                p.dateline = cue == CUE_DATELINE;
                /* an actor's country stands for the place's ("di Gaza") */
                if (actor >= 0 || (i < d->ntoks && d->tok_actor[i] >= 0)) {
                    long k = d->tok_actor[i];
                    const char *code = d->actors[k].code;
                    if (code[0] && strncmp(code, "IGO", 3) != 0 &&
                        strncmp(code, "NGO", 3) != 0)
                        snprintf(p.country, sizeof p.country, "%.3s", code);
                }
                if (push(&c, &p)) {
                    rc = -1;
                    break;
                }
                i += run - 1;
            }
        }
    }
    saksi_buf_free(&c.key);
    return rc;
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
