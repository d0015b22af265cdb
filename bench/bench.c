/*
 * bench.c — saksi's benchmark: throughput of each stage on real news.
 *
 *   build/bench/bench [--runs N] [--json FILE] CORPUS.jsonl...
 *
 * Loads the corpus into memory once (reading is not measured), then times,
 * N times each, (a) the floor: a bare pass over the same bytes that only
 * counts words, and (b) the pipeline stages saksi has. Prints the median,
 * min and max of each in MB/s and sentences/s, and the ratio of each
 * median to the floor's. With --json, appends one line per stage to FILE.
 */
#define _POSIX_C_SOURCE 200809L
#include "saksi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
    char *id, *date, *lang, *text;
    size_t len;
} item;

typedef struct {
    item *v;
    size_t n, cap, bytes;
} corpus;

/* Results land here so the compiler cannot drop the work. */
static volatile size_t sink_count;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void load(corpus *c, const char *path)
{
    const char *paths[] = {path};
    saksi_reader *r = saksi_reader_new(paths, 1, NULL);
    saksi_article a;
    saksi_diag d;
    saksi_status st;
    while ((st = saksi_reader_next(r, &a, &d)) != SAKSI_END) {
        if (st != SAKSI_OK) {
            fprintf(stderr, "bench: %s:%lu: %s\n", d.file, d.line, d.message);
            continue;
        }
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 1024;
            c->v = realloc(c->v, c->cap * sizeof *c->v);
        }
        item *it = &c->v[c->n++];
        it->id = strdup(a.id);
        it->date = dup_or_null(a.date);
        it->lang = dup_or_null(a.lang);
        it->text = malloc(a.text_len + 1);
        memcpy(it->text, a.text, a.text_len);
        it->text[a.text_len] = '\0';
        it->len = a.text_len;
        c->bytes += a.text_len;
    }
    saksi_reader_free(r);
}

static saksi_article article_of(const item *it)
{
    saksi_article a = {it->id, it->date, NULL, NULL, NULL, NULL, it->text,
                       it->len};
    a.lang = it->lang;
    return a;
}

/* The floor: one pass counting words (runs of non-blank bytes). */
static size_t run_floor(const corpus *c, size_t *sentences)
{
    size_t words = 0;
    for (size_t i = 0; i < c->n; i++) {
        const unsigned char *s = (const unsigned char *)c->v[i].text;
        int in = 0;
        for (size_t k = 0; k < c->v[i].len; k++) {
            int blank = s[k] == ' ' || s[k] == '\n' || s[k] == '\t';
            words += !blank && !in;
            in = !blank;
        }
    }
    *sentences = 0;
    return words;
}

static size_t run_pipeline(const corpus *c, saksi_worker *w,
                           size_t *sentences)
{
    size_t tokens = 0;
    *sentences = 0;
    for (size_t i = 0; i < c->n; i++) {
        saksi_article a = article_of(&c->v[i]);
        const saksi_doc *d;
        if (saksi_process(w, &a, &d) != SAKSI_OK)
            abort();
        tokens += saksi_doc_token_count(d);
        *sentences += saksi_doc_sentence_count(d);
    }
    return tokens;
}

static size_t run_output(const corpus *c, saksi_worker *w, size_t *sentences)
{
    FILE *sink = fopen("/dev/null", "w");
    size_t n = 0;
    *sentences = 0;
    for (size_t i = 0; i < c->n; i++) {
        saksi_article a = article_of(&c->v[i]);
        const saksi_doc *d;
        if (saksi_process(w, &a, &d) != SAKSI_OK)
            abort();
        saksi_write_tokens(d, sink);
        n += saksi_doc_token_count(d);
        *sentences += saksi_doc_sentence_count(d);
    }
    fclose(sink);
    return n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct {
    const char *name;
    double median, min, max;
    size_t sentences;
} result;

int main(int argc, char **argv)
{
    int runs = 5;
    const char *json = NULL;
    corpus c = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc)
            json = argv[++i];
        else
            load(&c, argv[i]);
    }
    if (!c.n || runs < 1) {
        fprintf(stderr, "usage: bench [--runs N] [--json FILE] CORPUS.jsonl...\n");
        return 2;
    }
    char err[512];
    double t0 = now();
    saksi_model *m = saksi_model_open(getenv("SAKSI_DATA") ? NULL : "data", err,
                                      sizeof err);
    double startup = now() - t0;
    if (!m) {
        fprintf(stderr, "bench: %s\n", err);
        return 2;
    }
    saksi_worker *w = saksi_worker_new(m);
    size_t warm;
    run_pipeline(&c, w, &warm); /* warm the worker's caches */

    struct {
        const char *name;
        int kind;
    } stages[] = {{"floor (count words)", 0},
                  {"tokenize+segment+langid", 1},
                  {"…+JSON tokens output", 2}};
    result res[3];
    double *t = malloc((size_t)runs * sizeof *t);
    for (int s = 0; s < 3; s++) {
        size_t sentences = 0;
        for (int r = 0; r < runs; r++) {
            double a = now();
            if (stages[s].kind == 0)
                sink_count = run_floor(&c, &sentences);
            else if (stages[s].kind == 1)
                sink_count = run_pipeline(&c, w, &sentences);
            else
                sink_count = run_output(&c, w, &sentences);
            t[r] = now() - a;
        }
        qsort(t, (size_t)runs, sizeof *t, cmp_double);
        res[s].name = stages[s].name;
        res[s].median = t[runs / 2];
        res[s].min = t[0];
        res[s].max = t[runs - 1];
        res[s].sentences = stages[s].kind ? sentences : warm;
    }
    double mb = (double)c.bytes / 1e6;
    printf("corpus: %zu articles, %.1f MB, %zu sentences; %d runs each; "
           "model load %.1f ms\n",
           c.n, mb, warm, runs, startup * 1e3);
    printf("%-26s %10s %10s %10s %14s %8s\n", "stage", "median s", "MB/s",
           "min-max MB/s", "sentences/s", "x floor");
    for (int s = 0; s < 3; s++) {
        char range[32];
        snprintf(range, sizeof range, "%.0f-%.0f", mb / res[s].max,
                 mb / res[s].min);
        printf("%-26s %10.4f %10.1f %10s %14.0f %8.1f\n", res[s].name,
               res[s].median, mb / res[s].median, range,
               (double)res[s].sentences / res[s].median,
               res[s].median / res[0].median);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB (corpus held in memory)\n", (double)ru.ru_maxrss / 1024);
    if (json) {
        FILE *f = fopen(json, "a");
        if (f) {
            const char *commit = getenv("SAKSI_COMMIT");
            const char *machine = getenv("SAKSI_MACHINE");
            for (int s = 0; s < 3; s++)
                fprintf(f,
                        "{\"commit\":\"%s\",\"machine\":\"%s\",\"stage\":\"%s\","
                        "\"mb\":%.3f,\"runs\":%d,\"median_s\":%.6f,\"min_s\":%.6f,"
                        "\"max_s\":%.6f,\"mb_per_s\":%.2f,\"sentences_per_s\":%.0f,"
                        "\"x_floor\":%.2f}\n",
                        commit ? commit : "", machine ? machine : "", res[s].name,
                        mb, runs, res[s].median, res[s].min, res[s].max,
                        mb / res[s].median,
                        (double)res[s].sentences / res[s].median,
                        res[s].median / res[0].median);
            fclose(f);
        }
    }
    free(t);
    saksi_worker_free(w);
    saksi_model_close(m);
    for (size_t i = 0; i < c.n; i++) {
        free(c.v[i].id);
        free(c.v[i].date);
        free(c.v[i].lang);
        free(c.v[i].text);
    }
    free(c.v);
    return 0;
}
