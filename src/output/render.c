/*
 * render.c — the JSON Lines renderings of a document: one object per
 * sentence (`saksi sentences`) and per token (`saksi tokens`). The formats
 * are documented in docs/output.md. Each rendering fills one buffer for the
 * whole article and writes it at once, so output is flushed per article.
 */
#include "../coder/coder.h"
#include "json.h"

#include <stdio.h>

static int flush(saksi_buf *b, FILE *f)
{
    int rc = 0;
    if (b->oom)
        rc = -1;
    else if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
        rc = -1;
    if (fflush(f))
        rc = -1;
    saksi_buf_free(b);
    return rc;
}

static void article_key(saksi_buf *b, const struct saksi_doc *d)
{
    saksi_buf_cats(b, "{\"article\":");
    json_cstr(b, d->article.id ? d->article.id : "");
}

int saksi_write_sentences(const saksi_doc *d, FILE *f)
{
    saksi_buf b;
    saksi_buf_init(&b);
    for (size_t i = 0; i < d->nsents; i++) {
        const saksi_sentence *s = &d->sents[i];
        article_key(&b, d);
        saksi_buf_cats(&b, ",\"sentence\":");
        saksi_buf_catu(&b, s->index);
        saksi_buf_cats(&b, ",\"span\":");
        json_span(&b, s->start, s->end);
        saksi_buf_cats(&b, ",\"lang\":");
        json_cstr(&b, saksi_lang_tag(s->lang));
        saksi_buf_cats(&b, ",\"kind\":");
        json_cstr(&b, saksi_sentence_kind_name(s->kind));
        saksi_buf_cats(&b, ",\"paragraph\":");
        saksi_buf_catu(&b, s->paragraph);
        saksi_buf_cats(&b, ",\"text\":");
        json_str(&b, d->article.text + s->start, s->end - s->start);
        saksi_buf_cats(&b, "}\n");
    }
    return flush(&b, f);
}

/* "root", "affixes" (and "root_alt" for lexicalized words) of an analysed
 * Indonesian word. */
static void write_morph(saksi_buf *b, const saksi_token *t)
{
    saksi_buf_cats(b, ",\"root\":");
    json_cstr(b, t->root_str);
    if (t->root_alt_str) {
        saksi_buf_cats(b, ",\"root_alt\":");
        json_cstr(b, t->root_alt_str);
    }
    saksi_buf_cats(b, ",\"affixes\":[");
    for (int i = 0; i < t->n_affixes; i++) {
        if (i)
            saksi_buf_catc(b, ',');
        json_cstr(b, saksi_affix_name(t->affixes[i]));
    }
    saksi_buf_catc(b, ']');
    if (t->morph & SAKSI_MORPH_PROPER)
        saksi_buf_cats(b, ",\"proper\":true");
    else if (t->morph & SAKSI_MORPH_GUESS)
        saksi_buf_cats(b, ",\"unknown_root\":true");
}

static const char *const MARK_NAMES[] = {
    "negation", "future",  "intent", "condition", "reporting",
    "reciprocal", "pronoun", "denial", "clause",    "anaphor",
    "historical", "present", "between", "toward",   "by",
    "and",        "place",   "first-person", "personal", "according",
    "purpose",    "light",   "preposition", "adverb", "relative",
    "discard",    "receive", "direction", "route"};
#define NMARKS (sizeof MARK_NAMES / sizeof *MARK_NAMES)

static void write_markers(saksi_buf *b, unsigned markers)
{
    saksi_buf_catc(b, '[');
    int first = 1;
    for (unsigned k = 0; k < NMARKS; k++)
        if (markers & (1u << k)) {
            if (!first)
                saksi_buf_catc(b, ',');
            json_cstr(b, MARK_NAMES[k]);
            first = 0;
        }
    saksi_buf_catc(b, ']');
}

int saksi_write_tokens(const saksi_doc *d, FILE *f)
{
    saksi_buf b;
    saksi_buf_init(&b);
    for (size_t i = 0; i < d->nsents; i++) {
        const saksi_sentence *s = &d->sents[i];
        for (size_t k = s->first_token; k < s->first_token + s->n_tokens; k++) {
            const saksi_token *t = &d->toks[k];
            article_key(&b, d);
            saksi_buf_cats(&b, ",\"sentence\":");
            saksi_buf_catu(&b, s->index);
            saksi_buf_cats(&b, ",\"span\":");
            json_span(&b, t->start, t->end);
            saksi_buf_cats(&b, ",\"text\":");
            json_str(&b, d->article.text + t->start, t->end - t->start);
            saksi_buf_cats(&b, ",\"class\":");
            json_cstr(&b, saksi_token_class_name(t->cls));
            saksi_buf_cats(&b, ",\"norm\":");
            json_str(&b, t->norm, t->norm_len);
            if (t->morph & SAKSI_MORPH_ANALYZED)
                write_morph(&b, t);
            if (t->markers) {
                saksi_buf_cats(&b, ",\"markers\":");
                write_markers(&b, t->markers);
            }
            saksi_buf_cats(&b, "}\n");
        }
    }
    return flush(&b, f);
}

int saksi_write_mentions(const saksi_doc *d, FILE *f)
{
    static const char *const kinds[] = {"", "quantity", "time", "marker"};
    saksi_buf b;
    saksi_buf_init(&b);
    for (size_t i = 0; i < d->nments; i++) {
        const saksi_mention *m = &d->ments[i];
        article_key(&b, d);
        saksi_buf_cats(&b, ",\"sentence\":");
        saksi_buf_catu(&b, m->sentence);
        saksi_buf_cats(&b, ",\"span\":");
        json_span(&b, m->start, m->end);
        saksi_buf_cats(&b, ",\"kind\":");
        json_cstr(&b, kinds[m->kind]);
        saksi_buf_cats(&b, ",\"text\":");
        json_str(&b, d->article.text + m->start, m->end - m->start);
        switch (m->kind) {
        case SAKSI_MENTION_QUANTITY:
            if (m->unknown) {
                saksi_buf_cats(&b, ",\"value\":null");
            } else {
                saksi_buf_cats(&b, ",\"value\":");
                saksi_buf_printf(&b, "%.15g", m->value);
            }
            saksi_buf_cats(&b, m->approx ? ",\"approx\":true"
                                         : ",\"approx\":false");
            break;
        case SAKSI_MENTION_TIME:
            saksi_buf_cats(&b, ",\"date\":");
            if (m->precision == SAKSI_PREC_NONE)
                saksi_buf_cats(&b, "null");
            else
                json_cstr(&b, m->date);
            saksi_buf_cats(&b, ",\"precision\":");
            json_cstr(&b, saksi_precision_name(m->precision));
            saksi_buf_cats(&b, m->relative ? ",\"relative\":true"
                                           : ",\"relative\":false");
            break;
        case SAKSI_MENTION_MARKER:
            saksi_buf_cats(&b, ",\"markers\":");
            write_markers(&b, m->markers);
            break;
        }
        saksi_buf_cats(&b, "}\n");
    }
    return flush(&b, f);
}

/* An actor object: {"code","name","span"} (name: the words of the text;
 * for a pronoun, those of the actor it stands for, with "via"). */
static void write_actor(saksi_buf *b, const struct saksi_doc *d, long k)
{
    if (k < 0 || !d->actors[k].code[0]) {
        saksi_buf_cats(b, "null");
        return;
    }
    const saksi_actor *a = &d->actors[k];
    const saksi_actor *named = a->antecedent >= 0 ? &d->actors[a->antecedent] : a;
    saksi_buf_cats(b, "{\"code\":");
    json_cstr(b, a->code);
    saksi_buf_cats(b, ",\"name\":");
    json_str(b, d->article.text + named->start, named->end - named->start);
    saksi_buf_cats(b, ",\"span\":");
    json_span(b, a->start, a->end);
    if (a->antecedent >= 0) {
        saksi_buf_cats(b, ",\"via\":");
        json_str(b, d->article.text + a->start, a->end - a->start);
        saksi_buf_cats(b, ",\"name_span\":");
        json_span(b, named->start, named->end);
    }
    if (a->peacekeeping)
        saksi_buf_cats(b, ",\"peacekeeping\":true");
    if (named->rule) {
        saksi_buf_cats(b, ",\"rule\":");
        json_cstr(b, named->rule);
    }
    saksi_buf_catc(b, '}');
}

static void write_count(saksi_buf *b, const char *key, long v)
{
    saksi_buf_catc(b, ',');
    json_key(b, key);
    if (v < 0)
        saksi_buf_cats(b, "null");
    else
        saksi_buf_catu(b, (unsigned long long)v);
}

static void write_num(saksi_buf *b, double v)
{
    if (v != v)
        saksi_buf_cats(b, "null");
    else
        saksi_buf_printf(b, "%.5f", v);
}

/* {"name","canonical","geonameid","admin1","country","lat","lon",
 *  "precision","span"} */
static void write_place_fields(saksi_buf *b, const struct saksi_doc *d,
                               const saksi_place *p)
{
    saksi_buf_cats(b, "\"name\":");
    json_str(b, d->article.text + p->start, p->end - p->start);
    saksi_buf_cats(b, ",\"canonical\":");
    if (p->canonical)
        json_cstr(b, p->canonical);
    else
        saksi_buf_cats(b, "null");
    saksi_buf_cats(b, ",\"geonameid\":");
    if (p->geonameid)
        saksi_buf_catu(b, (unsigned long long)p->geonameid);
    else
        saksi_buf_cats(b, "null");
    saksi_buf_cats(b, ",\"admin1\":");
    if (p->admin1[0])
        json_cstr(b, p->admin1);
    else
        saksi_buf_cats(b, "null");
    saksi_buf_cats(b, ",\"country\":");
    if (p->country[0])
        json_cstr(b, p->country);
    else
        saksi_buf_cats(b, "null");
    saksi_buf_cats(b, ",\"lat\":");
    write_num(b, p->lat);
    saksi_buf_cats(b, ",\"lon\":");
    write_num(b, p->lon);
    saksi_buf_cats(b, ",\"precision\":");
    json_cstr(b, saksi_place_precision_name(p->precision));
}

static void write_place(saksi_buf *b, const struct saksi_doc *d, long k)
{
    if (k < 0) {
        saksi_buf_cats(b, "null");
        return;
    }
    const saksi_place *p = &d->places[k];
    saksi_buf_catc(b, '{');
    write_place_fields(b, d, p);
    saksi_buf_cats(b, ",\"span\":");
    json_span(b, p->start, p->end);
    saksi_buf_catc(b, '}');
}

int saksi_write_places(const saksi_doc *d, FILE *f)
{
    saksi_buf b;
    saksi_buf_init(&b);
    for (size_t i = 0; i < d->nplaces; i++) {
        const saksi_place *p = &d->places[i];
        article_key(&b, d);
        saksi_buf_cats(&b, ",\"sentence\":");
        saksi_buf_catu(&b, p->sentence);
        saksi_buf_cats(&b, ",\"span\":");
        json_span(&b, p->start, p->end);
        saksi_buf_catc(&b, ',');
        write_place_fields(&b, d, p);
        if (p->dateline)
            saksi_buf_cats(&b, ",\"dateline\":true");
        saksi_buf_cats(&b, "}\n");
    }
    return flush(&b, f);
}

int saksi_write_events(const saksi_doc *d, FILE *f)
{
    saksi_buf b;
    saksi_buf_init(&b);
    for (size_t i = 0; i < d->nevents; i++) {
        const saksi_event *e = &d->events[i];
        article_key(&b, d);
        saksi_buf_cats(&b, ",\"sentence\":");
        saksi_buf_catu(&b, e->sentence);
        saksi_buf_cats(&b, ",\"span\":");
        json_span(&b, e->start, e->end);
        saksi_buf_cats(&b, ",\"source\":");
        write_actor(&b, d, e->source);
        saksi_buf_cats(&b, ",\"target\":");
        write_actor(&b, d, e->target);
        saksi_buf_cats(&b, ",\"cameo\":");
        json_cstr(&b, e->cameo);
        saksi_buf_cats(&b, ",\"cameo_name\":");
        json_cstr(&b, e->cameo_name ? e->cameo_name : "");
        saksi_buf_cats(&b, ",\"quad\":");
        saksi_buf_catu(&b, (unsigned)e->quad);
        saksi_buf_cats(&b, ",\"goldstein\":");
        saksi_buf_printf(&b, "%.1f", e->goldstein);
        saksi_buf_cats(&b, ",\"plover\":");
        json_cstr(&b, e->plover ? e->plover : "-");
        saksi_buf_cats(&b, ",\"mood\":");
        json_cstr(&b, saksi_mood_name(e->mood));
        write_count(&b, "killed", e->killed);
        write_count(&b, "injured", e->injured);
        if (e->casualties_approx)
            saksi_buf_cats(&b, ",\"casualties_approx\":true");
        saksi_buf_cats(&b, ",\"date\":");
        if (e->date[0])
            json_cstr(&b, e->date);
        else
            saksi_buf_cats(&b, "null");
        saksi_buf_cats(&b, ",\"date_precision\":");
        json_cstr(&b, e->date[0] ? saksi_precision_name(e->date_precision)
                                 : "none");
        saksi_buf_cats(&b, ",\"place\":");
        write_place(&b, d, e->place);
        saksi_buf_cats(&b, ",\"claimed_by\":");
        write_actor(&b, d, e->claimed_by);
        saksi_buf_cats(&b, ",\"trigger\":");
        json_span(&b, e->head_start, e->head_end);
        saksi_buf_cats(&b, ",\"trigger_text\":");
        json_str(&b, d->article.text + e->head_start, e->head_end - e->head_start);
        saksi_buf_cats(&b, ",\"rule\":");
        json_cstr(&b, e->rule ? e->rule : "");
        saksi_buf_cats(&b, ",\"lang\":");
        json_cstr(&b, saksi_lang_tag(d->sents[e->sentence].lang));
        saksi_buf_cats(&b, ",\"text\":");
        json_str(&b, d->article.text + e->start, e->end - e->start);
        saksi_buf_cats(&b, "}\n");
    }
    return flush(&b, f);
}

/* ---- explain ---------------------------------------------------------------- */

static void span_text(saksi_buf *b, const struct saksi_doc *d, size_t s,
                      size_t e)
{
    saksi_buf_cat(b, d->article.text + s, e - s);
}

int saksi_write_explain(const saksi_doc *d, FILE *f)
{
    saksi_buf b;
    saksi_buf_init(&b);
    saksi_buf_printf(&b, "# article %s (published %s, %s; home country %s)\n",
                     d->article.id ? d->article.id : "",
                     d->article.date ? d->article.date : "unknown",
                     saksi_lang_tag(d->lang), d->home[0] ? d->home : "none");
    for (size_t si = 0; si < d->nsents; si++) {
        const saksi_sentence *s = &d->sents[si];
        saksi_buf_printf(&b, "\n== sentence %zu [%zu,%zu) %s %s\n", si,
                         s->start, s->end, saksi_lang_tag(s->lang),
                         saksi_sentence_kind_name(s->kind));
        span_text(&b, d, s->start, s->end);
        saksi_buf_cats(&b, "\n  tokens:");
        for (size_t k = s->first_token; k < s->first_token + s->n_tokens; k++) {
            const saksi_token *t = &d->toks[k];
            saksi_buf_catc(&b, ' ');
            span_text(&b, d, t->start, t->end);
            if ((t->morph & SAKSI_MORPH_ANALYZED) && t->n_affixes) {
                saksi_buf_printf(&b, "(%s", t->root_str);
                for (int a = 0; a < t->n_affixes; a++)
                    saksi_buf_printf(&b, " %s", saksi_affix_name(t->affixes[a]));
                saksi_buf_catc(&b, ')');
            }
            for (unsigned m = 0; m < NMARKS; m++)
                if (t->markers & (1u << m))
                    saksi_buf_printf(&b, "[%s]", MARK_NAMES[m]);
        }
        saksi_buf_catc(&b, '\n');
        for (size_t k = 0; k < d->nactors; k++) {
            const saksi_actor *a = &d->actors[k];
            if (a->sentence != si)
                continue;
            saksi_buf_cats(&b, "  actor: \"");
            span_text(&b, d, a->start, a->end);
            saksi_buf_printf(&b, "\" = %s", a->code[0] ? a->code : "(unresolved)");
            if (a->antecedent >= 0) {
                const saksi_actor *x = &d->actors[a->antecedent];
                saksi_buf_cats(&b, " (refers to \"");
                span_text(&b, d, x->start, x->end);
                saksi_buf_cats(&b, "\")");
            }
            if (d->ainfo[k].place)
                saksi_buf_cats(&b, " (a place here)");
            if (a->peacekeeping)
                saksi_buf_cats(&b, " (peacekeepers)");
            if (a->rule)
                saksi_buf_printf(&b, " <- %s", a->rule);
            saksi_buf_catc(&b, '\n');
        }
        for (size_t k = 0; k < d->nments; k++) {
            const saksi_mention *m = &d->ments[k];
            if (m->sentence != si || m->kind == SAKSI_MENTION_MARKER)
                continue;
            saksi_buf_printf(&b, "  %s: \"",
                             m->kind == SAKSI_MENTION_TIME ? "time" : "quantity");
            span_text(&b, d, m->start, m->end);
            if (m->kind == SAKSI_MENTION_TIME)
                saksi_buf_printf(&b, "\" = %s (%s)\n",
                                 m->date[0] ? m->date : "no date",
                                 saksi_precision_name(m->precision));
            else if (m->unknown)
                saksi_buf_cats(&b, "\" = an unknown number\n");
            else
                saksi_buf_printf(&b, "\" = %.15g%s\n", m->value,
                                 m->approx ? " (approximate)" : "");
        }
        for (size_t k = 0; k < d->nplaces; k++) {
            const saksi_place *p = &d->places[k];
            if (p->sentence != si)
                continue;
            saksi_buf_cats(&b, "  place: \"");
            span_text(&b, d, p->start, p->end);
            saksi_buf_printf(&b, "\" (%s%s%s)\n",
                             saksi_place_precision_name(p->precision),
                             p->country[0] ? ", " : "", p->country);
        }
        for (size_t k = 0; k < d->nevents; k++) {
            const saksi_event *e = &d->events[k];
            if (e->sentence != si)
                continue;
            saksi_buf_printf(&b, "  EVENT %s %s -> %s: %s (%s, Goldstein %.1f)\n",
                             e->cameo,
                             e->source >= 0 && d->actors[e->source].code[0]
                                 ? d->actors[e->source].code : "---",
                             e->target >= 0 && d->actors[e->target].code[0]
                                 ? d->actors[e->target].code : "---",
                             e->cameo_name ? e->cameo_name : "",
                             e->plover ? e->plover : "-", e->goldstein);
            saksi_buf_cats(&b, "    trigger \"");
            span_text(&b, d, e->head_start, e->head_end);
            saksi_buf_printf(&b, "\", rule %s\n", e->rule ? e->rule : "");
            saksi_buf_printf(&b, "    why: %s\n", e->why ? e->why : "");
            saksi_buf_printf(&b, "    mood %s", saksi_mood_name(e->mood));
            if (e->date[0])
                saksi_buf_printf(&b, ", date %s", e->date);
            if (e->killed >= 0)
                saksi_buf_printf(&b, ", killed %ld", e->killed);
            if (e->injured >= 0)
                saksi_buf_printf(&b, ", injured %ld", e->injured);
            if (e->place >= 0) {
                saksi_buf_cats(&b, ", place \"");
                span_text(&b, d, d->places[e->place].start,
                          d->places[e->place].end);
                saksi_buf_catc(&b, '"');
            }
            saksi_buf_catc(&b, '\n');
        }
        for (size_t k = 0; k < d->nnotes; k++) {
            const struct coder_note *n = &d->notes[k];
            if (n->sentence != si)
                continue;
            saksi_buf_cats(&b, "  no event from \"");
            span_text(&b, d, n->start, n->end);
            saksi_buf_printf(&b, "\" (%s): %s\n", n->rule ? n->rule : "",
                             n->why);
        }
    }
    saksi_buf_catc(&b, '\n');
    return flush(&b, f);
}
