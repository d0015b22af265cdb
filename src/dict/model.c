/*
 * model.c — opening the data directory into an immutable saksi_model.
 *
 * The model interns every word its data files name, so that later stages
 * match by integer id, and keeps per-word facts (abbreviation kinds,
 * function-word languages) in a flag array indexed by that id. Once
 * saksi_model_open returns, nothing in the model changes: workers on any
 * number of threads read it without locks.
 */
#include "../places/gazetteer.h"
#include "../core/internal.h"
#include "../core/hash.h"
#include "../text/utf8.h"
#include "datafile.h"
#include "dict.h"
#include "peers.h"
#include "../lang/morph.h"

#include <stdlib.h>
#include <string.h>

#include "config.h" /* SAKSI_DATADIR, written by the Makefile from PREFIX */

/* Interns a data word in its folded form and returns its id. */
uint32_t model_word(saksi_model *m, const char *s, size_t n)
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
        uint16_t *f = realloc(m->wflags, cap * sizeof *f);
        if (!f)
            return SAKSI_NO_WORD;
        m->wflags = f;
        uint8_t *nl = realloc(m->nlabels, cap);
        if (!nl)
            return SAKSI_NO_WORD;
        m->nlabels = nl;
        uint16_t *f2 = realloc(m->wflags2, cap * sizeof *f2);
        if (!f2)
            return SAKSI_NO_WORD;
        m->wflags2 = f2;
        memset(f2 + m->wflags_cap, 0, (cap - m->wflags_cap) * sizeof *f2);
        memset(f + m->wflags_cap, 0, (cap - m->wflags_cap) * sizeof *f);
        memset(nl + m->wflags_cap, 0, cap - m->wflags_cap);
        m->wflags_cap = cap;
    }
    return id;
}

int need_fields(const datafile_entry *e, size_t n, char *err, size_t errlen)
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

/* ---- the Indonesian lexicon ------------------------------------------ */

static int license_add(saksi_model *m, uint32_t root, uint32_t label)
{
    uint64_t key = ((uint64_t)root << 32 | label) + 1;
    if (!m->licenses || (m->nlicenses + 1) * 2 > m->licenses_mask + 1) {
        size_t n = m->licenses ? (m->licenses_mask + 1) * 2 : 1 << 16;
        uint64_t *t = calloc(n, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; m->licenses && i <= m->licenses_mask; i++) {
            if (!m->licenses[i])
                continue;
            size_t k = saksi_mix64(m->licenses[i]) & (n - 1);
            while (t[k])
                k = (k + 1) & (n - 1);
            t[k] = m->licenses[i];
        }
        free(m->licenses);
        m->licenses = t;
        m->licenses_mask = n - 1;
    }
    size_t k = saksi_mix64(key) & m->licenses_mask;
    while (m->licenses[k]) {
        if (m->licenses[k] == key)
            return 0;
        k = (k + 1) & m->licenses_mask;
    }
    m->licenses[k] = key;
    m->nlicenses++;
    return 0;
}

int saksi_model_licenses(const saksi_model *m, uint32_t root, uint32_t label)
{
    if (!m->licenses)
        return 0;
    uint64_t key = ((uint64_t)root << 32 | label) + 1;
    for (size_t k = saksi_mix64(key) & m->licenses_mask;;
         k = (k + 1) & m->licenses_mask) {
        if (m->licenses[k] == key)
            return 1;
        if (!m->licenses[k])
            return 0;
    }
}

/* root<TAB>label,label,... — labels as written by tools/build-lexicon.py,
 * plus "keep" (never stem) and "proper" (a name) in the extra file. */
static int load_root(void *ctx, const datafile_entry *e, char *err,
                     size_t errlen)
{
    saksi_model *m = ctx;
    if (e->nfields < 1 || e->nfields > 2 || e->len[0] == 0) {
        snprintf(err, errlen, "expected root<TAB>labels");
        return -1;
    }
    uint32_t root = model_word(m, e->field[0], e->len[0]);
    if (root == SAKSI_NO_WORD)
        goto oom;
    m->wflags[root] |= WF_ROOT_ID;
    if (e->nfields < 2)
        return 0;
    const char *p = e->field[1], *end = p + e->len[1];
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        size_t n = comma ? (size_t)(comma - p) : (size_t)(end - p);
        if (n == 0) {
            snprintf(err, errlen, "empty label in '%s'", e->field[1]);
            return -1;
        }
        if (n == 4 && memcmp(p, "keep", 4) == 0) {
            m->wflags[root] |= WF_KEEP;
        } else if (n == 6 && memcmp(p, "proper", 6) == 0) {
            m->wflags[root] |= WF_PROPER;
        } else {
            uint32_t label = model_word(m, p, n); /* folded: "men+kan" */
            if (label == SAKSI_NO_WORD || license_add(m, root, label))
                goto oom;
            if (m->nlabels[root] < 255)
                m->nlabels[root]++;
        }
        p += n + (comma != NULL);
    }
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
    return -1;
}

/* word<TAB>deeper root<TAB>affixes ("peN-", "ke-+-an") */
static int load_lexicalized(void *ctx, const datafile_entry *e, char *err,
                            size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 3, err, errlen))
        return -1;
    lexicalized lx;
    memset(&lx, 0, sizeof lx);
    const char *p = e->field[2], *end = p + e->len[2];
    while (p < end) {
        const char *plus = p;
        /* affixes are joined by '+' but "-an" itself has no '+' */
        while (plus < end && !(*plus == '+' && plus > p))
            plus++;
        size_t n = (size_t)(plus - p);
        int code = saksi_affix_code(p, n);
        if (code <= 0 || lx.naff >= 4) {
            snprintf(err, errlen, "unknown affix '%.*s' (see saksi_affix_name)",
                     (int)n, p);
            return -1;
        }
        lx.aff[lx.naff++] = (uint8_t)code;
        p = plus + (plus < end);
    }
    lx.word = model_word(m, e->field[0], e->len[0]);
    lx.alt = model_word(m, e->field[1], e->len[1]);
    if (lx.word == SAKSI_NO_WORD || lx.alt == SAKSI_NO_WORD)
        goto oom;
    m->wflags[lx.word] |= WF_ROOT_ID | WF_LEXICALIZED;
    m->wflags[lx.alt] |= WF_ROOT_ID;
    lexicalized *v = realloc(m->lex, (m->nlex + 1) * sizeof *v);
    if (!v)
        goto oom;
    m->lex = v;
    m->lex[m->nlex++] = lx;
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
    return -1;
}

static int cmp_lex(const void *a, const void *b)
{
    uint32_t x = ((const lexicalized *)a)->word, y = ((const lexicalized *)b)->word;
    return (x > y) - (x < y);
}

const lexicalized *saksi_model_lexicalized(const saksi_model *m, uint32_t word)
{
    if (!(saksi_model_wflags(m, word) & WF_LEXICALIZED))
        return NULL;
    size_t lo = 0, hi = m->nlex;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->lex[mid].word < word)
            lo = mid + 1;
        else if (m->lex[mid].word > word)
            hi = mid;
        else
            return &m->lex[mid];
    }
    return NULL;
}

/* ---- phrase tables: numbers, time words, markers -------------------- */

int parse_lang(const char *s, uint8_t *out, char *err, size_t errlen)
{
    if (strcmp(s, "*") == 0)
        *out = 0; /* any language */
    else if (strcmp(s, "id") == 0)
        *out = SAKSI_LANG_ID;
    else if (strcmp(s, "en") == 0)
        *out = SAKSI_LANG_EN;
    else {
        snprintf(err, errlen, "language must be 'id', 'en' or '*', not '%s'", s);
        return -1;
    }
    return 0;
}

/* Splits a phrase at blanks into interned words; "@root" words match by
 * root. Returns the number of words, or -1 with a message. */
int phrase_words(saksi_model *m, const char *s, size_t n, phrase_word *out,
                 size_t max, char *err, size_t errlen)
{
    size_t k = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j == i)
            break;
        if (k == max) {
            snprintf(err, errlen, "phrase longer than %zu words", max);
            return -1;
        }
        int by_root = s[i] == '@';
        size_t b = i + (size_t)by_root;
        if (b == j) {
            snprintf(err, errlen, "'@' without a root");
            return -1;
        }
        uint32_t id = model_word(m, s + b, j - b);
        if (id == SAKSI_NO_WORD) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        out[k].id = id;
        out[k].by_root = by_root;
        k++;
        i = j;
    }
    if (k == 0) {
        snprintf(err, errlen, "empty phrase");
        return -1;
    }
    return (int)k;
}

/* phrase<TAB>kind<TAB>value<TAB>lang (numbers, time) or
 * phrase<TAB>category<TAB>lang (markers) */
static int load_phrase(saksi_model *m, int table, const datafile_entry *e,
                       char *err, size_t errlen)
{
    size_t want = table == PT_MARKER ? 3 : 4;
    if (need_fields(e, want, err, errlen))
        return -1;
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = (uint8_t)table;
    int kind = phrase_kind_code(table, e->field[1], e->len[1]);
    if (!kind) {
        snprintf(err, errlen, "unknown kind '%s' (see the file's header)",
                 e->field[1]);
        return -1;
    }
    v.kind = (uint8_t)kind;
    if (table == PT_MARKER) {
        v.ival = 1 << (kind - 1);
    } else {
        char *end;
        v.fval = strtod(e->field[2], &end);
        if (*end) {
            snprintf(err, errlen, "value '%s' is not a number", e->field[2]);
            return -1;
        }
        v.ival = v.fval > -2e9 && v.fval < 2e9 ? (int32_t)v.fval : 0;
    }
    if (parse_lang(e->field[want - 1], &v.lang, err, errlen))
        return -1;
    phrase_word w[8];
    int n = phrase_words(m, e->field[0], e->len[0], w, 8, err, errlen);
    if (n < 0)
        return -1;
    if (phrase_add(&m->phrases, w, (size_t)n, &v)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    m->wflags[w[0].id] |= table == PT_NUMBER ? WF_PH_NUMBER
                          : table == PT_TIME ? WF_PH_TIME
                                             : WF_PH_MARKER;
    return 0;
}

static int load_numbers(void *ctx, const datafile_entry *e, char *err,
                        size_t errlen)
{
    return load_phrase(ctx, PT_NUMBER, e, err, errlen);
}

static int load_time(void *ctx, const datafile_entry *e, char *err,
                     size_t errlen)
{
    return load_phrase(ctx, PT_TIME, e, err, errlen);
}

static int load_markers(void *ctx, const datafile_entry *e, char *err,
                        size_t errlen)
{
    return load_phrase(ctx, PT_MARKER, e, err, errlen);
}

typedef struct {
    const char *name;
    datafile_fn fn;
} data_file;

static const data_file DATA_FILES[] = {
    {"text/abbreviations.tsv", load_abbreviation},
    {"lang/function-words.tsv", load_function_word},
    {"lang/affix-cues.tsv", load_affix_cue},
    {"lang/id-roots.tsv", load_root},
    {"lang/id-roots-extra.tsv", load_root},
    {"lang/id-lexicalized.tsv", load_lexicalized},
    {"lang/numbers.tsv", load_numbers},
    {"lang/time.tsv", load_time},
    {"lang/markers.tsv", load_markers},
    {"lang/en-irregular.tsv", load_en_irregular},
    {"lang/en-grammar.tsv", load_en_grammar},
    {"lang/casualties.tsv", load_casualty},
    {"places/place-nouns.tsv", load_place_noun},
    {"places/features.tsv", load_feature},
    {"places/facilities.tsv", load_facility},
    {"cameo/codes.tsv", load_cameo},
    {"actors/countries.tsv", load_actor},
    {"actors/country-extra.tsv", load_actor},
    {"actors/metonyms.tsv", load_actor},
    {"actors/regions.tsv", load_actor},
    {"actors/igos.tsv", load_actor},
    {"actors/groups.tsv", load_actor},
    {"actors/institutions.tsv", load_actor},
    {"actors/people.tsv", load_actor},
    {"actors/indonesia.tsv", load_actor},
    {"actors/english.tsv", load_actor},
    {"agents/id.tsv", load_agent},
    {"agents/en.tsv", load_agent},
    {"verbs/id.tsv", load_verb},
    {"verbs/en.tsv", load_verb},
};

/* The dictionaries a peer's dictionaries replace (saksi_model_open_dicts). */
static int is_dictionary(const char *name)
{
    return strncmp(name, "actors/", 7) == 0 || strncmp(name, "agents/", 7) == 0 ||
           strncmp(name, "verbs/", 6) == 0;
}

saksi_model *saksi_model_open(const char *data_dir, char *err, size_t errlen)
{
    return saksi_model_open_dicts(data_dir, NULL, 0, NULL, NULL, NULL, err,
                                  errlen);
}

saksi_model *saksi_model_open_dicts(const char *data_dir,
                                    const char *const *dict_paths, size_t ndicts,
                                    saksi_dict_warn_fn warn, void *ctx,
                                    saksi_dict_stats *stats, char *err,
                                    size_t errlen)
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
    saksi_intern_init(&m->strings, 0);
    phrase_init(&m->phrases);
    for (size_t i = 0; i < sizeof DATA_FILES / sizeof *DATA_FILES; i++) {
        if (ndicts && is_dictionary(DATA_FILES[i].name))
            continue; /* the peers' dictionaries replace them */
        if (datafile_read(data_dir, DATA_FILES[i].name, DATA_FILES[i].fn, m,
                          err, errlen)) {
            saksi_model_close(m);
            return NULL;
        }
    }
    if (m->nlex)
        qsort(m->lex, m->nlex, sizeof *m->lex, cmp_lex);
    endata_finish(m);
    if (coderdata_finish(m, err, errlen) ||
        (ndicts && peers_load(m, dict_paths, ndicts, warn, ctx, stats, err,
                              errlen))) {
        saksi_model_close(m);
        return NULL;
    }
    if (!(m->gaz = gz_load(data_dir, err, errlen))) {
        saksi_model_close(m);
        return NULL;
    }
    m->peer_dicts = ndicts > 0;
    return m;
}

void saksi_model_close(saksi_model *m)
{
    if (!m)
        return;
    saksi_intern_free(&m->words);
    phrase_free(&m->phrases);
    coderdata_free(m);
    gz_free(m->gaz);
    free(m->wflags);
    free(m->nlabels);
    free(m->wflags2);
    free(m->licenses);
    free(m->lex);
    free(m->en_irr);
    free(m->cues);
    free(m->data_dir);
    free(m);
}

const char *saksi_model_data_dir(const saksi_model *m)
{
    return m->data_dir;
}
