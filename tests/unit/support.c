/*
 * support.c — helpers shared by the unit tests (see support.h).
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *test_data_dir(void)
{
    const char *d = getenv("SAKSI_DATA");
    return d && *d ? d : "data";
}

const char *test_shared_dir(void)
{
    const char *d = getenv("SAKSI_SHARED");
    if (!d || !*d)
        d = "../shared";
    struct stat st;
    return stat(d, &st) == 0 && S_ISDIR(st.st_mode) ? d : NULL;
}

const char *test_shared_file(const char *rel, char *buf, size_t len)
{
    const char *dir = test_shared_dir();
    struct stat st;
    if (!dir) {
        printf("# SKIP: ../shared is absent (set SAKSI_SHARED)\n");
        return NULL;
    }
    snprintf(buf, len, "%s/%s", dir, rel);
    if (stat(buf, &st) != 0) {
        printf("# SKIP: %s is absent\n", buf);
        return NULL;
    }
    return buf;
}

static saksi_model *model;
static saksi_worker *worker;

static void cleanup(void)
{
    saksi_worker_free(worker);
    saksi_model_close(model);
}

saksi_model *test_model(void)
{
    if (!model) {
        char err[512];
        model = saksi_model_open(test_data_dir(), err, sizeof err);
        if (!model) {
            fprintf(stderr, "cannot open model: %s\n", err);
            exit(1);
        }
        worker = saksi_worker_new(model);
        atexit(cleanup);
    }
    return model;
}

const char *test_tmpfile(const void *bytes, size_t n)
{
    static char paths[8][64];
    static int k;
    char *p = paths[k++ % 8];
    snprintf(p, 64, "/tmp/saksi-test-XXXXXX");
    int fd = mkstemp(p);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, n), (ssize_t)n);
    close(fd);
    return p;
}

const char *test_tmpfile_str(const char *s)
{
    return test_tmpfile(s, strlen(s));
}

const saksi_doc *test_doc(const char *text, const char *date,
                          const char *lang)
{
    test_model();
    saksi_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = date;
    a.lang = lang;
    a.text = text;
    a.text_len = strlen(text);
    const saksi_doc *d = NULL;
    assert_int_equal(saksi_process(worker, &a, &d), SAKSI_OK);
    return d;
}

static const char *copy_span(const saksi_doc *d, size_t s, size_t e)
{
    static char buf[4][8192];
    static int k;
    char *b = buf[k++ % 4];
    size_t n = e - s < sizeof buf[0] - 1 ? e - s : sizeof buf[0] - 1;
    memcpy(b, saksi_doc_article(d)->text + s, n);
    b[n] = '\0';
    return b;
}

const char *test_sentence_text(const saksi_doc *d, size_t i)
{
    const saksi_sentence *s = saksi_doc_sentence(d, i);
    assert_non_null(s);
    return copy_span(d, s->start, s->end);
}

const char *test_token_text(const saksi_doc *d, size_t i)
{
    const saksi_token *t = saksi_doc_token(d, i);
    assert_non_null(t);
    return copy_span(d, t->start, t->end);
}

size_t test_each_article(const char *path, test_article_fn fn, void *ctx)
{
    const char *paths[] = {path};
    saksi_reader *r = saksi_reader_new(paths, 1, NULL);
    assert_non_null(r);
    saksi_article a;
    saksi_diag diag;
    size_t n = 0;
    saksi_status st;
    while ((st = saksi_reader_next(r, &a, &diag)) != SAKSI_END) {
        if (st == SAKSI_REJECTED)
            fail_msg("%s:%lu: %s", diag.file, diag.line, diag.message);
        assert_int_equal(st, SAKSI_OK);
        fn(&a, ctx);
        n++;
    }
    saksi_reader_free(r);
    return n;
}

void test_figure(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("# FIGURE ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
}
