/*
 * render.c — the JSON Lines renderings of a document: one object per
 * sentence (`saksi sentences`) and per token (`saksi tokens`). The formats
 * are documented in docs/output.md. Each rendering fills one buffer for the
 * whole article and writes it at once, so output is flushed per article.
 */
#include "../core/internal.h"
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
    "reciprocal", "pronoun", "denial", "clause"};
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
