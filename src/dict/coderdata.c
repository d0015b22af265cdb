/*
 * coderdata.c — loading the coder's dictionaries: CAMEO codes, actors,
 * agents (role nouns), verb patterns and casualty words.
 *
 * Phrases go into the model's one phrase trie with a value saying which
 * dictionary they come from; codes and names go into the model's string
 * table; every entry remembers its file and line (a "rule"), which each
 * coded event carries as its evidence. A verb pattern's head (its words up
 * to the first "...") is a trie path; the rest is kept in velems and
 * matched after the head by the coder.
 */
#include "dict.h"
#include "../lang/english.h"
#include "../core/date.h"
#include "../core/hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t model_string(saksi_model *m, const char *s, size_t n)
{
    return saksi_intern_add(&m->strings, s, n, saksi_hash(s, n));
}

/* The rule (file:line) of the entry being loaded. */
uint32_t rule_add(saksi_model *m, const datafile_entry *e)
{
    uint32_t f = 0;
    while (f < m->nrule_files && strcmp(m->rule_files[f], e->name) != 0)
        f++;
    if (f == m->nrule_files) {
        char **v = realloc(m->rule_files, (f + 1) * sizeof *v);
        if (!v)
            return UINT32_MAX;
        m->rule_files = v;
        if (!(v[f] = strdup(e->name)))
            return UINT32_MAX;
        m->nrule_files++;
    }
    if (m->nrules == m->cap_rules) {
        size_t cap = m->cap_rules ? m->cap_rules * 2 : 4096;
        rule_loc *r = realloc(m->rules, cap * sizeof *r);
        if (!r)
            return UINT32_MAX;
        m->rules = r;
        m->cap_rules = cap;
    }
    m->rules[m->nrules].file = f;
    m->rules[m->nrules].line = (uint32_t)e->line;
    return (uint32_t)m->nrules++;
}

/* "YYYY", "YYYY-MM", "YYYY-MM-DD" or "-" as days; a period's first day, or
 * its last when `end`. */
static int parse_day(const char *s, int end, int32_t *out)
{
    if (strcmp(s, "-") == 0) {
        *out = end ? INT32_MAX : INT32_MIN;
        return 0;
    }
    int y = 0, m = 0, d = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && (size_t)n == strlen(s)) {
        if (saksi_parse_iso_date(s, &y, &m, &d))
            return -1;
    } else if (sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && (size_t)n == strlen(s)) {
        if (m < 1 || m > 12)
            return -1;
        d = end ? saksi_days_in_month(y, m) : 1;
    } else if (sscanf(s, "%4d%n", &y, &n) == 1 && (size_t)n == strlen(s) &&
               n == 4) {
        m = end ? 12 : 1;
        d = end ? 31 : 1;
    } else {
        return -1;
    }
    *out = (int32_t)saksi_days_from_civil(y, m, d);
    return 0;
}

static int oom(char *err, size_t errlen)
{
    snprintf(err, errlen, "out of memory");
    return -1;
}

/* Adds a phrase to the trie and flags its first word. */
static int add_phrase(saksi_model *m, const datafile_entry *e, size_t field,
                      phrase_val *v, unsigned flag, char *err, size_t errlen)
{
    phrase_word w[16];
    int n = phrase_words(m, e->field[field], e->len[field], w, 16, err,
                         errlen);
    if (n < 0)
        return -1;
    v->rule = rule_add(m, e);
    if (v->rule == UINT32_MAX || phrase_add(&m->phrases, w, (size_t)n, v))
        return oom(err, errlen);
    m->wflags[w[0].id] |= flag;
    return 0;
}

static int valid_actor_code(const char *s, size_t n)
{
    if (n < 3 || n % 3 || n > 15)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* code<TAB>goldstein<TAB>quad<TAB>plover<TAB>name */
int load_cameo(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 5, err, errlen))
        return -1;
    const char *code = e->field[0];
    size_t n = e->len[0];
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9' || n < 2 || n > 4) {
            snprintf(err, errlen, "'%s' is not a CAMEO event code", code);
            return -1;
        }
    char *end;
    double g = strtod(e->field[1], &end);
    if (*end || g < -10 || g > 10) {
        snprintf(err, errlen, "Goldstein score '%s' is not in -10…10",
                 e->field[1]);
        return -1;
    }
    int quad = atoi(e->field[2]);
    if (quad < 1 || quad > 4 || e->len[2] != 1) {
        snprintf(err, errlen, "quad class '%s' must be 1, 2, 3 or 4",
                 e->field[2]);
        return -1;
    }
    if (m->ncameo == m->cap_cameo) {
        size_t cap = m->cap_cameo ? m->cap_cameo * 2 : 512;
        cameo_info *c = realloc(m->cameo, cap * sizeof *c);
        if (!c)
            return oom(err, errlen);
        m->cameo = c;
        m->cap_cameo = cap;
    }
    cameo_info *c = &m->cameo[m->ncameo];
    c->code = model_string(m, code, n);
    c->plover = model_string(m, e->field[3], e->len[3]);
    c->name = model_string(m, e->field[4], e->len[4]);
    if (c->code == SAKSI_NO_WORD || c->plover == SAKSI_NO_WORD ||
        c->name == SAKSI_NO_WORD)
        return oom(err, errlen);
    c->goldstein = (float)g;
    c->quad = (uint8_t)quad;
    m->ncameo++;
    return 0;
}

/* phrase<TAB>code<TAB>from<TAB>to[<TAB>note] */
int load_actor(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    saksi_model *m = ctx;
    if (e->nfields < 4 || e->nfields > 5) {
        snprintf(err, errlen, "expected phrase<TAB>code<TAB>from<TAB>to"
                              "<TAB>note, found %zu fields", e->nfields);
        return -1;
    }
    for (size_t i = 0; i < 4; i++)
        if (!e->len[i]) {
            snprintf(err, errlen, "field %zu is empty", i + 1);
            return -1;
        }
    if (!valid_actor_code(e->field[1], e->len[1])) {
        snprintf(err, errlen, "'%s' is not a CAMEO actor code (groups of "
                 "three capital letters: RUS, RUSGOV, IGOUNO)", e->field[1]);
        return -1;
    }
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_ACTOR;
    if (parse_day(e->field[2], 0, &v.from) || parse_day(e->field[3], 1, &v.to)) {
        snprintf(err, errlen, "dates must be YYYY, YYYY-MM, YYYY-MM-DD or -");
        return -1;
    }
    if (v.from > v.to) {
        snprintf(err, errlen, "'from' %s is after 'to' %s", e->field[2],
                 e->field[3]);
        return -1;
    }
    v.str = model_string(m, e->field[1], e->len[1]);
    if (v.str == SAKSI_NO_WORD)
        return oom(err, errlen);
    /* The case of the first word is a condition: "AS", "UN", "WHO" match
     * only words in capitals; "Baku", "Kabul" only capitalized ones (not
     * "baku tembak"). */
    const char *w = e->field[0];
    size_t wl = strcspn(w, " ");
    int upper = 0, lower = 0;
    for (size_t k = 0; k < wl; k++) {
        upper += w[k] >= 'A' && w[k] <= 'Z';
        lower += w[k] >= 'a' && w[k] <= 'z';
    }
    if (upper >= 2 && !lower)
        v.kind = ACTOR_CAPS;
    else if (w[0] >= 'A' && w[0] <= 'Z')
        v.kind = ACTOR_CAPITAL;
    return add_phrase(m, e, 0, &v, WF_PH_ACTOR, err, errlen);
}

/* phrase<TAB>role[<TAB>note]; the note "peacekeeping" marks peacekeepers */
int load_agent(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    saksi_model *m = ctx;
    if (e->nfields < 2 || e->nfields > 3 || !e->len[0] || !e->len[1]) {
        snprintf(err, errlen, "expected phrase<TAB>role<TAB>note");
        return -1;
    }
    if (!valid_actor_code(e->field[1], e->len[1]) || e->len[1] != 3) {
        snprintf(err, errlen, "'%s' is not a CAMEO role code (three capital "
                 "letters: GOV, MIL, COP)", e->field[1]);
        return -1;
    }
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_AGENT;
    v.kind = e->nfields == 3 && strstr(e->field[2], "peacekeeping") ? 1 : 0;
    v.lang = strstr(e->name, "/en.") ? SAKSI_LANG_EN : SAKSI_LANG_ID;
    v.str = model_string(m, e->field[1], e->len[1]);
    if (v.str == SAKSI_NO_WORD)
        return oom(err, errlen);
    return add_phrase(m, e, 0, &v, WF_PH_AGENT, err, errlen);
}

/* pattern<TAB>cameo[<TAB>note] */
int load_verb(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    saksi_model *m = ctx;
    if (e->nfields < 2 || e->nfields > 3 || !e->len[0] || !e->len[1]) {
        snprintf(err, errlen, "expected pattern<TAB>cameo<TAB>note");
        return -1;
    }
    /* split at "..." into the head and the rest */
    phrase_word w[24];
    size_t nw = 0, nhead = 0;
    const char *p = e->field[0], *end = p + e->len[0];
    while (p < end) {
        while (p < end && *p == ' ')
            p++;
        const char *q = p;
        while (q < end && *q != ' ')
            q++;
        if (q == p)
            break;
        if (nw == 24) {
            snprintf(err, errlen, "pattern longer than 24 elements");
            return -1;
        }
        if (q - p == 3 && memcmp(p, "...", 3) == 0) {
            if (nw == 0 || w[nw - 1].id == VERB_GAP) {
                snprintf(err, errlen, "'...' must stand between two words");
                return -1;
            }
            if (!nhead)
                nhead = nw;
            w[nw].id = VERB_GAP;
            w[nw].by_root = 0;
            nw++;
        } else if (phrase_words(m, p, (size_t)(q - p), &w[nw], 1, err,
                                errlen) != 1) {
            return -1;
        } else {
            nw++;
        }
        p = q;
    }
    if (nw == 0 || w[nw - 1].id == VERB_GAP) {
        snprintf(err, errlen, "a pattern cannot be empty or end with '...'");
        return -1;
    }
    if (!nhead)
        nhead = nw;
    /* English lemmas the patterns name: the lemmatizer prefers them */
    if (strstr(e->name, "/en."))
        for (size_t k = 0; k < nw; k++)
            if (w[k].id != VERB_GAP && (w[k].by_root || !en_inflected(m, w[k].id)))
                m->wflags2[w[k].id] |= WF2_EN_LEMMA;
    for (size_t i = 0; i < e->len[1]; i++)
        if (e->field[1][i] < '0' || e->field[1][i] > '9' || e->len[1] < 2 ||
            e->len[1] > 4) {
            snprintf(err, errlen, "'%s' is not a CAMEO event code",
                     e->field[1]);
            return -1;
        }
    if (m->nverbs == m->cap_verbs) {
        size_t cap = m->cap_verbs ? m->cap_verbs * 2 : 1024;
        verb_pattern *v = realloc(m->verbs, cap * sizeof *v);
        if (!v)
            return oom(err, errlen);
        m->verbs = v;
        m->cap_verbs = cap;
    }
    if (m->nvelems + nw > m->cap_velems) {
        size_t cap = m->cap_velems ? m->cap_velems * 2 : 4096;
        while (cap < m->nvelems + nw)
            cap *= 2;
        phrase_word *v = realloc(m->velems, cap * sizeof *v);
        if (!v)
            return oom(err, errlen);
        m->velems = v;
        m->cap_velems = cap;
    }
    verb_pattern *vp = &m->verbs[m->nverbs];
    memset(vp, 0, sizeof *vp);
    vp->cameo = model_string(m, e->field[1], e->len[1]);
    vp->rule = rule_add(m, e);
    if (vp->cameo == SAKSI_NO_WORD || vp->rule == UINT32_MAX)
        return oom(err, errlen);
    vp->elem = (uint32_t)m->nvelems;
    vp->nelem = (uint16_t)nw;
    vp->nhead = (uint16_t)nhead;
    for (size_t i = 0; i < nw; i++)
        vp->weight += w[i].id != VERB_GAP;
    vp->lang = strstr(e->name, "/en.") ? SAKSI_LANG_EN : SAKSI_LANG_ID;
    memcpy(m->velems + m->nvelems, w, nw * sizeof *w);
    m->nvelems += nw;
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_VERB;
    v.lang = vp->lang;
    v.ival = (int32_t)m->nverbs;
    v.str = vp->cameo;
    v.rule = vp->rule;
    if (phrase_add(&m->phrases, w, nhead, &v))
        return oom(err, errlen);
    m->wflags[w[0].id] |= WF_PH_VERB;
    m->nverbs++;
    return 0;
}

/* phrase<TAB>kind<TAB>lang: dead, kill, wounded, wound, lose */
int load_casualty(void *ctx, const datafile_entry *e, char *err,
                  size_t errlen)
{
    static const char *const kinds[] = {"dead", "kill", "wounded", "wound",
                                        "lose", NULL};
    saksi_model *m = ctx;
    if (need_fields(e, 3, err, errlen))
        return -1;
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_CASUALTY;
    for (int k = 0; kinds[k]; k++)
        if (strcmp(kinds[k], e->field[1]) == 0)
            v.kind = (uint8_t)(k + 1);
    if (!v.kind) {
        snprintf(err, errlen, "kind must be dead, kill, wounded, wound or "
                 "lose, not '%s'", e->field[1]);
        return -1;
    }
    if (parse_lang(e->field[2], &v.lang, err, errlen))
        return -1;
    return add_phrase(m, e, 0, &v, WF_PH_CASUALTY, err, errlen);
}

/* phrase<TAB>point|admin|country<TAB>lang */
int load_place_noun(void *ctx, const datafile_entry *e, char *err,
                    size_t errlen)
{
    static const char *const precisions[] = {"point", "admin", "country",
                                             NULL};
    saksi_model *m = ctx;
    if (need_fields(e, 3, err, errlen))
        return -1;
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_PLACE;
    v.kind = 255;
    for (int k = 0; precisions[k]; k++)
        if (strcmp(precisions[k], e->field[1]) == 0)
            v.kind = (uint8_t)k;
    if (v.kind == 255) {
        snprintf(err, errlen, "precision must be point, admin or country");
        return -1;
    }
    if (parse_lang(e->field[2], &v.lang, err, errlen))
        return -1;
    phrase_word w[8];
    int n = phrase_words(m, e->field[0], e->len[0], w, 8, err, errlen);
    if (n < 0)
        return -1;
    v.rule = rule_add(m, e);
    if (v.rule == UINT32_MAX || phrase_add(&m->phrases, w, (size_t)n, &v))
        return oom(err, errlen);
    m->wflags2[w[0].id] |= WF2_PLACE_NOUN;
    return 0;
}

/* word<TAB>lang: a word that gets `flag` in wflags2 */
static int load_flag_word(saksi_model *m, const datafile_entry *e, uint16_t flag,
                          char *err, size_t errlen)
{
    uint8_t lang;
    if (need_fields(e, 2, err, errlen) || parse_lang(e->field[1], &lang, err, errlen))
        return -1;
    uint32_t id = model_word(m, e->field[0], e->len[0]);
    if (id == SAKSI_NO_WORD)
        return oom(err, errlen);
    m->wflags2[id] |= flag;
    return 0;
}

/* word<TAB>lang: a geographic feature word ("laut", "gulf") */
int load_feature(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    return load_flag_word(ctx, e, WF2_FEATURE, err, errlen);
}

/* word<TAB>lang: a facility or street word ("Jalan", "RS", "Polres"): a
 * name after it is the facility's, not a place of its own */
int load_facility(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    return load_flag_word(ctx, e, WF2_FACILITY, err, errlen);
}

static const saksi_model *sort_model;

static int cmp_cameo(const void *a, const void *b)
{
    const char *x = saksi_intern_str(&sort_model->strings,
                                     ((const cameo_info *)a)->code, NULL);
    const char *y = saksi_intern_str(&sort_model->strings,
                                     ((const cameo_info *)b)->code, NULL);
    return strcmp(x, y);
}

int coderdata_finish(saksi_model *m, char *err, size_t errlen)
{
    sort_model = m; /* only while loading: the model is not shared yet */
    qsort(m->cameo, m->ncameo, sizeof *m->cameo, cmp_cameo);
    for (size_t i = 0; i < m->nverbs; i++) {
        const char *code = saksi_intern_str(&m->strings, m->verbs[i].cameo, NULL);
        if (!saksi_model_cameo(m, code)) {
            const rule_loc *r = &m->rules[m->verbs[i].rule];
            snprintf(err, errlen, "%s/%s:%u: CAMEO code %s is not in "
                     "data/cameo/codes.tsv", m->data_dir,
                     m->rule_files[r->file], r->line, code);
            return -1;
        }
    }
    return 0;
}

void coderdata_free(saksi_model *m)
{
    for (size_t i = 0; i < m->nrule_files; i++)
        free(m->rule_files[i]);
    free(m->rule_files);
    free(m->rules);
    free(m->verbs);
    free(m->velems);
    free(m->cameo);
    saksi_intern_free(&m->strings);
}

const cameo_info *saksi_model_cameo(const saksi_model *m, const char *code)
{
    size_t lo = 0, hi = m->ncameo;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(saksi_intern_str(&m->strings, m->cameo[mid].code, NULL),
                       code);
        if (c < 0)
            lo = mid + 1;
        else if (c > 0)
            hi = mid;
        else
            return &m->cameo[mid];
    }
    return NULL;
}

const char *saksi_model_str(const saksi_model *m, uint32_t id)
{
    const char *s = saksi_intern_str(&m->strings, id, NULL);
    return s ? s : "";
}

int saksi_model_rule_is_person(const saksi_model *m, uint32_t rule)
{
    if (rule >= m->nrules)
        return 0;
    const char *f = m->rule_files[m->rules[rule].file];
    return strstr(f, "people") != NULL;
}
