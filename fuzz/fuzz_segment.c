/*
 * fuzz_segment.c — libFuzzer target for segmentation and tokenization:
 * arbitrary valid UTF-8 as an article text, then the invariants every later
 * stage relies on: tokens in order, inside the text, on character
 * boundaries, non-empty; sentences partition the tokens; mentions lie in
 * their sentence; every token has a root.
 *
 *   make fuzz && build/fuzz/fuzz_segment -max_total_time=600 fuzz/seeds/fuzz_segment
 */
#include "saksi.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static saksi_model *model;
static saksi_worker *worker;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[512];
    model = saksi_model_open(FUZZ_DATA_DIR, err, sizeof err);
    if (!model) {
        fprintf(stderr, "%s\n", err);
        abort();
    }
    worker = saksi_worker_new(model);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the reader guarantees valid UTF-8 without NUL: so does this target */
    if (!saksi_utf8_valid((const char *)data, size, 1, NULL))
        return 0;
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    saksi_article a = {"fuzz", "2022-08-04", NULL, NULL, NULL, NULL, text,
                       size};
    if (size && data[0] == 'e')
        a.lang = "en";
    const saksi_doc *d;
    if (saksi_process(worker, &a, &d) != SAKSI_OK)
        abort();
    size_t nt = saksi_doc_token_count(d), prev = 0;
    for (size_t i = 0; i < nt; i++) {
        const saksi_token *t = saksi_doc_token(d, i);
        if (t->start < prev || t->end <= t->start || t->end > size)
            abort();
        if ((data[t->start] & 0xC0) == 0x80 ||
            (t->end < size && (data[t->end] & 0xC0) == 0x80))
            abort();
        if (!t->norm || strlen(t->norm) != t->norm_len)
            abort();
        prev = t->end;
    }
    size_t next = 0;
    for (size_t i = 0; i < saksi_doc_sentence_count(d); i++) {
        const saksi_sentence *s = saksi_doc_sentence(d, i);
        if (s->first_token != next || s->n_tokens == 0 || s->index != i)
            abort();
        if (s->start != saksi_doc_token(d, s->first_token)->start ||
            s->end != saksi_doc_token(d, s->first_token + s->n_tokens - 1)->end)
            abort();
        next += s->n_tokens;
    }
    if (next != nt)
        abort();
    /* mentions: inside their sentence, spans from their tokens, dates and
     * values sane */
    for (size_t i = 0; i < saksi_doc_mention_count(d); i++) {
        const saksi_mention *m = saksi_doc_mention(d, i);
        const saksi_sentence *s = saksi_doc_sentence(d, m->sentence);
        if (!s || m->n_tokens == 0 || m->first_token < s->first_token ||
            m->first_token + m->n_tokens > s->first_token + s->n_tokens)
            abort();
        if (m->start != saksi_doc_token(d, m->first_token)->start ||
            m->end != saksi_doc_token(d, m->first_token + m->n_tokens - 1)->end)
            abort();
        if (m->kind == SAKSI_MENTION_TIME &&
            m->precision != SAKSI_PREC_NONE && strlen(m->date) < 4)
            abort();
        if (m->kind == SAKSI_MENTION_QUANTITY && !(m->value >= 0))
            abort();
    }
    /* every analysed word has a root */
    for (size_t i = 0; i < nt; i++) {
        const saksi_token *t = saksi_doc_token(d, i);
        if (!t->root_str || t->n_affixes > 7)
            abort();
    }
    free(text);
    return 0;
}
