/*
 * fuzz_jsonl.c — libFuzzer target for the article reader: arbitrary bytes
 * as an input file (JSON Lines or plain text, auto-detected), then every
 * accepted article through the whole pipeline and the JSON writers.
 *
 *   make fuzz && build/fuzz/fuzz_jsonl -max_total_time=600 fuzz/seeds/fuzz_jsonl
 */
#include "saksi.h"

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
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return 0;
    saksi_reader_options opt = {SAKSI_FORMAT_AUTO, "2022-08-04", NULL, NULL};
    saksi_reader *r = saksi_reader_from_stream(f, "fuzz", &opt);
    saksi_article a;
    saksi_diag d;
    saksi_status st;
    while ((st = saksi_reader_next(r, &a, &d)) != SAKSI_END) {
        if (st != SAKSI_OK)
            continue;
        if (a.text_len > size || !a.id)
            abort();
        const saksi_doc *doc;
        if (saksi_process(worker, &a, &doc) != SAKSI_OK)
            abort();
        saksi_write_sentences(doc, sink);
        saksi_write_tokens(doc, sink);
        saksi_write_mentions(doc, sink);
        saksi_write_events(doc, sink);
    }
    saksi_reader_free(r);
    fclose(f);
    return 0;
}
