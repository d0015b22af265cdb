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
            saksi_buf_cats(&b, "}\n");
        }
    }
    return flush(&b, f);
}
