/*
 * bench.c — saksi's benchmark: throughput of each stage on real news.
 *
 *   build/bench/bench [--runs N] [--json FILE] CORPUS.jsonl...
 *
 * Loads the corpus into memory once (reading is not measured), then, N
 * times: (a) the floor, a bare pass over the same bytes that only counts
 * words; (b) the whole pipeline, timing each stage of every article
 * separately; (c) the pipeline plus the JSON writers of tokens and
 * mentions. The first pipeline run uses a fresh worker, so its morphology
 * is "cold" (every distinct word analysed); later runs are memoized.
 * Prints median, min and max of each figure in MB/s, sentences/s and, for
 * morphology, Indonesian words/s, and each median's ratio to the floor.
 * With --json, appends one line per figure to FILE. Also the gazetteer
 * alone: loading its binary index (mmap) and its text files, the time and
 * the memory each takes.
 */
#define _POSIX_C_SOURCE 200809L
#include "saksi.h"
#include "core/internal.h"
#include "places/gazetteer.h"

#include <malloc.h>
#include <sys/stat.h>

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
    saksi_article a = {it->id, it->date, it->lang, NULL, NULL, NULL, it->text,
                       it->len};
    return a;
}

/* The floor: one pass counting words (runs of non-blank bytes). */
static size_t run_floor(const corpus *c)
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
    return words;
}

#define MAXSTAGES 16

typedef struct {
    double stage[MAXSTAGES]; /* seconds per stage */
    double total, output;
    size_t sentences, id_words;
} pass;

/* The whole pipeline over the corpus, each stage timed. */
static void run_pipeline(const corpus *c, saksi_worker *w, int with_output,
                         FILE *sink, pass *p)
{
    memset(p, 0, sizeof *p);
    size_t ns = saksi_stage_count();
    double t0 = now();
    for (size_t i = 0; i < c->n; i++) {
        saksi_article a = article_of(&c->v[i]);
        if (saksi_begin(w, &a) != SAKSI_OK)
            abort();
        for (size_t s = 0; s < ns; s++) {
            double t = now();
            if (saksi_run_stage(w, s) != SAKSI_OK)
                abort();
            p->stage[s] += now() - t;
        }
        const saksi_doc *d = &w->doc;
        p->sentences += saksi_doc_sentence_count(d);
        for (size_t k = 0; k < saksi_doc_token_count(d); k++)
            p->id_words += (saksi_doc_token(d, k)->morph &
                            SAKSI_MORPH_ANALYZED) != 0;
        if (with_output) {
            double t = now();
            saksi_write_tokens(d, sink);
            saksi_write_mentions(d, sink);
            p->output += now() - t;
        }
    }
    p->total = now() - t0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct {
    char name[48];
    double median, min, max; /* seconds */
    double units;            /* sentences, or words for morphology */
    const char *unit;
} figure;

static figure summarize(const char *name, double *t, int n, double units,
                        const char *unit)
{
    figure f;
    snprintf(f.name, sizeof f.name, "%s", name);
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    f.median = t[n / 2];
    f.min = t[0];
    f.max = t[n - 1];
    f.units = units;
    f.unit = unit;
    return f;
}

/* The gazetteer alone: load time by index and by text files (median of
 * `runs`), and the memory each holds: heap bytes allocated (mallinfo2) and,
 * for the index, the bytes mapped from the file (read-only, shared between
 * processes, paged in as names are looked up). */
typedef struct {
    double idx_ms[3], text_ms[3]; /* median, min, max */
    double idx_heap_mb, text_heap_mb, idx_file_mb;
    size_t entries;
} gz_figures;

static double heap_now(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (double)mi.uordblks + (double)mi.hblkhd;
}

static int bench_gazetteer(const char *dir, int runs, gz_figures *out)
{
    char err[512];
    double *ti = malloc((size_t)runs * sizeof *ti);
    double *tt = malloc((size_t)runs * sizeof *tt);
    memset(out, 0, sizeof *out);
    for (int r = 0; r < runs; r++) {
        double h = heap_now(), t = now();
        saksi_gazetteer *g = gz_load(dir, err, sizeof err);
        ti[r] = now() - t;
        if (!g) {
            fprintf(stderr, "bench: %s\n", err);
            free(ti);
            free(tt);
            return -1;
        }
        out->idx_heap_mb = (heap_now() - h) / 1e6;
        out->entries = gz_count(g);
        gz_free(g);
        h = heap_now();
        t = now();
        g = gz_load_text(dir, err, sizeof err);
        tt[r] = now() - t;
        if (!g) {
            fprintf(stderr, "bench: %s\n", err);
            free(ti);
            free(tt);
            return -1;
        }
        out->text_heap_mb = (heap_now() - h) / 1e6;
        gz_free(g);
    }
    qsort(ti, (size_t)runs, sizeof *ti, cmp_double);
    qsort(tt, (size_t)runs, sizeof *tt, cmp_double);
    double a[3] = {ti[runs / 2], ti[0], ti[runs - 1]};
    double b[3] = {tt[runs / 2], tt[0], tt[runs - 1]};
    for (int k = 0; k < 3; k++) {
        out->idx_ms[k] = a[k] * 1e3;
        out->text_ms[k] = b[k] * 1e3;
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/places/gazetteer.idx", dir);
    struct stat st;
    if (stat(path, &st) == 0)
        out->idx_file_mb = (double)st.st_size / 1e6;
    free(ti);
    free(tt);
    return 0;
}

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
    const char *dir = getenv("SAKSI_DATA") ? NULL : "data";
    /* start-up: opening the model, median of the runs */
    double *startup = malloc((size_t)runs * sizeof *startup);
    saksi_model *m = NULL;
    for (int r = 0; r < runs; r++) {
        double t = now();
        saksi_model *mm = saksi_model_open(dir, err, sizeof err);
        startup[r] = now() - t;
        if (!mm) {
            fprintf(stderr, "bench: %s\n", err);
            return 2;
        }
        if (m)
            saksi_model_close(m);
        m = mm;
    }
    FILE *sink = fopen("/dev/null", "w");
    size_t ns = saksi_stage_count();
    double *floor_t = malloc((size_t)runs * sizeof *floor_t);
    double *total_t = malloc((size_t)runs * sizeof *total_t);
    double *out_t = malloc((size_t)runs * sizeof *out_t);
    double *stage_t = malloc((size_t)runs * MAXSTAGES * sizeof *stage_t);
    pass p;
    size_t sentences = 0, id_words = 0;
    /* cold: a fresh worker, every distinct word analysed once */
    saksi_worker *w = saksi_worker_new(m);
    run_pipeline(&c, w, 0, sink, &p);
    double cold_morph = 0;
    for (size_t s = 0; s < ns; s++)
        if (strcmp(saksi_stage_name(s), "morphology") == 0)
            cold_morph = p.stage[s];
    double cold_total = p.total;
    for (int r = 0; r < runs; r++) {
        double t = now();
        sink_count = run_floor(&c);
        floor_t[r] = now() - t;
        run_pipeline(&c, w, 0, sink, &p);
        total_t[r] = p.total;
        for (size_t s = 0; s < ns; s++)
            stage_t[s * (size_t)runs + (size_t)r] = p.stage[s];
        sentences = p.sentences;
        id_words = p.id_words;
        run_pipeline(&c, w, 1, sink, &p);
        out_t[r] = p.total;
    }
    figure figs[MAXSTAGES + 6];
    int nf = 0;
    figs[nf++] = summarize("floor (count words)", floor_t, runs, (double)sentences,
                           "sentences");
    for (size_t s = 0; s < ns; s++) {
        char name[48];
        snprintf(name, sizeof name, "  %s", saksi_stage_name(s));
        int morph = strcmp(saksi_stage_name(s), "morphology") == 0;
        figs[nf++] = summarize(morph ? "  morphology (memoized)" : name,
                               stage_t + s * (size_t)runs, runs,
                               morph ? (double)id_words : (double)sentences,
                               morph ? "id words" : "sentences");
    }
    figs[nf++] = summarize("pipeline (all stages)", total_t, runs,
                           (double)sentences, "sentences");
    figs[nf++] = summarize("pipeline + JSON output", out_t, runs,
                           (double)sentences, "sentences");
    double mb = (double)c.bytes / 1e6;
    qsort(startup, (size_t)runs, sizeof *startup, cmp_double);
    printf("corpus: %zu articles, %.2f MB, %zu sentences, %zu Indonesian "
           "words; %d runs each (median, min-max)\n",
           c.n, mb, sentences, id_words, runs);
    printf("start-up (open the model): median %.1f ms (%.1f-%.1f)\n",
           startup[runs / 2] * 1e3, startup[0] * 1e3, startup[runs - 1] * 1e3);
    printf("%-26s %9s %9s %13s %14s %12s %8s\n", "stage", "median s", "MB/s",
           "min-max MB/s", "units/s", "unit", "x floor");
    for (int i = 0; i < nf; i++) {
        const figure *f = &figs[i];
        char range[32];
        snprintf(range, sizeof range, "%.0f-%.0f", mb / f->max, mb / f->min);
        printf("%-26s %9.4f %9.1f %13s %14.0f %12s %8.1f\n", f->name,
               f->median, mb / f->median, range, f->units / f->median, f->unit,
               f->median / figs[0].median);
    }
    printf("%-26s %9.4f %9.1f %13s %14.0f %12s   (first run, fresh worker; "
           "pipeline %.4f s)\n",
           "  morphology (cold)", cold_morph, mb / cold_morph, "-",
           (double)id_words / cold_morph, "id words", cold_total);
    gz_figures gzf;
    const char *gdir = dir ? dir : getenv("SAKSI_DATA");
    int gz_ok = bench_gazetteer(gdir, runs, &gzf) == 0;
    if (gz_ok) {
        printf("gazetteer (%zu entries): index (mmap) %.2f ms (%.2f-%.2f), heap %.1f MB, "
               "file %.1f MB mapped; text files %.0f ms (%.0f-%.0f), heap %.1f MB\n",
               gzf.entries, gzf.idx_ms[0], gzf.idx_ms[1], gzf.idx_ms[2],
               gzf.idx_heap_mb, gzf.idx_file_mb, gzf.text_ms[0], gzf.text_ms[1],
               gzf.text_ms[2], gzf.text_heap_mb);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB (the corpus is held in memory)\n",
           (double)ru.ru_maxrss / 1024);
    if (json) {
        FILE *f = fopen(json, "a");
        if (f) {
            const char *commit = getenv("SAKSI_COMMIT");
            const char *machine = getenv("SAKSI_MACHINE");
            const char *cname = getenv("SAKSI_CORPUS");
            for (int i = 0; i < nf; i++) {
                const figure *g = &figs[i];
                const char *name = g->name;
                while (*name == ' ')
                    name++;
                fprintf(f,
                        "{\"commit\":\"%s\",\"machine\":\"%s\",\"corpus\":\"%s\","
                        "\"stage\":\"%s\",\"mb\":%.3f,\"runs\":%d,"
                        "\"median_s\":%.6f,\"min_s\":%.6f,\"max_s\":%.6f,"
                        "\"mb_per_s\":%.2f,\"%s_per_s\":%.0f,\"x_floor\":%.2f}\n",
                        commit ? commit : "", machine ? machine : "",
                        cname ? cname : "", name, mb, runs, g->median, g->min,
                        g->max, mb / g->median,
                        strcmp(g->unit, "id words") ? "sentences" : "words",
                        g->units / g->median, g->median / figs[0].median);
            }
            fprintf(f,
                    "{\"commit\":\"%s\",\"machine\":\"%s\",\"corpus\":\"%s\","
                    "\"stage\":\"morphology (cold)\",\"mb\":%.3f,\"runs\":1,"
                    "\"median_s\":%.6f,\"words_per_s\":%.0f}\n",
                    commit ? commit : "", machine ? machine : "",
                    cname ? cname : "", mb, cold_morph,
                    (double)id_words / cold_morph);
            fprintf(f,
                    "{\"commit\":\"%s\",\"machine\":\"%s\",\"corpus\":\"%s\","
                    "\"stage\":\"start-up\",\"runs\":%d,\"median_s\":%.6f,"
                    "\"min_s\":%.6f,\"max_s\":%.6f}\n",
                    commit ? commit : "", machine ? machine : "",
                    cname ? cname : "", runs, startup[runs / 2], startup[0],
                    startup[runs - 1]);
            if (gz_ok)
                fprintf(f,
                        "{\"commit\":\"%s\",\"machine\":\"%s\",\"stage\":\"gazetteer load\","
                        "\"runs\":%d,\"entries\":%zu,\"index_ms\":[%.3f,%.3f,%.3f],"
                        "\"index_heap_mb\":%.2f,\"index_file_mb\":%.2f,"
                        "\"text_ms\":[%.1f,%.1f,%.1f],\"text_heap_mb\":%.2f}\n",
                        commit ? commit : "", machine ? machine : "", runs, gzf.entries,
                        gzf.idx_ms[0], gzf.idx_ms[1], gzf.idx_ms[2], gzf.idx_heap_mb,
                        gzf.idx_file_mb, gzf.text_ms[0], gzf.text_ms[1], gzf.text_ms[2],
                        gzf.text_heap_mb);
            fclose(f);
        }
    }
    fclose(sink);
    free(startup);
    free(floor_t);
    free(total_t);
    free(out_t);
    free(stage_t);
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
