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
static FILE *sink;

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
    sink = fopen("/dev/null", "w");
    if (!worker || !sink)
        abort();
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
    /* actors inside their sentence; events with valid actors, their
     * trigger inside their sentence, a known CAMEO code and rule */
    size_t na = saksi_doc_actor_count(d);
    for (size_t i = 0; i < na; i++) {
        const saksi_actor *x = saksi_doc_actor(d, i);
        const saksi_sentence *s = saksi_doc_sentence(d, x->sentence);
        if (!s || x->first_token < s->first_token || x->n_tokens == 0 ||
            x->first_token + x->n_tokens > s->first_token + s->n_tokens ||
            x->start >= x->end || x->end > size ||
            (x->antecedent >= 0 && (size_t)x->antecedent >= na))
            abort();
    }
    for (size_t i = 0; i < saksi_doc_event_count(d); i++) {
        const saksi_event *e = saksi_doc_event(d, i);
        const saksi_sentence *s = saksi_doc_sentence(d, e->sentence);
        if (!s || e->start != s->start || e->end != s->end ||
            e->head_start < s->start || e->head_end > s->end ||
            e->head_start >= e->head_end)
            abort();
        if ((e->source >= 0 && (size_t)e->source >= na) ||
            (e->target >= 0 && (size_t)e->target >= na) ||
            (e->claimed_by >= 0 && (size_t)e->claimed_by >= na) ||
            (e->source < 0 && e->target < 0))
            abort();
        if (strlen(e->cameo) < 2 || !e->rule || !e->why)
            abort();
        if (e->place >= 0 && (size_t)e->place >= saksi_doc_place_count(d))
            abort();
    }
    /* the writers run over all of it */
    saksi_write_events(d, sink);
    saksi_write_places(d, sink);
    saksi_write_explain(d, sink);
    free(text);
    return 0;
}
