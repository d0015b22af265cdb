/*
 * jobs.c — the command-line program's main loop, on one thread or on
 * several (see jobs.h).
 *
 * With N threads the calling thread reads, writes and codes, and N - 1
 * coder threads code. Articles go into a ring of slots in input order,
 * each with a sequence number; whoever codes takes the oldest slot not yet
 * taken, codes it with its own worker and renders it into memory
 * (open_memstream); the calling thread writes the slots out strictly in
 * sequence, a rejected record's message in its place, and stops at the
 * first failure, as the one-thread loop does. It keeps the ring full and
 * codes whenever the oldest slot is not done yet, so it sleeps only when
 * every queued article is being coded: on a machine shared by a few
 * threads, each sleep and wake-up costs more than the waiting saves. The
 * ring holds 8 slots per thread, so memory is bounded by that many
 * articles (and their output) whatever the input size.
 *
 * Shared state is only the ring and its counters, under one mutex; the
 * model is read-only; each slot belongs either to the calling thread
 * (free, being filled or written) or to the one who codes it (taken,
 * until done).
 */
#include "jobs.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- one thread ------------------------------------------------------------ */

static int run_serial(const saksi_model *m, saksi_reader *r, jobs_writer write,
                      jobs_reporter report, FILE *out)
{
    saksi_worker *w = saksi_worker_new(m);
    if (!w) {
        fprintf(stderr, "saksi: out of memory\n");
        return 2;
    }
    int status = 0;
    saksi_article a;
    saksi_diag diag;
    for (;;) {
        saksi_status st = saksi_reader_next(r, &a, &diag);
        if (st == SAKSI_END)
            break;
        if (st == SAKSI_REJECTED) {
            report(&diag);
            status = 1;
            continue;
        }
        const saksi_doc *d = NULL;
        if (st == SAKSI_OK)
            st = saksi_process(w, &a, &d);
        if (st != SAKSI_OK) {
            fprintf(stderr, "saksi: %s\n", saksi_status_string(st));
            status = 2;
            break;
        }
        if (write(d, out)) {
            fprintf(stderr, "saksi: cannot write output: %s\n",
                    strerror(errno));
            status = 1;
            break;
        }
    }
    saksi_worker_free(w);
    return status;
}

/* ---- the ring ---------------------------------------------------------------- */

enum { S_FREE, S_QUEUED, S_TAKEN, S_DONE };  /* a slot's state */
enum { K_ARTICLE, K_REJECTED, K_FAILED };    /* what a slot holds */

typedef struct {
    unsigned long long seq; /* its place in the input */
    int state, kind;
    saksi_status st;        /* K_FAILED: the reader's; else saksi_process's */
    saksi_article a;        /* K_ARTICLE: strings in `mem` */
    char *mem;
    size_t memcap;
    saksi_diag diag;        /* K_REJECTED */
    char *out;              /* the rendered output (open_memstream) */
    size_t outlen;
    int werr;               /* errno of a failed rendering, else 0 */
} slot;

typedef struct {
    const saksi_model *m;
    jobs_writer write;
    slot *ring;
    size_t nring;
    unsigned long long head; /* the next sequence number to fill */
    unsigned long long take; /* the next one a coder may take */
    unsigned long long tail; /* the next one to write */
    int stop;
    saksi_worker *w;         /* the calling thread's own */
    pthread_mutex_t mu;
    pthread_cond_t queued;   /* a slot was queued, or stop */
    pthread_cond_t done;     /* the oldest slot was coded */
} pool;

typedef struct {
    pool *p;
    saksi_worker *w;
    pthread_t tid;
} coder;

/* Copies the reader's article (valid until its next call) into the slot. */
static int copy_article(slot *s, const saksi_article *a)
{
    const char *src[6] = {a->id, a->date, a->lang, a->title, a->url, a->source};
    size_t need = a->text_len + 1;
    for (int i = 0; i < 6; i++)
        if (src[i])
            need += strlen(src[i]) + 1;
    if (need > s->memcap) {
        char *p = realloc(s->mem, need);
        if (!p)
            return -1;
        s->mem = p;
        s->memcap = need;
    }
    char *at = s->mem;
    const char *dst[6];
    for (int i = 0; i < 6; i++) {
        dst[i] = NULL;
        if (!src[i])
            continue;
        size_t n = strlen(src[i]) + 1;
        memcpy(at, src[i], n);
        dst[i] = at;
        at += n;
    }
    if (a->text_len)
        memcpy(at, a->text, a->text_len);
    at[a->text_len] = '\0';
    s->a = (saksi_article){dst[0], dst[1], dst[2], dst[3], dst[4], dst[5], at,
                           a->text_len};
    return 0;
}

/* Codes one article and renders it into memory. */
static void code_slot(pool *p, saksi_worker *w, slot *s)
{
    const saksi_doc *d = NULL;
    s->st = saksi_process(w, &s->a, &d);
    s->werr = 0;
    if (s->st != SAKSI_OK)
        return;
    FILE *f = open_memstream(&s->out, &s->outlen);
    if (!f) {
        s->werr = errno ? errno : ENOMEM;
        return;
    }
    errno = 0;
    if (p->write(d, f))
        s->werr = errno ? errno : EIO;
    if (fclose(f) && !s->werr)
        s->werr = errno ? errno : EIO;
}

/* The next slot queued for coding, or NULL; p->mu held. Slots of rejected
 * records are passed over (and a slot refilled since holds a later
 * sequence number). */
static slot *next_queued(pool *p)
{
    while (p->take < p->head) {
        slot *s = &p->ring[p->take % p->nring];
        if (s->seq == p->take && s->state == S_QUEUED)
            return s;
        p->take++;
    }
    return NULL;
}

/* Codes slot s, taken under p->mu (held on entry and on return). */
static void code_taken(pool *p, saksi_worker *w, slot *s)
{
    s->state = S_TAKEN;
    p->take++;
    pthread_mutex_unlock(&p->mu);
    code_slot(p, w, s);
    pthread_mutex_lock(&p->mu);
    s->state = S_DONE;
    if (s->seq == p->tail) /* the calling thread waits for no other */
        pthread_cond_signal(&p->done);
}

static void *coder_main(void *arg)
{
    coder *c = arg;
    pool *p = c->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        slot *s = NULL;
        while (!p->stop && !(s = next_queued(p)))
            pthread_cond_wait(&p->queued, &p->mu);
        if (p->stop)
            break;
        code_taken(p, c->w, s);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* The oldest slot's state once it is done, or once the calling thread has
 * coded a queued slot meanwhile (then not necessarily done): the calling
 * thread codes rather than waits. With `wait` 0, only a look. */
static int tail_done(pool *p, int wait)
{
    slot *t = &p->ring[p->tail % p->nring];
    pthread_mutex_lock(&p->mu);
    if (wait && t->state != S_DONE) {
        slot *s = next_queued(p);
        if (s)
            code_taken(p, p->w, s);
        else
            while (t->state != S_DONE)
                pthread_cond_wait(&p->done, &p->mu);
    }
    int done = t->state == S_DONE;
    pthread_mutex_unlock(&p->mu);
    return done;
}

/* Writes the oldest slot if it is done (with `wait`, after coding a
 * queued slot or waiting): 1 written, 0 not done yet, -1 a failure ending
 * the run (*status set). */
static int write_tail(pool *p, jobs_reporter report, FILE *out, int wait,
                      int *status)
{
    slot *s = &p->ring[p->tail % p->nring];
    if (!tail_done(p, wait))
        return 0;
    int rc = 1;
    if (s->kind == K_REJECTED) {
        report(&s->diag);
        *status = 1;
    } else if (s->st != SAKSI_OK) {
        fprintf(stderr, "saksi: %s\n", saksi_status_string(s->st));
        *status = 2;
        rc = -1;
    } else {
        errno = s->werr;
        if (!s->werr && s->outlen &&
            fwrite(s->out, 1, s->outlen, out) != s->outlen)
            s->werr = errno ? errno : EIO;
        if (!s->werr && fflush(out))
            s->werr = errno ? errno : EIO;
        if (s->werr) {
            fprintf(stderr, "saksi: cannot write output: %s\n",
                    strerror(s->werr));
            *status = 1;
            rc = -1;
        }
    }
    free(s->out);
    s->out = NULL;
    s->outlen = 0;
    pthread_mutex_lock(&p->mu);
    s->state = S_FREE;
    p->tail++;
    pthread_mutex_unlock(&p->mu);
    return rc;
}

/* Fills the slot of sequence number p->head from the reader: 1 filled, 0
 * end of input. */
static int fill_head(pool *p, saksi_reader *r)
{
    slot *s = &p->ring[p->head % p->nring];
    saksi_article a;
    saksi_status st = saksi_reader_next(r, &a, &s->diag);
    if (st == SAKSI_END)
        return 0;
    s->kind = st == SAKSI_REJECTED ? K_REJECTED
              : st == SAKSI_OK     ? K_ARTICLE
                                   : K_FAILED;
    s->st = st;
    if (s->kind == K_ARTICLE && copy_article(s, &a)) {
        s->kind = K_FAILED;
        s->st = SAKSI_ENOMEM;
    }
    pthread_mutex_lock(&p->mu);
    s->seq = p->head++;
    s->state = s->kind == K_ARTICLE ? S_QUEUED : S_DONE;
    if (s->kind == K_ARTICLE)
        pthread_cond_signal(&p->queued);
    pthread_mutex_unlock(&p->mu);
    return 1;
}

/* Reads, hands out, codes and writes until the input ends or something
 * fails. */
static int feed(pool *p, saksi_reader *r, jobs_reporter report, FILE *out)
{
    int status = 0, rc = 1, more = 1;
    while (more || p->tail < p->head) {
        /* write what is done; with the ring full or the input read, code
         * (or wait) until the oldest is done */
        int full = !more || p->head - p->tail == p->nring;
        while (p->tail < p->head &&
               (rc = write_tail(p, report, out, full, &status)) == 1)
            full = !more;
        if (rc < 0)
            return status;
        if (more && p->head - p->tail < p->nring)
            more = fill_head(p, r);
    }
    return status;
}

static void pool_free(pool *p, coder *c, unsigned started, unsigned made)
{
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->queued);
    pthread_mutex_unlock(&p->mu);
    for (unsigned i = 0; i < started; i++)
        pthread_join(c[i].tid, NULL);
    for (unsigned i = 0; i < made; i++)
        saksi_worker_free(c[i].w);
    saksi_worker_free(p->w);
    for (size_t i = 0; i < p->nring; i++) {
        free(p->ring[i].mem);
        free(p->ring[i].out);
    }
    free(p->ring);
    free(c);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->queued);
    pthread_cond_destroy(&p->done);
}

int jobs_run(const saksi_model *m, saksi_reader *r, jobs_writer write,
             jobs_reporter report, FILE *out, unsigned threads)
{
    if (threads <= 1)
        return run_serial(m, r, write, report, out);
    pool p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.write = write;
    p.nring = 8 * (size_t)threads;
    threads--; /* the calling thread codes too */
    p.ring = calloc(p.nring, sizeof *p.ring);
    if (!p.ring)
        p.nring = 0;
    coder *c = calloc(threads, sizeof *c);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.queued, NULL);
    pthread_cond_init(&p.done, NULL);
    unsigned made = 0, started = 0;
    p.w = saksi_worker_new(m);
    if (p.ring && c && p.w)
        while (made < threads && (c[made].w = saksi_worker_new(m))) {
            c[made].p = &p;
            made++;
        }
    if (made < threads || !p.w) {
        fprintf(stderr, "saksi: out of memory\n");
        pool_free(&p, c, 0, made);
        return 2;
    }
    /* as many coders as the system lets start (the calling thread codes
     * anyway) */
    while (started < threads &&
           pthread_create(&c[started].tid, NULL, coder_main, &c[started]) == 0)
        started++;
    int status = feed(&p, r, report, out);
    pool_free(&p, c, started, made);
    return status;
}
