/*
 * test_segment.c — the sentence segmenter against hand-checked gold: the
 * seed article's 18 sentences, 478 sentences of real Indonesian and English
 * news (tests/data/segment-gold.jsonl, spans into ../shared/corpus), and
 * one case per rule of docs/segmentation.md.
 */
#include "support.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sentences of `text`, as " | "-joined strings, for compact asserts. */
static const char *split(const char *text)
{
    static char out[8192];
    const saksi_doc *d = test_doc(text, "2022-08-04", NULL);
    out[0] = '\0';
    for (size_t i = 0; i < saksi_doc_sentence_count(d); i++) {
        if (i)
            strncat(out, " | ", sizeof out - strlen(out) - 1);
        strncat(out, test_sentence_text(d, i), sizeof out - strlen(out) - 1);
    }
    return out;
}

#define SPLITS(text, want) assert_string_equal(split(text), want)

static void rule_breaks(void **state)
{
    (void)state;
    SPLITS("Dia datang. Mereka pergi! Kapan? 3 orang tewas.",
           "Dia datang. | Mereka pergi! | Kapan? | 3 orang tewas.");
    /* no break before a lower-case word */
    SPLITS("Harga naik 2 persen. dan turun lagi.",
           "Harga naik 2 persen. dan turun lagi.");
    /* no blank after the stop: not a boundary */
    SPLITS("Lihat kpk.go.id dan Suara.com hari ini.",
           "Lihat kpk.go.id dan Suara.com hari ini.");
    /* sentences run together without a blank stay one (rule 2) */
    SPLITS("Dua orang tewas.Polisi datang.", "Dua orang tewas.Polisi datang.");
}

static void rule_quotes(void **state)
{
    (void)state;
    SPLITS("“Kami prihatin,” kata Kementerian. Rusia menyerukan gencatan "
           "senjata.",
           "“Kami prihatin,” kata Kementerian. | Rusia menyerukan gencatan "
           "senjata.");
    SPLITS("Ia menyerukan “untuk menahan diri.” Turki setuju.",
           "Ia menyerukan “untuk menahan diri.” | Turki setuju.");
    SPLITS("He said \"we will win.\" The crowd cheered.",
           "He said \"we will win.\" | The crowd cheered.");
    SPLITS("“Kami siap. Kami menunggu,” kata dia.",
           "“Kami siap. | Kami menunggu,” kata dia.");
    SPLITS("“Apa?” tanya dia. (Lihat foto.) Lalu pergi.",
           "“Apa?” tanya dia. | (Lihat foto.) | Lalu pergi.");
}

static void rule_abbreviations(void **state)
{
    (void)state;
    SPLITS("Dr. Andi dan Prof. Budi tiba di Jl. Sudirman No. 5 Kab. Bogor.",
           "Dr. Andi dan Prof. Budi tiba di Jl. Sudirman No. 5 Kab. Bogor.");
    SPLITS("Kol. Arif dan Brigjen. Budi hadir. Mr. Smith and Gen. Lee met "
           "Lt. Col. Park.",
           "Kol. Arif dan Brigjen. Budi hadir. | Mr. Smith and Gen. Lee met "
           "Lt. Col. Park.");
    SPLITS("George W. Bush met Joko W. Widodo.",
           "George W. Bush met Joko W. Widodo.");
    SPLITS("U.S. officials met a.n. Presiden. Mereka setuju.",
           "U.S. officials met a.n. Presiden. | Mereka setuju.");
    /* "final" abbreviations end a sentence before a function word only */
    SPLITS("Ada beras, gula, dll. Namun harga naik.",
           "Ada beras, gula, dll. | Namun harga naik.");
    SPLITS("Ada beras, gula, dll. Polisi datang.",
           "Ada beras, gula, dll. Polisi datang.");
    SPLITS("He moved to the U.S. The move was quiet.",
           "He moved to the U.S. | The move was quiet.");
    SPLITS("The U.S. Navy sailed.", "The U.S. Navy sailed.");
}

static void rule_numbers(void **state)
{
    (void)state;
    SPLITS("Sekitar 2.000 pasukan dan 1,5 juta warga, pada 4/8/2022 pukul "
           "09.40 WIT, Kamis (4/8). Besoknya sepi.",
           "Sekitar 2.000 pasukan dan 1,5 juta warga, pada 4/8/2022 pukul "
           "09.40 WIT, Kamis (4/8). | Besoknya sepi.");
    SPLITS("Nilainya Rp2,5 miliar. Itu 3.5% saja.",
           "Nilainya Rp2,5 miliar. | Itu 3.5% saja.");
    SPLITS("Syaratnya:\n1. Saya datang.\n2. Kami pergi.",
           "Syaratnya: | 1. Saya datang. | 2. Kami pergi.");
}

static void rule_ellipsis_dash_colon(void **state)
{
    (void)state;
    SPLITS("Dia diam... Lalu pergi… Semua heran.",
           "Dia diam... | Lalu pergi… | Semua heran.");
    SPLITS("Dia diam... lalu pergi.", "Dia diam... lalu pergi.");
    SPLITS("Dua perang – pada 1990-an dan 2020 – terjadi; kedua pihak: "
           "Armenia dan Azerbaijan.",
           "Dua perang – pada 1990-an dan 2020 – terjadi; kedua pihak: "
           "Armenia dan Azerbaijan.");
}

static void rule_lines(void **state)
{
    (void)state;
    const saksi_doc *d = test_doc(
        "Moskow serukan penahanan diri\nRusia menyerukan gencatan senjata.\n\n"
        "Baca juga: Armenia protes\n\nTurki diam.",
        NULL, NULL);
    assert_int_equal(saksi_doc_sentence_count(d), 4);
    assert_int_equal(saksi_doc_sentence(d, 0)->kind, SAKSI_SENT_HEADLINE);
    assert_int_equal(saksi_doc_sentence(d, 1)->kind, SAKSI_SENT_BODY);
    assert_int_equal(saksi_doc_sentence(d, 2)->kind, SAKSI_SENT_HEADLINE);
    assert_int_equal(saksi_doc_sentence(d, 0)->paragraph, 0);
    assert_int_equal(saksi_doc_sentence(d, 1)->paragraph, 0);
    assert_int_equal(saksi_doc_sentence(d, 2)->paragraph, 1);
    assert_int_equal(saksi_doc_sentence(d, 3)->paragraph, 2);
    /* hard-wrapped text: single line breaks are blanks */
    SPLITS("The minister of foreign affairs said on Thursday that the\n"
           "talks with the delegation from the neighbouring country would\n"
           "resume next week in the capital, after a pause of two months\n"
           "and several rounds of consultations. Nothing else was said.\n",
           "The minister of foreign affairs said on Thursday that the\n"
           "talks with the delegation from the neighbouring country would\n"
           "resume next week in the capital, after a pause of two months\n"
           "and several rounds of consultations. | Nothing else was said.");
}

static void rule_datelines(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Jakarta, CNN Indonesia -- Presiden datang.",
         "Jakarta, CNN Indonesia --"},
        {"Jakarta (ANTARA News) - Menteri datang.", "Jakarta (ANTARA News) -"},
        {"JAKARTA, KOMPAS.com – Polisi menangkap dua orang.",
         "JAKARTA, KOMPAS.com –"},
        {"Suara.com - Komisi datang.", "Suara.com -"},
        {"KIEV, Ukraine — Rebels attacked.", "KIEV, Ukraine —"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const saksi_doc *d = test_doc(cases[i][0], NULL, NULL);
        assert_int_equal(saksi_doc_sentence_count(d), 2);
        assert_int_equal(saksi_doc_sentence(d, 0)->kind, SAKSI_SENT_DATELINE);
        assert_string_equal(test_sentence_text(d, 0), cases[i][1]);
    }
    /* not datelines: a dash inside an ordinary sentence */
    const saksi_doc *d =
        test_doc("Presiden Joko Widodo datang - dan pergi.", NULL, NULL);
    assert_int_equal(saksi_doc_sentence_count(d), 1);
    d = test_doc("Armenia dan Azerbaijan - dua negara - berperang.", NULL,
                 NULL);
    assert_int_equal(saksi_doc_sentence_count(d), 1);
}

static void seed_article(void **state)
{
    (void)state;
    char buf[1024];
    const char *txt =
        test_shared_file("seed/000_cc36f71b694eee0b.txt", buf, sizeof buf);
    if (!txt)
        skip();
    FILE *f = fopen(txt, "rb");
    assert_non_null(f);
    static char text[16384];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const saksi_doc *d = test_doc(text, "2022-08-04", NULL);
    assert_int_equal(saksi_doc_sentence_count(d), 18);
    /* each line is a sentence, and line 13 is two */
    size_t k = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *second = strstr(line, " Pashinyan mengatakan 19");
        if (second) {
            *second = '\0';
            assert_string_equal(test_sentence_text(d, k++), line);
            assert_string_equal(test_sentence_text(d, k++), second + 1);
            continue;
        }
        assert_string_equal(test_sentence_text(d, k++), line);
    }
    assert_int_equal(k, 18);
}

typedef struct {
    json_t *gold; /* article id -> spans */
    size_t tp, fp, fn, articles;
} gold_ctx;

static void score_article(const saksi_article *a, void *p)
{
    gold_ctx *g = p;
    json_t *want = json_object_get(g->gold, a->id);
    if (!want)
        return;
    g->articles++;
    const saksi_doc *d = test_doc(a->text, a->date, a->lang);
    /* test_doc copies nothing: a->text stays valid during this call */
    size_t ns = saksi_doc_sentence_count(d), nw = json_array_size(want);
    size_t hit = 0;
    for (size_t i = 0; i < ns; i++) {
        const saksi_sentence *s = saksi_doc_sentence(d, i);
        int found = 0;
        for (size_t k = 0; k < nw && !found; k++) {
            json_t *sp = json_array_get(want, k);
            found = (size_t)json_integer_value(json_array_get(sp, 0)) ==
                        s->start &&
                    (size_t)json_integer_value(json_array_get(sp, 1)) == s->end;
        }
        if (found)
            hit++;
        else
            printf("# extra %s [%zu,%zu)\n", a->id, s->start, s->end);
    }
    g->tp += hit;
    g->fp += ns - hit;
    g->fn += nw - hit;
}

static void gold_corpus(void **state)
{
    (void)state;
    json_error_t err;
    json_t *lines = json_array();
    FILE *f = fopen("tests/data/segment-gold.jsonl", "r");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0;
    gold_ctx g = {json_object(), 0, 0, 0, 0};
    size_t want_articles = 0, want_sentences = 0;
    const char *files[2] = {NULL, NULL};
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, &err);
        assert_non_null(o);
        json_object_set(g.gold, json_string_value(json_object_get(o, "article")),
                        json_object_get(o, "sentences"));
        want_sentences += json_array_size(json_object_get(o, "sentences"));
        want_articles++;
        json_array_append_new(lines, o);
    }
    free(line);
    fclose(f);
    assert_true(want_sentences >= 300);
    char b1[1024], b2[1024];
    files[0] = test_shared_file("corpus/id-news.jsonl", b1, sizeof b1);
    files[1] = test_shared_file("corpus/en-wikinews.jsonl", b2, sizeof b2);
    if (!files[0] || !files[1]) {
        json_decref(lines);
        json_decref(g.gold);
        skip();
    }
    for (int i = 0; i < 2; i++)
        test_each_article(files[i], score_article, &g);
    assert_int_equal(g.articles, want_articles);
    double p = (double)g.tp / (double)(g.tp + g.fp);
    double r = (double)g.tp / (double)(g.tp + g.fn);
    double f1 = 2 * p * r / (p + r);
    test_figure("segmentation gold: %zu articles, %zu sentences: exact-span "
                "precision %.3f recall %.3f F1 %.3f",
                g.articles, want_sentences, p, r, f1);
    /* the level reached (477 of 478 exact); it must never fall */
    assert_true(f1 >= 0.995);
    json_decref(lines);
    json_decref(g.gold);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_breaks),
        cmocka_unit_test(rule_quotes),
        cmocka_unit_test(rule_abbreviations),
        cmocka_unit_test(rule_numbers),
        cmocka_unit_test(rule_ellipsis_dash_colon),
        cmocka_unit_test(rule_lines),
        cmocka_unit_test(rule_datelines),
        cmocka_unit_test(seed_article),
        cmocka_unit_test(gold_corpus),
    };
    return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
