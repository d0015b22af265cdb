/*
 * test_langid.c — language identification of articles and sentences:
 * every article of the Indonesian corpus is Indonesian, every English one
 * English; sentence-level rates over whole corpora; mixed articles.
 */
#include "support.h"

#include <string.h>

static void sentences(void **state)
{
    (void)state;
    const saksi_doc *d = test_doc(
        "Presiden mengatakan bahwa pemerintah akan membantu warga. "
        "\"We will not give up on our people,\" kata dia. "
        "Cole sejatinya merupakan pemain jebolan Arsenal.",
        NULL, NULL);
    assert_int_equal(saksi_doc_lang(d), SAKSI_LANG_ID);
    assert_int_equal(saksi_doc_sentence(d, 0)->lang, SAKSI_LANG_ID);
    assert_int_equal(saksi_doc_sentence(d, 1)->lang, SAKSI_LANG_EN);
    /* no function words: affixes decide (-nya, meN-) */
    assert_int_equal(saksi_doc_sentence(d, 2)->lang, SAKSI_LANG_ID);

    d = test_doc("The ministry said the talks would resume. Nasi Gandul.",
                 NULL, NULL);
    assert_int_equal(saksi_doc_lang(d), SAKSI_LANG_EN);
    /* too short to tell: the article's language */
    assert_int_equal(saksi_doc_sentence(d, 1)->lang, SAKSI_LANG_EN);

    /* neither language */
    d = test_doc("Le gouvernement français a annoncé mardi une réforme "
                 "importante.",
                 NULL, NULL);
    assert_int_equal(saksi_doc_lang(d), SAKSI_LANG_UNKNOWN);
    assert_int_equal(saksi_doc_sentence(d, 0)->lang, SAKSI_LANG_UNKNOWN);

    /* a declared language is the article's, sentences still vote */
    d = test_doc("Rusia menyerukan gencatan senjata.", NULL, "en");
    assert_int_equal(saksi_doc_lang(d), SAKSI_LANG_EN);
    assert_int_equal(saksi_doc_sentence(d, 0)->lang, SAKSI_LANG_ID);
}

typedef struct {
    saksi_lang want;
    size_t articles, articles_ok, sents, sents_ok;
} rate_ctx;

static void count(const saksi_article *a, void *p)
{
    rate_ctx *c = p;
    saksi_article copy = *a;
    copy.lang = NULL; /* detect, do not trust the file */
    const saksi_doc *d = test_doc(copy.text, copy.date, NULL);
    c->articles++;
    if (saksi_doc_lang(d) == c->want)
        c->articles_ok++;
    else
        printf("# %s detected as %s\n", a->id, saksi_lang_tag(saksi_doc_lang(d)));
    for (size_t i = 0; i < saksi_doc_sentence_count(d); i++) {
        c->sents++;
        c->sents_ok += saksi_doc_sentence(d, i)->lang == c->want;
    }
}

static void corpora(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        saksi_lang lang;
    } sets[] = {{"corpus/id-news.jsonl", SAKSI_LANG_ID},
                {"corpus/en-wikinews.jsonl", SAKSI_LANG_EN},
                {"corpus/en-news.jsonl", SAKSI_LANG_EN}};
    for (size_t i = 0; i < 3; i++) {
        char buf[1024];
        const char *p = test_shared_file(sets[i].file, buf, sizeof buf);
        if (!p)
            skip();
        rate_ctx c = {sets[i].lang, 0, 0, 0, 0};
        test_each_article(p, count, &c);
        test_figure("language id: %s: articles %zu/%zu, sentences %zu/%zu "
                    "(%.2f%%) detected as %s",
                    sets[i].file, c.articles_ok, c.articles, c.sents_ok,
                    c.sents, 100.0 * (double)c.sents_ok / (double)c.sents,
                    saksi_lang_tag(sets[i].lang));
        assert_int_equal(c.articles_ok, c.articles);
        /* the level reached; the rest are song titles, sports tables and
         * quotations in English inside Indonesian articles */
        assert_true((double)c.sents_ok >= 0.995 * (double)c.sents);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences),
        cmocka_unit_test(corpora),
    };
    return cmocka_run_group_tests_name("langid", tests, NULL, NULL);
}
