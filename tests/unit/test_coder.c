/*
 * test_coder.c — the coder's constructions, one sentence each, from
 * tests/data/coder-cases.tsv (sentences we wrote ourselves; the format is
 * described at the top of that file).
 *
 * Every case states the complete set of events the text must give: an
 * event too many fails as surely as one missing, so a rule that starts to
 * over-fire is caught here.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char cameo[8];
    char source[16], target[16], claim[16];
    char mood[16];
    long killed, injured;
    int used;
} want;

enum { MAX_WANT = 8 };

/* "190 IDNREB>IDNMIL killed=2 by=IDNCOP mood=future": one wanted event.
 * "-" stands for no actor. */
static int parse_want(char *s, want *w, const char *where)
{
    memset(w, 0, sizeof *w);
    w->killed = w->injured = -1;
    snprintf(w->mood, sizeof w->mood, "asserted");
    snprintf(w->claim, sizeof w->claim, "*"); /* not checked unless given */
    char *save = NULL;
    char *code = strtok_r(s, " ", &save);
    char *pair = strtok_r(NULL, " ", &save);
    char *gt = pair ? strchr(pair, '>') : NULL;
    if (!code || !gt) {
        fprintf(stderr, "%s: expected 'CAMEO SRC>TGT …', got '%s'\n", where, s);
        return -1;
    }
    *gt = '\0';
    snprintf(w->cameo, sizeof w->cameo, "%s", code);
    snprintf(w->source, sizeof w->source, "%s", pair);
    snprintf(w->target, sizeof w->target, "%s", gt + 1);
    for (char *kv; (kv = strtok_r(NULL, " ", &save));) {
        if (strncmp(kv, "killed=", 7) == 0)
            w->killed = atol(kv + 7);
        else if (strncmp(kv, "injured=", 8) == 0)
            w->injured = atol(kv + 8);
        else if (strncmp(kv, "by=", 3) == 0)
            snprintf(w->claim, sizeof w->claim, "%s", kv + 3);
        else if (strncmp(kv, "mood=", 5) == 0)
            snprintf(w->mood, sizeof w->mood, "%s", kv + 5);
        else {
            fprintf(stderr, "%s: unknown field '%s'\n", where, kv);
            return -1;
        }
    }
    return 0;
}

static const char *code_of(const saksi_doc *d, long k)
{
    if (k < 0)
        return "-";
    const char *c = saksi_doc_actor(d, (size_t)k)->code;
    return c[0] ? c : "?";
}

static int event_fits(const saksi_doc *d, const saksi_event *e, const want *w)
{
    return strcmp(e->cameo, w->cameo) == 0 &&
           strcmp(code_of(d, e->source), w->source) == 0 &&
           strcmp(code_of(d, e->target), w->target) == 0 &&
           strcmp(saksi_mood_name(e->mood), w->mood) == 0 &&
           (w->killed < 0 || e->killed == w->killed) &&
           (w->injured < 0 || e->injured == w->injured) &&
           (strcmp(w->claim, "*") == 0 ||
            strcmp(code_of(d, e->claimed_by), w->claim) == 0);
}

static void print_events(const saksi_doc *d)
{
    size_t n = saksi_doc_event_count(d);
    if (!n)
        fprintf(stderr, "    (no events)\n");
    for (size_t i = 0; i < n; i++) {
        const saksi_event *e = saksi_doc_event(d, i);
        fprintf(stderr, "    got %s %s>%s killed=%ld injured=%ld by=%s mood=%s (%s)\n",
                e->cameo, code_of(d, e->source), code_of(d, e->target),
                e->killed, e->injured, code_of(d, e->claimed_by),
                saksi_mood_name(e->mood), e->rule ? e->rule : "");
    }
}

/* One case: the text, its date, and the wanted events ("none" for none). */
static int run_case(const char *where, const char *date, const char *text,
                    char *wants)
{
    want w[MAX_WANT];
    size_t nw = 0;
    if (strcmp(wants, "none") != 0) {
        char *save = NULL;
        for (char *one = strtok_r(wants, ";", &save); one;
             one = strtok_r(NULL, ";", &save)) {
            while (*one == ' ')
                one++;
            if (nw == MAX_WANT || parse_want(one, &w[nw], where))
                return -1;
            nw++;
        }
    }
    const saksi_doc *d = test_doc(text, date, "id");
    size_t n = saksi_doc_event_count(d);
    int ok = 1;
    for (size_t i = 0; i < n; i++) {
        const saksi_event *e = saksi_doc_event(d, i);
        size_t k;
        for (k = 0; k < nw; k++)
            if (!w[k].used && event_fits(d, e, &w[k]))
                break;
        if (k == nw)
            ok = 0; /* an event nobody asked for */
        else
            w[k].used = 1;
    }
    for (size_t k = 0; k < nw; k++)
        ok &= w[k].used;
    if (!ok) {
        fprintf(stderr, "%s: %s\n", where, text);
        for (size_t k = 0; k < nw; k++)
            fprintf(stderr, "    want %s %s>%s mood=%s%s\n", w[k].cameo,
                    w[k].source, w[k].target, w[k].mood,
                    w[k].used ? "" : "   <- missing");
        print_events(d);
    }
    return ok ? 0 : -1;
}

static void test_cases(void **state)
{
    (void)state;
    const char *path = "tests/data/coder-cases.tsv";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[4096];
    unsigned long no = 0;
    size_t cases = 0, failed = 0;
    char date[16] = "2022-08-04";
    while (fgets(line, sizeof line, f)) {
        no++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char where[256];
        snprintf(where, sizeof where, "%s:%lu", path, no);
        if (strncmp(line, "@date\t", 6) == 0) {
            if (strlen(line + 6) != 10) {
                fprintf(stderr, "%s: @date wants YYYY-MM-DD\n", where);
                failed++;
                continue;
            }
            memcpy(date, line + 6, 11);
            continue;
        }
        char *tab = strchr(line, '\t');
        if (!tab) {
            fprintf(stderr, "%s: expected text<TAB>events\n", where);
            failed++;
            continue;
        }
        *tab = '\0';
        cases++;
        if (run_case(where, date, line, tab + 1))
            failed++;
    }
    fclose(f);
    test_figure("coder cases: %zu of %zu pass", cases - failed, cases);
    assert_true(cases >= 60);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
