/*
 * test_output.c — the JSON Lines renderings: every line parses as JSON,
 * has the documented fields, and each `text` is exactly the bytes its span
 * covers in the article; strings with quotes, backslashes and control
 * characters survive the round trip.
 */
#include "support.h"
#include "output/json.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void escaping(void **state)
{
    (void)state;
    saksi_buf b;
    saksi_buf_init(&b);
    const char raw[] = "a\"b\\c\nd\te\x01\x7f “ü”";
    json_str(&b, raw, sizeof raw - 1);
    json_error_t err;
    json_t *v = json_loads(b.data, JSON_DECODE_ANY, &err);
    assert_non_null(v);
    assert_string_equal(json_string_value(v), raw);
    json_decref(v);
    saksi_buf_free(&b);
}

/* Renders a document with `fn` and checks every line. */
static size_t check_lines(const saksi_doc *d,
                          int (*fn)(const saksi_doc *, FILE *),
                          const char *const *fields, size_t nfields)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    assert_non_null(f);
    assert_int_equal(fn(d, f), 0);
    fclose(f);
    const saksi_article *a = saksi_doc_article(d);
    size_t lines = 0;
    for (char *line = strtok(mem, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        if (!o)
            fail_msg("not JSON: %s: %s", err.text, line);
        for (size_t i = 0; i < nfields; i++)
            if (!json_object_get(o, fields[i]))
                fail_msg("no field %s: %s", fields[i], line);
        assert_string_equal(json_string_value(json_object_get(o, "article")),
                            a->id);
        json_t *span = json_object_get(o, "span");
        size_t s = (size_t)json_integer_value(json_array_get(span, 0));
        size_t e = (size_t)json_integer_value(json_array_get(span, 1));
        assert_true(s < e && e <= a->text_len);
        json_t *text = json_object_get(o, "text");
        assert_int_equal(json_string_length(text), e - s);
        assert_memory_equal(json_string_value(text), a->text + s, e - s);
        json_decref(o);
        lines++;
    }
    free(mem);
    return lines;
}

static void renderings(void **state)
{
    (void)state;
    const char *text =
        "JAKARTA, saksi – Polisi \"menangkap\" 2 orang\\x.\n\n"
        "“Kami siap,” kata dia.\tSelesai.";
    const saksi_doc *d = test_doc(text, "2022-08-04", NULL);
    static const char *const sf[] = {"article", "sentence", "span", "lang",
                                     "kind", "paragraph", "text"};
    static const char *const tf[] = {"article", "sentence", "span", "text",
                                     "class", "norm"};
    assert_int_equal(check_lines(d, saksi_write_sentences, sf, 7),
                     saksi_doc_sentence_count(d));
    assert_int_equal(check_lines(d, saksi_write_tokens, tf, 6),
                     saksi_doc_token_count(d));
}

typedef struct {
    size_t sentences, tokens;
} count_ctx;

static void render_article(const saksi_article *a, void *p)
{
    count_ctx *c = p;
    const saksi_doc *d = test_doc(a->text, a->date, a->lang);
    static const char *const sf[] = {"article", "span", "text"};
    c->sentences += check_lines(d, saksi_write_sentences, sf, 3);
}

static void seed(void **state)
{
    (void)state;
    char buf[1024];
    const char *p = test_shared_file("seed/seed.jsonl", buf, sizeof buf);
    if (!p)
        skip();
    count_ctx c = {0, 0};
    test_each_article(p, render_article, &c);
    assert_int_equal(c.sentences, 18);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escaping),
        cmocka_unit_test(renderings),
        cmocka_unit_test(seed),
    };
    return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
