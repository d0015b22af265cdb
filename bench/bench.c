/*
 * bench.c — saksi's benchmark: the speed of each stage and of the whole
 * program on real news, against the floor, and the memory it takes.
 *
 *   build/bench/bench [--runs N] [--json FILE] [--cli PATH] [--threads N]
 *                     [--big K] CORPUS.jsonl...
 *
 * In the library (the corpus is read into memory first; reading is not
 * timed), N runs each of:
 *   - the floor: a bare pass over the same bytes that only counts words;
 *   - the pipeline with a fresh worker ("cold": every distinct word is
 *     analysed and looked up for the first time, as for a new day's news),
 *     each stage timed, then a second pass with the same worker ("warm":
 *     its memos filled, as deep into a long stream);
 *   - the JSON writers of tokens, mentions, places and events on the warm
 *     documents, to /dev/null.
 * With --cli, the program as a user runs it (each run a fresh process,
 * wall time): start-up on a one-line input; `saksi code` over the corpus
 * with -j 1, 2, … up to --threads (default: the processors), each output
 * compared byte for byte with -j 1's; peak RSS of `saksi code` on the
 * corpus repeated --big times (default 10, ids made unique), and again
 * with new words in every copy, with -j 1 and -j 2. Also the gazetteer's
 * load time and memory.
 *
 * Every figure is the median of the runs, with min and max; the table goes
 * to stdout and, with --json, one JSON object per figure is appended to
 * FILE with the commit ($SAKSI_COMMIT), the machine ($SAKSI_MACHINE) and
 * the corpus name ($SAKSI_CORPUS).
 */
#define _DEFAULT_SOURCE /* wait4 */
#include "saksi.h"
#include "core/internal.h"
#include "output/json.h"
#include "places/gazetteer.h"

#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

typedef struct {
    char *id, *date, *lang, *text;
    size_t len;
} item;

typedef struct {
    item *v;
    size_t n, cap, bytes;
    const char *const *paths;
    size_t npaths;
} corpus;

typedef struct {
    const char *json, *cli, *data;
    int runs, threads, big;
} options;

/* Results land here so the compiler cannot drop the work. */
static volatile size_t sink_count;

/* ---- small tools ------------------------------------------------------------ */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* median, min and max of n values (sorted in place) */
typedef struct {
    double med, min, max;
} stat3;

static stat3 stats(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    stat3 s = {v[n / 2], v[0], v[n - 1]};
    return s;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* ---- the corpus ------------------------------------------------------------- */

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

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].id);
        free(c->v[i].date);
        free(c->v[i].lang);
        free(c->v[i].text);
    }
    free(c->v);
}

static saksi_article article_of(const item *it)
{
    saksi_article a = {it->id, it->date, it->lang, NULL, NULL, NULL, it->text,
                       it->len};
    return a;
}

/* ---- the library -------------------------------------------------------------- */

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

/* The whole pipeline over the corpus, each stage timed; with `sink`, the
 * writers too (timed apart). */
static void run_pipeline(const corpus *c, saksi_worker *w, FILE *sink, pass *p)
{
    memset(p, 0, sizeof *p);
    size_t ns = saksi_stage_count();
    for (size_t i = 0; i < c->n; i++) {
        saksi_article a = article_of(&c->v[i]);
        double t0 = now();
        if (saksi_begin(w, &a) != SAKSI_OK)
            abort();
        for (size_t s = 0; s < ns; s++) {
            double t = now();
            if (saksi_run_stage(w, s) != SAKSI_OK)
                abort();
            p->stage[s] += now() - t;
        }
        p->total += now() - t0;
        const saksi_doc *d = &w->doc;
        p->sentences += saksi_doc_sentence_count(d);
        for (size_t k = 0; k < saksi_doc_token_count(d); k++)
            p->id_words += (saksi_doc_token(d, k)->morph &
                            SAKSI_MORPH_ANALYZED) != 0;
        if (sink) {
            double t = now();
            saksi_write_tokens(d, sink);
            saksi_write_mentions(d, sink);
            saksi_write_places(d, sink);
            saksi_write_events(d, sink);
            p->output += now() - t;
        }
    }
}

/* Per figure: its runs' seconds. Figures: floor, each stage cold and warm,
 * the pipeline cold and warm, the writers, start-up. */
typedef struct {
    double *floor, *cold[MAXSTAGES], *warm[MAXSTAGES], *cold_total,
        *warm_total, *output, *startup;
    size_t sentences, id_words, words;
} lib_times;

static double *alloc_runs(int runs)
{
    double *v = calloc((size_t)runs, sizeof *v);
    if (!v)
        abort();
    return v;
}

static void run_library(const corpus *c, const options *o, lib_times *t)
{
    char err[512];
    size_t ns = saksi_stage_count();
    t->floor = alloc_runs(o->runs);
    t->cold_total = alloc_runs(o->runs);
    t->warm_total = alloc_runs(o->runs);
    t->output = alloc_runs(o->runs);
    t->startup = alloc_runs(o->runs);
    for (size_t s = 0; s < ns; s++) {
        t->cold[s] = alloc_runs(o->runs);
        t->warm[s] = alloc_runs(o->runs);
    }
    FILE *sink = fopen("/dev/null", "w");
    for (int r = 0; r < o->runs; r++) {
        double t0 = now();
        saksi_model *m = saksi_model_open(o->data, err, sizeof err);
        t->startup[r] = now() - t0;
        if (!m || !sink) {
            fprintf(stderr, "bench: %s\n", m ? "cannot open /dev/null" : err);
            exit(2);
        }
        t0 = now();
        t->words = run_floor(c);
        sink_count = t->words;
        t->floor[r] = now() - t0;
        saksi_worker *w = saksi_worker_new(m);
        pass p;
        run_pipeline(c, w, NULL, &p);
        for (size_t s = 0; s < ns; s++)
            t->cold[s][r] = p.stage[s];
        t->cold_total[r] = p.total;
        run_pipeline(c, w, sink, &p);
        for (size_t s = 0; s < ns; s++)
            t->warm[s][r] = p.stage[s];
        t->warm_total[r] = p.total;
        t->output[r] = p.output;
        t->sentences = p.sentences;
        t->id_words = p.id_words;
        saksi_worker_free(w);
        saksi_model_close(m);
    }
    fclose(sink);
}

/* ---- the program ------------------------------------------------------------ */

/* A run of the program: its wall time, exit status and peak RSS (KiB). */
typedef struct {
    double secs;
    int status;
    long maxrss_kb;
} child_run;

/* Runs `argv` with stdout to `out` and stderr to /dev/null. */
/* Starts `argv` with stdout to `out` and stderr to /dev/null; its pid, or
 * -1. */
static pid_t spawn(char *const argv[], const char *out)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0 ? pid : -1;
}

static child_run spawn_wait(char *const argv[], const char *out)
{
    child_run cr = {0, -1, 0};
    double t0 = now();
    pid_t pid = spawn(argv, out);
    int st;
    struct rusage ru;
    if (pid > 0 && wait4(pid, &st, 0, &ru) == pid) {
        cr.secs = now() - t0;
        cr.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        cr.maxrss_kb = ru.ru_maxrss;
    }
    return cr;
}

/* Two programs at once, output to /dev/null: seconds until both end. */
static double spawn_pair(char *const a[], char *const b[])
{
    double t0 = now();
    pid_t pa = spawn(a, "/dev/null"), pb = spawn(b, "/dev/null");
    int st;
    if (pa > 0)
        waitpid(pa, &st, 0);
    if (pb > 0)
        waitpid(pb, &st, 0);
    return pa > 0 && pb > 0 ? now() - t0 : 0;
}

/* The helper mode, `bench --spawn OUT ARGV…`: runs ARGV and prints its
 * child_run. A child of this (large) benchmark process would be charged
 * the benchmark's own peak RSS; a child of the small helper is not. */
static int spawn_helper(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    child_run cr = spawn_wait(argv + 3, argv[2]);
    printf("%.6f %d %ld\n", cr.secs, cr.status, cr.maxrss_kb);
    return 0;
}

/* Runs `argv` with stdout to `out` (NULL: /dev/null) through the helper. */
static child_run run_program(char *const argv[], const char *out,
                             const char *result_path)
{
    child_run cr = {0, -1, 0};
    size_t n = 0;
    while (argv[n])
        n++;
    char **v = calloc(n + 4, sizeof *v);
    v[0] = "/proc/self/exe";
    v[1] = "--spawn";
    v[2] = (char *)(out ? out : "/dev/null");
    memcpy(v + 3, argv, n * sizeof *v);
    child_run h = spawn_wait(v, result_path);
    free(v);
    FILE *f = h.status == 0 ? fopen(result_path, "r") : NULL;
    if (f) {
        if (fscanf(f, "%lf %d %ld", &cr.secs, &cr.status, &cr.maxrss_kb) != 3)
            cr.status = -1;
        fclose(f);
    }
    return cr;
}

/* argv of `saksi code -j N [--data DIR] FILES…` */
static char **code_argv(const options *o, const char *threads,
                        const char *const *files, size_t nfiles)
{
    char **v = calloc(nfiles + 8, sizeof *v);
    size_t k = 0;
    v[k++] = (char *)o->cli;
    v[k++] = "code";
    v[k++] = "-j";
    v[k++] = (char *)threads;
    if (o->data) {
        v[k++] = "--data";
        v[k++] = (char *)o->data;
    }
    for (size_t i = 0; i < nfiles; i++)
        v[k++] = (char *)files[i];
    return v;
}

static int same_file(const char *a, const char *b)
{
    FILE *f = fopen(a, "rb"), *g = fopen(b, "rb");
    int same = f && g;
    while (same) {
        int x = getc(f), y = getc(g);
        if (x != y)
            same = 0;
        if (x == EOF || y == EOF)
            break;
    }
    if (f)
        fclose(f);
    if (g)
        fclose(g);
    return same;
}

/* A copy's text with new words: after every word of four or more
 * lower-case letters, two more letters naming the copy ("serangan" →
 * "serangancb"), so each copy brings some 40,000 words no worker has
 * met (and the workers' memory of their own words fills and is
 * forgotten, again and again). */
static void renamed_words(saksi_buf *b, const char *s, size_t n, int copy)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] >= 'a' && s[j] <= 'z')
            j++;
        if (j == i) {
            saksi_buf_catc(b, s[i]);
            i++;
            continue;
        }
        saksi_buf_cat(b, s + i, j - i);
        if (j - i >= 4) {
            saksi_buf_catc(b, (char)('a' + copy % 26));
            saksi_buf_catc(b, (char)('a' + copy / 26 % 26));
        }
        i = j;
    }
}

/* The corpus `k` times over, ids made unique ("id#copy"), as JSON Lines;
 * with `renamed`, each copy with new words (renamed_words); with `half` 1
 * or 2, only the odd or even articles. */
static int write_big(const corpus *c, int k, int renamed, int half,
                     const char *path, double *mb)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    saksi_buf b, text;
    saksi_buf_init(&b);
    saksi_buf_init(&text);
    size_t total = 0;
    for (int copy = 0; copy < k; copy++)
        for (size_t i = half ? (size_t)half - 1 : 0; i < c->n; i += half ? 2 : 1) {
            const item *it = &c->v[i];
            char id[512];
            snprintf(id, sizeof id, "%s#%d", it->id, copy);
            saksi_buf_clear(&b);
            saksi_buf_cats(&b, "{\"id\":");
            json_cstr(&b, id);
            if (it->date) {
                saksi_buf_cats(&b, ",\"date\":");
                json_cstr(&b, it->date);
            }
            if (it->lang) {
                saksi_buf_cats(&b, ",\"lang\":");
                json_cstr(&b, it->lang);
            }
            saksi_buf_cats(&b, ",\"text\":");
            if (renamed) {
                saksi_buf_clear(&text);
                renamed_words(&text, it->text, it->len, copy);
                json_str(&b, text.data, text.len);
            } else {
                json_str(&b, it->text, it->len);
            }
            saksi_buf_cats(&b, "}\n");
            total += b.len;
            fwrite(b.data, 1, b.len, f);
        }
    saksi_buf_free(&b);
    saksi_buf_free(&text);
    *mb = (double)total / 1e6;
    return fclose(f) ? -1 : 0;
}

typedef struct {
    double *pair;          /* two -j 1 runs at once, on the halves */
    int nthreads;          /* -j 1 … nthreads measured */
    double *secs[9];       /* per -j: each run's wall seconds */
    int identical[9];      /* -j N's output is -j 1's */
    stat3 startup;         /* seconds */
    double big_mb[2];      /* the corpus repeated; …with new words */
    child_run big[2][2];   /* [input][-j 1, -j 2] */
    long startup_rss_kb;
} cli_times;

static void run_cli(const corpus *c, const options *o, cli_times *t)
{
    memset(t, 0, sizeof *t);
    const char *tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char one[4200], out1[4200], outn[4200], big[4200], res[4200];
    snprintf(one, sizeof one, "%s/saksi-bench-%ld-one.jsonl", tmpdir, (long)getpid());
    snprintf(out1, sizeof out1, "%s/saksi-bench-%ld-j1.out", tmpdir, (long)getpid());
    snprintf(outn, sizeof outn, "%s/saksi-bench-%ld-jn.out", tmpdir, (long)getpid());
    snprintf(big, sizeof big, "%s/saksi-bench-%ld-big.jsonl", tmpdir, (long)getpid());
    snprintf(res, sizeof res, "%s/saksi-bench-%ld-result", tmpdir, (long)getpid());
    /* start-up: one short article */
    FILE *f = fopen(one, "w");
    if (f) {
        fputs("{\"id\":\"a\",\"date\":\"2022-08-04\",\"text\":\"Rusia prihatin.\"}\n", f);
        fclose(f);
    }
    double *st = alloc_runs(o->runs);
    const char *files1[] = {one};
    char **argv = code_argv(o, "1", files1, 1);
    for (int r = 0; r < o->runs; r++) {
        child_run cr = run_program(argv, NULL, res);
        st[r] = cr.secs;
        t->startup_rss_kb = cr.maxrss_kb;
    }
    free(argv);
    t->startup = stats(st, o->runs);
    free(st);
    /* what the machine gives two processes at once: -j 1 on each half of
     * the corpus (odd and even articles), side by side */
    char half1[4200], half2[4200];
    snprintf(half1, sizeof half1, "%s/saksi-bench-%ld-h1.jsonl", tmpdir, (long)getpid());
    snprintf(half2, sizeof half2, "%s/saksi-bench-%ld-h2.jsonl", tmpdir, (long)getpid());
    double mb;
    const char *f1[] = {half1}, *f2[] = {half2};
    char **a1 = NULL, **a2 = NULL;
    if (write_big(c, 1, 0, 1, half1, &mb) == 0 &&
        write_big(c, 1, 0, 2, half2, &mb) == 0) {
        t->pair = alloc_runs(o->runs);
        a1 = code_argv(o, "1", f1, 1);
        a2 = code_argv(o, "1", f2, 1);
    }
    /* the corpus with -j 1 … N and the pair, runs interleaved so that load
     * on the machine falls on all alike */
    t->nthreads = o->threads < 1 ? 1 : o->threads > 8 ? 8 : o->threads;
    for (int j = 1; j <= t->nthreads; j++) {
        t->secs[j] = alloc_runs(o->runs);
        t->identical[j] = 1;
    }
    for (int r = 0; r < o->runs; r++) {
        for (int j = 1; j <= t->nthreads; j++) {
            char js[8];
            snprintf(js, sizeof js, "%d", j);
            argv = code_argv(o, js, c->paths, c->npaths);
            child_run cr = run_program(argv, j == 1 ? out1 : outn, res);
            free(argv);
            t->secs[j][r] = cr.secs;
            if (j > 1 && !same_file(out1, outn))
                t->identical[j] = 0;
        }
        if (t->pair)
            t->pair[r] = spawn_pair(a1, a2);
    }
    free(a1);
    free(a2);
    remove(half1);
    remove(half2);
    /* peak RSS on a large input */
    for (int renamed = 0; renamed < 2 && o->big > 0; renamed++) {
        if (write_big(c, o->big, renamed, 0, big, &t->big_mb[renamed]))
            break;
        const char *files[] = {big};
        for (int j = 0; j < 2; j++) {
            argv = code_argv(o, j ? "2" : "1", files, 1);
            t->big[renamed][j] = run_program(argv, NULL, res);
            free(argv);
        }
    }
    remove(one);
    remove(out1);
    remove(outn);
    remove(big);
    remove(res);
}

/* ---- the gazetteer -------------------------------------------------------------- */

/* Load time by index and by text files, and the memory each holds: heap
 * bytes allocated (mallinfo2) and, for the index, the bytes mapped from the
 * file (read-only, shared between processes, paged in as names are looked
 * up). */
typedef struct {
    stat3 idx_ms, text_ms;
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
    double *ti = alloc_runs(runs), *tt = alloc_runs(runs);
    memset(out, 0, sizeof *out);
    int rc = 0;
    for (int r = 0; r < runs && !rc; r++) {
        double h = heap_now(), t = now();
        saksi_gazetteer *g = gz_load(dir, err, sizeof err);
        ti[r] = (now() - t) * 1e3;
        if (g) {
            out->idx_heap_mb = (heap_now() - h) / 1e6;
            out->entries = gz_count(g);
            gz_free(g);
            h = heap_now();
            t = now();
            g = gz_load_text(dir, err, sizeof err);
            tt[r] = (now() - t) * 1e3;
            out->text_heap_mb = (heap_now() - h) / 1e6;
        }
        if (!g) {
            fprintf(stderr, "bench: %s\n", err);
            rc = -1;
        }
        gz_free(g);
    }
    out->idx_ms = stats(ti, runs);
    out->text_ms = stats(tt, runs);
    char path[4200];
    snprintf(path, sizeof path, "%s/places/gazetteer.idx", dir);
    struct stat st;
    if (stat(path, &st) == 0)
        out->idx_file_mb = (double)st.st_size / 1e6;
    free(ti);
    free(tt);
    return rc;
}

/* ---- the report ---------------------------------------------------------------- */

typedef struct {
    FILE *json;
    const char *commit, *machine, *corpus;
    double mb;
    int runs;
} report;

static void json_head(const report *rp, const char *figure)
{
    fprintf(rp->json,
            "{\"commit\":\"%s\",\"machine\":\"%s\",\"corpus\":\"%s\","
            "\"figure\":\"%s\",\"runs\":%d",
            rp->commit, rp->machine, rp->corpus, figure, rp->runs);
}

/* One timed figure over the corpus: a table row and a JSON line. */
static void row(const report *rp, const char *name, stat3 s, double sentences,
                double floor_med)
{
    char range[32];
    snprintf(range, sizeof range, "%.1f-%.1f", s.min * 1e3, s.max * 1e3);
    printf("%-30s %9.1f %15s %9.1f %12.0f", name, s.med * 1e3, range,
           rp->mb / s.med, sentences / s.med);
    if (floor_med > 0)
        printf(" %8.1f", s.med / floor_med);
    printf("\n");
    if (!rp->json)
        return;
    json_head(rp, name);
    fprintf(rp->json,
            ",\"mb\":%.3f,\"median_s\":%.6f,\"min_s\":%.6f,\"max_s\":%.6f,"
            "\"mb_per_s\":%.2f,\"sentences_per_s\":%.0f",
            rp->mb, s.med, s.min, s.max, rp->mb / s.med, sentences / s.med);
    if (floor_med > 0)
        fprintf(rp->json, ",\"x_floor\":%.2f", s.med / floor_med);
    fprintf(rp->json, "}\n");
}

/* The table of the library's figures; returns the floor's median. */
static double report_library(const report *rp, lib_times *t, int runs)
{
    size_t ns = saksi_stage_count();
    double sent = (double)t->sentences;
    stat3 fl = stats(t->floor, runs);
    printf("%-30s %9s %15s %9s %12s %8s\n", "figure", "median ms", "min-max ms",
           "MB/s", "sentences/s", "x floor");
    row(rp, "floor (count words)", fl, sent, fl.med);
    for (int warm = 0; warm < 2; warm++) {
        printf("-- %s\n", warm ? "warm: the same worker again (memos filled)"
                               : "cold: a fresh worker (memos empty)");
        for (size_t s = 0; s < ns; s++) {
            char name[64];
            snprintf(name, sizeof name, "  %s (%s)", saksi_stage_name(s),
                     warm ? "warm" : "cold");
            row(rp, name, stats(warm ? t->warm[s] : t->cold[s], runs), sent, 0);
        }
        row(rp, warm ? "pipeline, all stages (warm)" : "pipeline, all stages (cold)",
            stats(warm ? t->warm_total : t->cold_total, runs), sent, fl.med);
    }
    row(rp, "JSON output (4 writers, warm)", stats(t->output, runs), sent, 0);
    stat3 su = stats(t->startup, runs);
    free(t->floor);
    free(t->cold_total);
    free(t->warm_total);
    free(t->output);
    for (size_t s = 0; s < ns; s++) {
        free(t->cold[s]);
        free(t->warm[s]);
    }
    printf("start-up, opening the model: median %.1f ms (%.1f-%.1f)\n",
           su.med * 1e3, su.min * 1e3, su.max * 1e3);
    if (rp->json) {
        json_head(rp, "start-up (model)");
        fprintf(rp->json, ",\"median_s\":%.6f,\"min_s\":%.6f,\"max_s\":%.6f}\n",
                su.med, su.min, su.max);
    }
    free(t->startup);
    return fl.med;
}

static void report_cli(const report *rp, cli_times *t, int runs, double sentences,
                       double floor_med)
{
    printf("-- the program (fresh process each run, wall time)\n");
    printf("start-up, saksi code on one short article: median %.1f ms "
           "(%.1f-%.1f), peak RSS %.1f MB\n",
           t->startup.med * 1e3, t->startup.min * 1e3, t->startup.max * 1e3,
           (double)t->startup_rss_kb / 1024);
    if (rp->json) {
        json_head(rp, "start-up (program)");
        fprintf(rp->json, ",\"median_s\":%.6f,\"min_s\":%.6f,\"max_s\":%.6f,"
                "\"peak_rss_mb\":%.1f}\n", t->startup.med, t->startup.min,
                t->startup.max, (double)t->startup_rss_kb / 1024);
    }
    double one = 0;
    for (int j = 1; j <= t->nthreads; j++) {
        char name[64];
        snprintf(name, sizeof name, "saksi code -j %d", j);
        stat3 s = stats(t->secs[j], runs);
        if (j == 1)
            one = s.med;
        row(rp, name, s, sentences, floor_med);
        if (j > 1) {
            printf("%-30s speed-up %.2fx over -j 1 (%.2f-%.2f); output %s\n", "",
                   one / s.med, one / s.max, one / s.min,
                   t->identical[j] ? "byte-identical to -j 1"
                                   : "DIFFERS from -j 1");
            if (rp->json) {
                json_head(rp, name);
                fprintf(rp->json, ",\"speedup\":%.3f,\"identical\":%s}\n",
                        one / s.med, t->identical[j] ? "true" : "false");
            }
        }
    }
    if (t->pair) {
        stat3 s = stats(t->pair, runs);
        printf("the machine's ceiling: two saksi code -j 1 at once, each on half "
               "the corpus: %.1f ms (%.1f-%.1f), %.2fx over -j 1 on the whole\n",
               s.med * 1e3, s.min * 1e3, s.max * 1e3, one / s.med);
        if (rp->json) {
            json_head(rp, "two processes on the halves");
            fprintf(rp->json, ",\"median_s\":%.6f,\"min_s\":%.6f,\"max_s\":%.6f,"
                    "\"speedup\":%.3f}\n", s.med, s.min, s.max, one / s.med);
        }
        free(t->pair);
    }
    static const char *const inputs[] = {"the corpus repeated",
                                         "the corpus repeated, new words"};
    for (int in = 0; in < 2; in++)
        for (int j = 0; j < 2 && t->big_mb[in] > 0; j++) {
            const child_run *b = &t->big[in][j];
            printf("peak RSS, saksi code -j %d on %.1f MB (%s): %.1f MB "
                   "(%.1f s, exit %d)\n", j + 1, t->big_mb[in], inputs[in],
                   (double)b->maxrss_kb / 1024, b->secs, b->status);
            if (rp->json) {
                char name[64];
                snprintf(name, sizeof name, "peak RSS -j %d%s", j + 1,
                         in ? ", new words" : "");
                json_head(rp, name);
                fprintf(rp->json, ",\"input_mb\":%.1f,\"peak_rss_mb\":%.1f,"
                        "\"seconds\":%.3f}\n", t->big_mb[in],
                        (double)b->maxrss_kb / 1024, b->secs);
            }
        }
}

static void report_gazetteer(const report *rp, const gz_figures *g)
{
    printf("gazetteer (%zu entries): index (mmap) %.2f ms (%.2f-%.2f), heap %.1f MB, "
           "file %.1f MB mapped; text files %.0f ms (%.0f-%.0f), heap %.1f MB\n",
           g->entries, g->idx_ms.med, g->idx_ms.min, g->idx_ms.max, g->idx_heap_mb,
           g->idx_file_mb, g->text_ms.med, g->text_ms.min, g->text_ms.max,
           g->text_heap_mb);
    if (!rp->json)
        return;
    json_head(rp, "gazetteer load");
    fprintf(rp->json,
            ",\"entries\":%zu,\"index_ms\":[%.3f,%.3f,%.3f],\"index_heap_mb\":%.2f,"
            "\"index_file_mb\":%.2f,\"text_ms\":[%.1f,%.1f,%.1f],\"text_heap_mb\":%.2f}\n",
            g->entries, g->idx_ms.med, g->idx_ms.min, g->idx_ms.max, g->idx_heap_mb,
            g->idx_file_mb, g->text_ms.med, g->text_ms.min, g->text_ms.max,
            g->text_heap_mb);
}

/* ---- main ---------------------------------------------------------------------- */

static int parse_args(int argc, char **argv, options *o, corpus *c)
{
    memset(o, 0, sizeof *o);
    o->runs = 5;
    o->big = 10;
    o->threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
    o->data = getenv("SAKSI_DATA") ? NULL : "data";
    static const char *paths[64];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (strcmp(a, "--runs") == 0 && more)
            o->runs = atoi(argv[++i]);
        else if (strcmp(a, "--json") == 0 && more)
            o->json = argv[++i];
        else if (strcmp(a, "--cli") == 0 && more)
            o->cli = argv[++i];
        else if (strcmp(a, "--threads") == 0 && more)
            o->threads = atoi(argv[++i]);
        else if (strcmp(a, "--big") == 0 && more)
            o->big = atoi(argv[++i]);
        else if (a[0] == '-' || c->npaths == 64)
            return -1;
        else
            paths[c->npaths++] = a;
    }
    c->paths = paths;
    for (size_t i = 0; i < c->npaths; i++)
        load(c, c->paths[i]);
    return c->n && o->runs >= 1 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--spawn") == 0)
        return spawn_helper(argc, argv);
    options o;
    corpus c;
    memset(&c, 0, sizeof c);
    if (parse_args(argc, argv, &o, &c)) {
        fprintf(stderr, "usage: bench [--runs N] [--json FILE] [--cli PATH] "
                        "[--threads N] [--big K] CORPUS.jsonl...\n");
        return 2;
    }
    lib_times lt;
    memset(&lt, 0, sizeof lt);
    run_library(&c, &o, &lt);
    report rp = {NULL, getenv("SAKSI_COMMIT"), getenv("SAKSI_MACHINE"),
                 getenv("SAKSI_CORPUS"), (double)c.bytes / 1e6, o.runs};
    if (!rp.commit)
        rp.commit = "";
    if (!rp.machine)
        rp.machine = "";
    if (!rp.corpus)
        rp.corpus = "";
    if (o.json && !(rp.json = fopen(o.json, "a")))
        fprintf(stderr, "bench: cannot append to %s\n", o.json);
    printf("corpus: %zu articles, %.2f MB, %zu sentences, %zu words (%zu "
           "analysed by morphology); %d runs each: median, min-max\n",
           c.n, rp.mb, lt.sentences, lt.words, lt.id_words, o.runs);
    double floor_med = report_library(&rp, &lt, o.runs);
    if (o.cli) {
        cli_times ct;
        run_cli(&c, &o, &ct);
        report_cli(&rp, &ct, o.runs, (double)lt.sentences, floor_med);
        for (int j = 1; j <= ct.nthreads; j++)
            free(ct.secs[j]);
    }
    gz_figures gz;
    const char *gdir = o.data ? o.data : getenv("SAKSI_DATA");
    if (bench_gazetteer(gdir, o.runs, &gz) == 0)
        report_gazetteer(&rp, &gz);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS of this benchmark: %.1f MB (the corpus held in memory)\n",
           (double)ru.ru_maxrss / 1024);
    if (rp.json)
        fclose(rp.json);
    corpus_free(&c);
    return 0;
}
