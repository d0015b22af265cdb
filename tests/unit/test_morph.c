/*
 * test_morph.c — Indonesian morphology against the hand-made gold list
 * (tests/data/morph-gold.tsv: 1,942 words of real news with their KBBI
 * roots and affixes), with two baselines run on the same list: Snowball's
 * Indonesian stemmer (libstemmer, Tala's algorithm) and Hunspell's own
 * stemmer over the same Debian dictionary saksi's lexicon comes from.
 * Also: roots in context (capitalized names, lexicalized words) and the
 * memo.
 */
#include "support.h"

#include <hunspell.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static saksi_worker *worker(void)
{
    static saksi_worker *w;
    if (!w)
        w = saksi_worker_new(test_model());
    return w;
}

static const char *alt_of;

static const char *root_of(const char *word, char *affixes, size_t len)
{
    saksi_token t;
    assert_int_equal(saksi_analyze_word(worker(), word, strlen(word), &t), 0);
    if (affixes) {
        affixes[0] = '\0';
        for (int i = 0; i < t.n_affixes; i++) {
            if (i)
                strncat(affixes, "+", len - strlen(affixes) - 1);
            strncat(affixes, saksi_affix_name(t.affixes[i]),
                    len - strlen(affixes) - 1);
        }
    }
    alt_of = t.root_alt_str;
    return t.root_str;
}

#define ROOT(word, want, affs)                                          \
    do {                                                                \
        char a_[64];                                                    \
        assert_string_equal(root_of(word, a_, sizeof a_), want);        \
        assert_string_equal(a_, affs);                                  \
    } while (0)

static void issue_examples(void **state)
{
    (void)state;
    ROOT("menyerukan", "seru", "meN-+-kan");
    ROOT("penembakan", "tembak", "peN-+-an");
    ROOT("ditembaki", "tembak", "di-+-i");
    ROOT("tertembak", "tembak", "ter-");
    ROOT("menewaskan", "tewas", "meN-+-kan");
    ROOT("kehilangan", "hilang", "ke-+-an");
    ROOT("menembak", "tembak", "meN-");
    ROOT("menyerang", "serang", "meN-");
    ROOT("mengecam", "kecam", "meN-");
    ROOT("memukul", "pukul", "meN-");
    ROOT("negara-negara", "negara", "redup");
    ROOT("luka-luka", "luka", "redup");
    ROOT("tembak-menembak", "tembak", "meN-+redup");
    ROOT("diklarifikasi", "klarifikasi", "di-");
    /* lexicalized: both readings */
    saksi_token t;
    assert_int_equal(saksi_analyze_word(worker(), "pemerintahnya", 13, &t), 0);
    assert_string_equal(t.root_str, "pemerintah");
    assert_string_equal(t.root_alt_str, "perintah");
    assert_true(t.morph & SAKSI_MORPH_LEXICALIZED);
    /* roots that look affixed */
    ROOT("perang", "perang", "");
    ROOT("berita", "berita", "");
    ROOT("menteri", "menteri", "");
    ROOT("tentara", "tentara", "");
    /* names are not stemmed */
    ROOT("pashinyan", "pashinyan", "");
    ROOT("erdogan", "erdogan", "");
}

static void in_context(void **state)
{
    (void)state;
    const saksi_doc *d = test_doc(
        "Warga Semarang dan Setiawan menyerukan perdamaian di Lachin.", NULL,
        "id");
    const saksi_token *t = saksi_doc_token(d, 0);
    /* Semarang, Setiawan: capitalized inside the sentence, kept whole */
    assert_string_equal(t[1].root_str, "semarang");
    assert_true(t[1].morph & SAKSI_MORPH_PROPER);
    assert_string_equal(t[3].root_str, "setiawan");
    assert_string_equal(t[4].root_str, "seru");
    assert_string_equal(t[5].root_str, "perdamaian");
    assert_string_equal(t[5].root_alt_str, "damai");
    assert_string_equal(t[7].root_str, "lachin");
    /* English sentences are not analysed as Indonesian: their words get
     * English lemmas (lang/english.c) */
    d = test_doc("The soldiers were attacking the village.", NULL, NULL);
    t = saksi_doc_token(d, 0);
    assert_false(t[3].morph & SAKSI_MORPH_LICENSED);
    assert_string_equal(t[3].root_str, "attack");
    assert_string_equal(t[2].root_str, "be");
}

typedef struct {
    char word[64], roots[128], affixes[64], cls[16];
} gold_line;

static int in_roots(const char *root, const char *roots)
{
    size_t n = strlen(root);
    for (const char *p = roots; *p;) {
        const char *bar = strchr(p, '|');
        size_t k = bar ? (size_t)(bar - p) : strlen(p);
        if (k == n && memcmp(p, root, n) == 0)
            return 1;
        p += k + (bar != NULL);
    }
    return 0;
}

static size_t read_gold(gold_line **out)
{
    FILE *f = fopen("tests/data/morph-gold.tsv", "r");
    assert_non_null(f);
    size_t n = 0, cap = 2048;
    gold_line *v = calloc(cap, sizeof *v);
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *fields[4] = {line, NULL, NULL, NULL};
        for (int i = 1; i < 4; i++) {
            char *tab = fields[i - 1] ? strchr(fields[i - 1], '\t') : NULL;
            if (!tab)
                fail_msg("malformed gold line: %s", line);
            *tab = '\0';
            fields[i] = tab + 1;
        }
        if (n == cap)
            v = realloc(v, (cap *= 2) * sizeof *v);
        snprintf(v[n].word, sizeof v[n].word, "%.63s", fields[0]);
        snprintf(v[n].roots, sizeof v[n].roots, "%.127s", fields[1]);
        snprintf(v[n].affixes, sizeof v[n].affixes, "%.63s", fields[2]);
        snprintf(v[n].cls, sizeof v[n].cls, "%.15s", fields[3]);
        n++;
    }
    fclose(f);
    *out = v;
    return n;
}

static void gold_list(void **state)
{
    (void)state;
    gold_line *g;
    size_t n = read_gold(&g);
    assert_true(n >= 1000);
    size_t ok = 0, strict = 0, aff_ok = 0, snow_ok = 0, hun_ok = 0, shown = 0;
    struct sb_stemmer *sb = sb_stemmer_new("indonesian", NULL);
    assert_non_null(sb);
    Hunhandle *hun = Hunspell_create("/usr/share/hunspell/id_ID.aff",
                                     "/usr/share/hunspell/id_ID.dic");
    int have_hun = hun != NULL && fopen("/usr/share/hunspell/id_ID.dic", "r");
    /* per class: index by first letter pair is enough for the report */
    char classes[32][16];
    size_t cls_n[32] = {0}, cls_ok[32] = {0}, ncls = 0;
    for (size_t i = 0; i < n; i++) {
        char affixes[64];
        const char *root = root_of(g[i].word, affixes, sizeof affixes);
        /* a lexicalized word offers both readings: either may be the gold */
        int good = in_roots(root, g[i].roots) ||
                   (alt_of && in_roots(alt_of, g[i].roots));
        strict += in_roots(root, g[i].roots);
        ok += good;
        aff_ok += good && strcmp(affixes, g[i].affixes) == 0;
        if (!good && shown++ < 60)
            printf("# miss %-22s -> %-14s (%s) gold %s (%s) [%s]\n", g[i].word,
                   root, affixes, g[i].roots, g[i].affixes, g[i].cls);
        size_t c = 0;
        while (c < ncls && strcmp(classes[c], g[i].cls))
            c++;
        if (c == ncls && ncls < 32)
            snprintf(classes[ncls++], 16, "%s", g[i].cls);
        if (c < 32) {
            cls_n[c]++;
            cls_ok[c] += good;
        }
        const sb_symbol *st = sb_stemmer_stem(sb, (const sb_symbol *)g[i].word,
                                              (int)strlen(g[i].word));
        snow_ok += in_roots((const char *)st, g[i].roots);
        if (have_hun) {
            /* Hunspell's dictionary is Latin-1; the gold words are ASCII */
            char **list;
            int k = Hunspell_stem(hun, &list, g[i].word);
            hun_ok += k > 0 ? in_roots(list[k - 1], g[i].roots)
                            : in_roots(g[i].word, g[i].roots);
            Hunspell_free_list(hun, &list, k);
        }
    }
    double acc = (double)ok / (double)n;
    test_figure("morphology gold (%zu words): saksi root accuracy %.1f%% "
                "(first reading only %.1f%%; root and affixes %.1f%%); "
                "Snowball Indonesian %.1f%%%s",
                n, 100 * acc, 100.0 * (double)strict / (double)n,
                100.0 * (double)aff_ok / (double)n,
                100.0 * (double)snow_ok / (double)n,
                have_hun ? "" : "; Hunspell not installed");
    if (have_hun)
        test_figure("  Hunspell stem() on the same dictionary: %.1f%%",
                    100.0 * (double)hun_ok / (double)n);
    for (size_t c = 0; c < ncls; c++)
        printf("#   class %-9s %4zu words, %5.1f%%\n", classes[c], cls_n[c],
               100.0 * (double)cls_ok[c] / (double)cls_n[c]);
    sb_stemmer_delete(sb);
    if (hun)
        Hunspell_destroy(hun);
    free(g);
    assert_true(acc >= 0.95);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(issue_examples),
        cmocka_unit_test(in_context),
        cmocka_unit_test(gold_list),
    };
    return cmocka_run_group_tests_name("morph", tests, NULL, NULL);
}
