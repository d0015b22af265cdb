/*
 * model.c — opening the data directory into an immutable saksi_model.
 *
 * The model interns every word its data files name, so that later stages
 * match by integer id, and keeps per-word facts (abbreviation kinds,
 * function-word languages) in a flag array indexed by that id. Once
 * saksi_model_open returns, nothing in the model changes: workers on any
 * number of threads read it without locks.
 */
#include "../core/internal.h"
#include "../core/hash.h"
#include "../text/utf8.h"
#include "datafile.h"

#include <stdlib.h>
#include <string.h>

#include "config.h" /* SAKSI_DATADIR, written by the Makefile from PREFIX */

/* Interns a data word in its folded form and returns its id. */
static uint32_t model_word(saksi_model *m, const char *s, size_t n)
{
    saksi_buf fold, scratch;
    saksi_buf_init(&fold);
    saksi_buf_init(&scratch);
    uint32_t id = SAKSI_NO_WORD;
    if (saksi_fold(s, n, &fold, &scratch) == 0) {
        id = saksi_intern_add(&m->words, fold.data, fold.len,
                              saksi_hash(fold.data, fold.len));
    }
    saksi_buf_free(&fold);
    saksi_buf_free(&scratch);
    if (id == SAKSI_NO_WORD)
        return id;
    if (id >= m->wflags_cap) {
        size_t cap = m->wflags_cap ? m->wflags_cap * 2 : 4096;
        while (cap <= id)
            cap *= 2;
        uint8_t *f = realloc(m->wflags, cap);
        if (!f)
            return SAKSI_NO_WORD;
        memset(f + m->wflags_cap, 0, cap - m->wflags_cap);
        m->wflags = f;
        m->wflags_cap = cap;
    }
    return id;
}

static int need_fields(const datafile_entry *e, size_t n, char *err,
                       size_t errlen)
{
    if (e->nfields != n) {
        snprintf(err, errlen, "expected %zu TAB-separated fields, found %zu",
                 n, e->nfields);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (e->len[i] == 0) {
            snprintf(err, errlen, "field %zu is empty", i + 1);
            return -1;
        }
    return 0;
}

static int load_abbreviation(void *ctx, const datafile_entry *e, char *err,
                             size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 2, err, errlen))
        return -1;
    uint8_t flag;
    if (strcmp(e->field[1], "title") == 0)
        flag = WF_ABBR_TITLE;
    else if (strcmp(e->field[1], "final") == 0)
        flag = WF_ABBR_FINAL;
    else {
        snprintf(err, errlen, "kind must be 'title' or 'final', not '%s'",
                 e->field[1]);
        return -1;
    }
    uint32_t id = model_word(m, e->field[0], e->len[0]);
    if (id == SAKSI_NO_WORD) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (m->wflags[id] & (WF_ABBR_TITLE | WF_ABBR_FINAL) & ~flag) {
        snprintf(err, errlen, "'%s' is listed as both title and final",
                 e->field[0]);
        return -1;
    }
    m->wflags[id] |= flag;
    return 0;
}

static int load_function_word(void *ctx, const datafile_entry *e, char *err,
                              size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 2, err, errlen))
        return -1;
    uint8_t flag;
    if (strcmp(e->field[1], "id") == 0)
        flag = WF_LANG_ID;
    else if (strcmp(e->field[1], "en") == 0)
        flag = WF_LANG_EN;
    else if (strcmp(e->field[1], "other") == 0)
        flag = WF_LANG_OTHER;
    else {
        snprintf(err, errlen, "language must be 'id', 'en' or 'other', not "
                 "'%s'", e->field[1]);
        return -1;
    }
    uint32_t id = model_word(m, e->field[0], e->len[0]);
    if (id == SAKSI_NO_WORD) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    m->wflags[id] |= flag;
    return 0;
}

static int load_affix_cue(void *ctx, const datafile_entry *e, char *err,
                          size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 2, err, errlen))
        return -1;
    const char *a = e->field[0];
    size_t n = e->len[0];
    int suffix = a[0] == '-';
    if (n < 2 || n > 11 || suffix == (a[n - 1] == '-')) {
        snprintf(err, errlen,
                 "'%s' must be a prefix (\"meng-\") or a suffix (\"-nya\")"
                 " of 1 to 10 bytes", a);
        return -1;
    }
    uint8_t lang;
    if (strcmp(e->field[1], "id") == 0)
        lang = WF_LANG_ID;
    else if (strcmp(e->field[1], "en") == 0)
        lang = WF_LANG_EN;
    else {
        snprintf(err, errlen, "language must be 'id' or 'en', not '%s'",
                 e->field[1]);
        return -1;
    }
    lang_cue *c = realloc(m->cues, (m->ncues + 1) * sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    m->cues = c;
    c = &m->cues[m->ncues++];
    memset(c, 0, sizeof *c);
    memcpy(c->affix, suffix ? a + 1 : a, n - 1);
    c->len = (uint8_t)(n - 1);
    c->suffix = (uint8_t)suffix;
    c->lang = lang;
    return 0;
}

typedef struct {
    const char *name;
    datafile_fn fn;
} data_file;

static const data_file DATA_FILES[] = {
    {"text/abbreviations.tsv", load_abbreviation},
    {"lang/function-words.tsv", load_function_word},
    {"lang/affix-cues.tsv", load_affix_cue},
};

saksi_model *saksi_model_open(const char *data_dir, char *err, size_t errlen)
{
    char dummy[8];
    if (!err) {
        err = dummy;
        errlen = sizeof dummy;
    }
    if (errlen)
        err[0] = '\0';
    if (!data_dir || !*data_dir)
        data_dir = getenv("SAKSI_DATA");
    if (!data_dir || !*data_dir)
        data_dir = SAKSI_DATADIR;
    saksi_model *m = calloc(1, sizeof *m);
    if (!m || !(m->data_dir = strdup(data_dir))) {
        free(m);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    saksi_intern_init(&m->words, 0);
    for (size_t i = 0; i < sizeof DATA_FILES / sizeof *DATA_FILES; i++) {
        if (datafile_read(data_dir, DATA_FILES[i].name, DATA_FILES[i].fn, m,
                          err, errlen)) {
            saksi_model_close(m);
            return NULL;
        }
    }
    return m;
}

void saksi_model_close(saksi_model *m)
{
    if (!m)
        return;
    saksi_intern_free(&m->words);
    free(m->wflags);
    free(m->cues);
    free(m->data_dir);
    free(m);
}

const char *saksi_model_data_dir(const saksi_model *m)
{
    return m->data_dir;
}
