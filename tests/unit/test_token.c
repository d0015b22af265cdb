/*
 * test_token.c — the tokenizer: classes and boundaries case by case, and
 * byte offsets checked for every token of the whole Indonesian and English
 * corpora: each token's bytes are the source bytes, tokens never overlap,
 * only blank space lies between them, and each sentence is exactly the
 * bytes from its first token to its last.
 */
#include "support.h"
#include "text/utf8.h"

#include <stdio.h>
#include <string.h>

static const char *toks(const char *text)
{
    static char out[8192];
    const saksi_doc *d = test_doc(text, NULL, NULL);
    out[0] = '\0';
    for (size_t i = 0; i < saksi_doc_token_count(d); i++) {
        if (i)
            strncat(out, " ", sizeof out - strlen(out) - 1);
        strncat(out, test_token_text(d, i), sizeof out - strlen(out) - 1);
        const char *c = saksi_token_class_name(saksi_doc_token(d, i)->cls);
        char tag[4] = {'/', c[0], c[1], '\0'};
        strncat(out, tag, sizeof out - strlen(out) - 1);
    }
    return out;
}

#define TOKS(text, want) assert_string_equal(toks(text), want)

static void classes(void **state)
{
    (void)state;
    TOKS("Moskow pada Kamis: TNI, PBB!",
         "Moskow/ca pada/wo Kamis/ca :/pu TNI/ac ,/pu PBB/ac !/pu");
    TOKS("“penahanan diri” \"x\" 'y'",
         "“/qu penahanan/wo diri/wo ”/qu \"/qu x/wo \"/qu '/qu y/wo '/qu");
    TOKS("100% $5 #tag @user a+b",
         "100/nu %/sy $/sy 5/nu #/sy tag/wo @/sy user/wo a/wo +/sy b/wo");
    TOKS("A iPhone eBay", "A/ca iPhone/wo eBay/wo");
}

static void words(void **state)
{
    (void)state;
    TOKS("negara-negara luka-luka tembak-menembak Nagorno-Karabakh TPNPB-OPM",
         "negara-negara/wo luka-luka/wo tembak-menembak/wo "
         "Nagorno-Karabakh/ca TPNPB-OPM/ac");
    TOKS("Ma'ruf Ma’ruf Jum'at", "Ma'ruf/ca Ma’ruf/ca Jum'at/ca");
    TOKS("Russia's troops, Russia’s army",
         "Russia/ca 's/wo troops/wo ,/pu Russia/ca ’s/wo army/wo");
    TOKS("U.S. a.n. p.m. kpk.go.id Suara.com",
         "U.S./ac a.n./wo p.m./wo kpk.go.id/wo Suara.com/ca");
    TOKS("tewas.Dia", "tewas/wo ./pu Dia/ca");
    TOKS("COVID-19 MH17 F-16", "COVID-19/ac MH17/ac F-16/ac");
    /* combining marks stay in their word */
    TOKS("Lac\xCC\xA7i\xCC\x87n", "Lac\xCC\xA7i\xCC\x87n/ca");
}

static void numbers(void **state)
{
    (void)state;
    TOKS("2.000 1,5 juta 09.40 4/8/2022 (4/8) 1990-an 3:00 19th 4G",
         "2.000/nu 1,5/nu juta/wo 09.40/nu 4/8/2022/nu (/pu 4/8/nu )/pu "
         "1990-an/nu 3:00/nu 19th/nu 4G/nu");
    TOKS("Rp2,5 miliar Rp 500 US$5", "Rp/ca 2,5/nu miliar/wo Rp/ca 500/nu "
                                     "US/ac $/sy 5/nu");
    TOKS("tahun 2017. Lalu", "tahun/wo 2017/nu ./pu Lalu/ca");
}

static void punctuation(void **state)
{
    (void)state;
    TOKS("a... b… c -- d – e — f ?! g", "a/wo .../pu b/wo …/pu c/wo --/pu "
                                        "d/wo –/pu e/wo —/pu f/wo ?!/pu g/wo");
}

static void norms(void **state)
{
    (void)state;
    const saksi_doc *d =
        test_doc("MOSKOW Moskow moskow Laçin LAÇIN Ma’ruf Ma'ruf Straße", NULL,
                 NULL);
    const saksi_token *t = saksi_doc_token(d, 0);
    assert_string_equal(t[0].norm, "moskow");
    assert_int_equal(t[0].word, t[1].word);
    assert_int_equal(t[1].word, t[2].word);
    assert_string_equal(t[3].norm, "laçin");
    assert_int_equal(t[3].word, t[4].word);
    assert_int_equal(t[5].word, t[6].word);
    assert_string_equal(t[7].norm, "strasse");
    /* NFD input folds to the same word as NFC */
    d = test_doc("Lac\xCC\xA7\xC4\xB1n La\xC3\xA7\xC4\xB1n", NULL, NULL);
    t = saksi_doc_token(d, 0);
    assert_int_equal(t[0].word, t[1].word);
}

typedef struct {
    size_t articles, tokens, sentences;
    saksi_buf fold, scratch;
} corpus_ctx;

static void check_article(const saksi_article *a, void *p)
{
    corpus_ctx *c = p;
    const saksi_doc *d = test_doc(a->text, a->date, a->lang);
    const unsigned char *s = (const unsigned char *)a->text;
    size_t n = a->text_len, prev_end = 0;
    size_t nt = saksi_doc_token_count(d);
    for (size_t i = 0; i < nt; i++) {
        const saksi_token *t = saksi_doc_token(d, i);
        if (!(t->start >= prev_end && t->end > t->start && t->end <= n))
            fail_msg("%s: token %zu [%zu,%zu) out of order", a->id, i,
                     t->start, t->end);
        /* starts and ends on character boundaries */
        assert_true((s[t->start] & 0xC0) != 0x80);
        assert_true(t->end == n || (s[t->end] & 0xC0) != 0x80);
        /* only blank space between tokens */
        for (size_t k = prev_end; k < t->start;) {
            int32_t cp;
            k += saksi_utf8_decode(s, n, k, &cp);
            if (saksi_char_kind_of(cp) != CH_SPACE)
                fail_msg("%s: non-blank U+%04X between tokens at %zu", a->id,
                         (unsigned)cp, k);
        }
        /* norm is the folded form of exactly these bytes */
        saksi_buf_clear(&c->fold);
        assert_int_equal(saksi_fold(a->text + t->start, t->end - t->start,
                                    &c->fold, &c->scratch), 0);
        assert_int_equal(c->fold.len, t->norm_len);
        assert_memory_equal(c->fold.data, t->norm, t->norm_len);
        prev_end = t->end;
    }
    for (size_t k = prev_end; k < n;) {
        int32_t cp;
        k += saksi_utf8_decode(s, n, k, &cp);
        assert_int_equal(saksi_char_kind_of(cp), CH_SPACE);
    }
    /* sentences partition the tokens, in order */
    size_t next = 0;
    for (size_t i = 0; i < saksi_doc_sentence_count(d); i++) {
        const saksi_sentence *st = saksi_doc_sentence(d, i);
        assert_int_equal(st->first_token, next);
        assert_true(st->n_tokens > 0);
        assert_int_equal(st->start, saksi_doc_token(d, st->first_token)->start);
        assert_int_equal(st->end,
                         saksi_doc_token(d, st->first_token + st->n_tokens - 1)->end);
        next += st->n_tokens;
    }
    assert_int_equal(next, nt);
    c->articles++;
    c->tokens += nt;
    c->sentences += saksi_doc_sentence_count(d);
}

static void whole_corpora(void **state)
{
    (void)state;
    char buf[1024];
    const char *files[] = {"corpus/id-news.jsonl", "corpus/en-wikinews.jsonl",
                           "corpus/en-news.jsonl"};
    for (size_t i = 0; i < 3; i++) {
        const char *p = test_shared_file(files[i], buf, sizeof buf);
        if (!p)
            skip();
        corpus_ctx c;
        memset(&c, 0, sizeof c);
        test_each_article(p, check_article, &c);
        test_figure("tokenizer offsets: %s: %zu articles, %zu sentences, %zu "
                    "tokens, every offset checked",
                    files[i], c.articles, c.sentences, c.tokens);
        saksi_buf_free(&c.fold);
        saksi_buf_free(&c.scratch);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(classes),
        cmocka_unit_test(words),
        cmocka_unit_test(numbers),
        cmocka_unit_test(punctuation),
        cmocka_unit_test(norms),
        cmocka_unit_test(whole_corpora),
    };
    return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
