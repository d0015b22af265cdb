/*
 * test_reader.c — the article reader: both formats, and every way input can
 * be bad, one by one. Each bad record must be rejected with its file, line,
 * byte offset and fault, and every good record around it still read.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int ok, rejected;
    char files[16][256];
    char ids[16][64];
    saksi_diag diags[16];
    char texts[16][256];
    char dates[16][16];
} outcome;

static void read_all(const char *const *paths, size_t n,
                     const saksi_reader_options *opts, outcome *o)
{
    memset(o, 0, sizeof *o);
    saksi_reader *r = saksi_reader_new(paths, n, opts);
    assert_non_null(r);
    saksi_article a;
    saksi_diag d;
    saksi_status st;
    while ((st = saksi_reader_next(r, &a, &d)) != SAKSI_END) {
        if (st == SAKSI_REJECTED) {
            assert_true(o->rejected < 16);
            snprintf(o->files[o->rejected], 256, "%s", d.file);
            o->diags[o->rejected++] = d;
            continue;
        }
        assert_int_equal(st, SAKSI_OK);
        assert_true(o->ok < 16);
        snprintf(o->ids[o->ok], 64, "%s", a.id);
        snprintf(o->texts[o->ok], 256, "%.*s", (int)a.text_len, a.text);
        snprintf(o->dates[o->ok], 16, "%s", a.date ? a.date : "-");
        o->ok++;
    }
    assert_int_equal(saksi_reader_rejected(r), (size_t)o->rejected);
    saksi_reader_free(r);
}

static void read_one(const char *path, outcome *o)
{
    const char *paths[] = {path};
    read_all(paths, 1, NULL, o);
}

static void expect_reject(const char *content, unsigned long line,
                          const char *needle)
{
    outcome o;
    read_one(test_tmpfile_str(content), &o);
    assert_int_equal(o.rejected, 1);
    assert_int_equal(o.diags[0].line, line);
    if (!strstr(o.diags[0].message, needle))
        fail_msg("message '%s' lacks '%s'", o.diags[0].message, needle);
}

#define GOOD1 "{\"id\":\"a1\",\"date\":\"2022-08-04\",\"text\":\"Satu.\"}\n"
#define GOOD2 "{\"id\":\"a2\",\"date\":\"2022-08-05\",\"text\":\"Dua.\"," \
              "\"lang\":\"id\",\"title\":\"T\",\"url\":\"u\",\"source\":\"s\"}\n"

static void good_jsonl(void **state)
{
    (void)state;
    outcome o;
    read_one(test_tmpfile_str(GOOD1 "\n   \n" GOOD2), &o);
    assert_int_equal(o.ok, 2);
    assert_int_equal(o.rejected, 0);
    assert_string_equal(o.ids[0], "a1");
    assert_string_equal(o.texts[1], "Dua.");
    assert_string_equal(o.dates[1], "2022-08-05");
}

/* The case: good, truncated, invalid UTF-8, no date, good. */
static void mixed_file(void **state)
{
    (void)state;
    const char *content =
        GOOD1
        "{\"id\":\"t\",\"date\":\"2022-08-04\",\"text\":\"terpot\n"
        "{\"id\":\"u\",\"date\":\"2022-08-04\",\"text\":\"bad \xff byte\"}\n"
        "{\"id\":\"v\",\"text\":\"no date\"}\n" GOOD2;
    const char *path = test_tmpfile_str(content);
    outcome o;
    read_one(path, &o);
    assert_int_equal(o.ok, 2);
    assert_string_equal(o.ids[0], "a1");
    assert_string_equal(o.ids[1], "a2");
    assert_int_equal(o.rejected, 3);
    assert_string_equal(o.files[0], path);
    assert_int_equal(o.diags[0].line, 2);
    assert_non_null(strstr(o.diags[0].message, "not valid JSON"));
    assert_int_equal(o.diags[1].line, 3);
    assert_non_null(strstr(o.diags[1].message, "invalid UTF-8 byte 0xFF"));
    /* the byte offset points at the 0xFF in the file */
    assert_int_equal((unsigned char)content[o.diags[1].byte], 0xFF);
    assert_int_equal(o.diags[2].line, 4);
    assert_non_null(strstr(o.diags[2].message, "\"date\""));
    assert_non_null(strstr(o.diags[2].message, "missing"));
}

static void not_json(void **state)
{
    (void)state;
    /* forced JSON Lines: plain text is not JSON */
    outcome o;
    const char *paths[] = {test_tmpfile_str(GOOD1 "hello\n")};
    saksi_reader_options opt = {SAKSI_FORMAT_JSONL, NULL, NULL, NULL};
    read_all(paths, 1, &opt, &o);
    assert_int_equal(o.ok, 1);
    assert_int_equal(o.rejected, 1);
    assert_int_equal(o.diags[0].line, 2);
    assert_non_null(strstr(o.diags[0].message, "not valid JSON"));
}

static void not_object(void **state)
{
    (void)state;
    expect_reject(GOOD1 "[1,2]\n", 2, "not a JSON object");
}

static void missing_and_mistyped(void **state)
{
    (void)state;
    expect_reject("{\"date\":\"2022-08-04\",\"text\":\"x\"}\n", 1,
                  "\"id\" must be a string, is missing");
    expect_reject("{\"id\":7,\"date\":\"2022-08-04\",\"text\":\"x\"}\n", 1,
                  "\"id\" must be a string, is a number");
    expect_reject("{\"id\":\"x\",\"date\":20220804,\"text\":\"x\"}\n", 1,
                  "\"date\" must be a string, is a number");
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\"}\n", 1,
                  "\"text\" must be a string, is missing");
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":[]}\n", 1,
                  "\"text\" must be a string, is an array");
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":\"x\","
                  "\"lang\":5}\n",
                  1, "\"lang\" must be a string");
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":\"x\","
                  "\"title\":{}}\n",
                  1, "\"title\" must be a string, is an object");
    expect_reject("{\"id\":\"\",\"date\":\"2022-08-04\",\"text\":\"x\"}\n", 1,
                  "\"id\" is empty");
    expect_reject("{\"id\":\"x\",\"id\":\"y\",\"date\":\"2022-08-04\","
                  "\"text\":\"x\"}\n",
                  1, "duplicate");
}

static void bad_dates(void **state)
{
    (void)state;
    static const char *const bad[] = {"2022-02-30", "2021-02-29", "2022-13-01",
                                       "2022-00-10", "04/08/2022", "2022-8-4",
                                       "yesterday",  "2022-08-04x", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char line[256];
        snprintf(line, sizeof line,
                 "{\"id\":\"x\",\"date\":\"%s\",\"text\":\"x\"}\n", bad[i]);
        expect_reject(line, 1, "not a valid YYYY-MM-DD date");
    }
    outcome o;
    read_one(test_tmpfile_str(
                 "{\"id\":\"x\",\"date\":\"2020-02-29\",\"text\":\"x\"}\n"
                 "{\"id\":\"y\",\"date\":\"2022-08-04T10:00:00Z\","
                 "\"text\":\"x\"}\n"),
             &o);
    assert_int_equal(o.ok, 2);
    assert_string_equal(o.dates[1], "2022-08-04");
}

static void empty_text(void **state)
{
    (void)state;
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":\"\"}\n", 1,
                  "empty text");
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":\" \\n\\t\"}\n",
                  1, "empty text");
    /* JSON's \u0000 is refused: text is a C string for the coder */
    expect_reject("{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":\"a\\u0000b\"}\n",
                  1, "");
}

static void duplicate_ids(void **state)
{
    (void)state;
    outcome o;
    const char *p1 = test_tmpfile_str(GOOD1 GOOD2 GOOD1);
    const char *p2 = test_tmpfile_str(GOOD2);
    const char *paths[] = {p1, p2};
    read_all(paths, 2, NULL, &o);
    assert_int_equal(o.ok, 2);
    assert_int_equal(o.rejected, 2);
    assert_int_equal(o.diags[0].line, 3);
    assert_non_null(strstr(o.diags[0].message, "duplicate article id 'a1'"));
    assert_string_equal(o.files[1], p2);
    assert_int_equal(o.diags[1].line, 1);
}

static void unreadable_file(void **state)
{
    (void)state;
    outcome o;
    const char *good = test_tmpfile_str(GOOD1);
    const char *paths[] = {"/nonexistent/saksi/none.jsonl", good};
    read_all(paths, 2, NULL, &o);
    assert_int_equal(o.rejected, 1);
    assert_int_equal(o.ok, 1);
    assert_string_equal(o.files[0], "/nonexistent/saksi/none.jsonl");
    assert_int_equal(o.diags[0].line, 0);
    assert_non_null(strstr(o.diags[0].message, "cannot open"));
    /* a directory cannot be read as an article either */
    const char *dir[] = {"/tmp"};
    read_all(dir, 1, NULL, &o);
    assert_int_equal(o.rejected, 1);
    assert_int_equal(o.ok, 0);
}

static void crlf_and_bom(void **state)
{
    (void)state;
    outcome o;
    read_one(test_tmpfile_str("\xEF\xBB\xBF{\"id\":\"a\",\"date\":\"2022-08-04\","
                              "\"text\":\"x\"}\r\n\r\n"
                              "{\"id\":\"b\",\"date\":\"2022-08-04\","
                              "\"text\":\"y\"}\r\n"),
             &o);
    assert_int_equal(o.ok, 2);
    assert_int_equal(o.rejected, 0);
}

static void plain_text(void **state)
{
    (void)state;
    outcome o;
    const char *path = test_tmpfile_str("\n\nMoskow menyerukan penahanan diri.\n");
    saksi_reader_options opt = {SAKSI_FORMAT_AUTO, "2022-08-04", NULL, "id"};
    const char *paths[] = {path};
    read_all(paths, 1, &opt, &o);
    assert_int_equal(o.ok, 1);
    /* id defaults to the file name without directory and extension */
    assert_string_equal(o.ids[0], strrchr(path, '/') + 1);
    assert_string_equal(o.dates[0], "2022-08-04");
    /* offsets count from the file's first byte: leading blank lines stay */
    assert_string_equal(o.texts[0], "\n\nMoskow menyerukan penahanan diri.\n");

    saksi_reader_options named = {SAKSI_FORMAT_TEXT, NULL, "seed", NULL};
    read_all(paths, 1, &named, &o);
    assert_string_equal(o.ids[0], "seed");
    assert_string_equal(o.dates[0], "-");

    /* forced text: a JSON-looking file is one article */
    const char *j = test_tmpfile_str(GOOD1);
    const char *jp[] = {j};
    read_all(jp, 1, &named, &o);
    assert_int_equal(o.ok, 1);
    assert_string_equal(o.texts[0], GOOD1);
}

static void plain_text_faults(void **state)
{
    (void)state;
    outcome o;
    const char *text = "Baris satu.\nBaris dua \xC3 rusak.\n";
    read_one(test_tmpfile_str(text), &o);
    assert_int_equal(o.ok, 0);
    assert_int_equal(o.rejected, 1);
    assert_int_equal(o.diags[0].line, 2);
    assert_int_equal(o.diags[0].byte, (long long)(strchr(text, '\xC3') - text));
    assert_non_null(strstr(o.diags[0].message, "not valid UTF-8"));

    read_one(test_tmpfile("a\0b", 3), &o);
    assert_int_equal(o.rejected, 1);
    assert_non_null(strstr(o.diags[0].message, "NUL"));

    read_one(test_tmpfile_str("  \n\t\n"), &o);
    assert_int_equal(o.rejected, 1);
    assert_non_null(strstr(o.diags[0].message, "empty text"));

    read_one(test_tmpfile("", 0), &o);
    assert_int_equal(o.rejected, 1);

    saksi_reader_options bad = {SAKSI_FORMAT_TEXT, "2022-02-31", NULL, NULL};
    const char *paths[] = {test_tmpfile_str("Teks.")};
    read_all(paths, 1, &bad, &o);
    assert_int_equal(o.rejected, 1);
    assert_non_null(strstr(o.diags[0].message, "--date"));
}

static void invalid_utf8_forms(void **state)
{
    (void)state;
    /* overlong, surrogate, beyond U+10FFFF, truncated, stray continuation */
    static const char *const bad[] = {"\xC0\xAF", "\xED\xA0\x80",
                                       "\xF4\x90\x80\x80", "\xE2\x82",
                                       "\x80", "\xF8\x88\x80\x80\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char line[256];
        snprintf(line, sizeof line,
                 "{\"id\":\"x\",\"date\":\"2022-08-04\",\"text\":\"ab%scd\"}\n",
                 bad[i]);
        outcome o;
        read_one(test_tmpfile_str(line), &o);
        assert_int_equal(o.rejected, 1);
        assert_non_null(strstr(o.diags[0].message, "invalid UTF-8"));
        assert_int_equal(o.diags[0].byte, (long long)(strstr(line, "ab") - line + 2));
    }
}

static void stream_input(void **state)
{
    (void)state;
    const char *content = GOOD1 GOOD2;
    FILE *f = fmemopen((void *)content, strlen(content), "r");
    assert_non_null(f);
    saksi_reader *r = saksi_reader_from_stream(f, "mem", NULL);
    saksi_article a;
    saksi_diag d;
    assert_int_equal(saksi_reader_next(r, &a, &d), SAKSI_OK);
    assert_int_equal(saksi_reader_next(r, &a, &d), SAKSI_OK);
    assert_string_equal(a.id, "a2");
    assert_int_equal(saksi_reader_next(r, &a, &d), SAKSI_END);
    assert_int_equal(saksi_reader_next(r, &a, &d), SAKSI_END);
    saksi_reader_free(r);
    fclose(f);
}

static void whole_corpus(void **state)
{
    (void)state;
    char buf[1024];
    const char *files[] = {"corpus/id-news.jsonl", "corpus/en-wikinews.jsonl",
                           "corpus/en-news.jsonl", "seed/seed.jsonl"};
    size_t want[] = {3463, 229, 36, 1};
    for (size_t i = 0; i < 4; i++) {
        const char *p = test_shared_file(files[i], buf, sizeof buf);
        if (!p)
            continue;
        outcome o;
        const char *paths[] = {p};
        memset(&o, 0, sizeof o);
        saksi_reader *r = saksi_reader_new(paths, 1, NULL);
        saksi_article a;
        saksi_diag d;
        size_t n = 0;
        saksi_status st;
        while ((st = saksi_reader_next(r, &a, &d)) == SAKSI_OK)
            n++;
        assert_int_equal(st, SAKSI_END);
        assert_int_equal(n, want[i]);
        saksi_reader_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_jsonl),
        cmocka_unit_test(mixed_file),
        cmocka_unit_test(not_json),
        cmocka_unit_test(not_object),
        cmocka_unit_test(missing_and_mistyped),
        cmocka_unit_test(bad_dates),
        cmocka_unit_test(empty_text),
        cmocka_unit_test(duplicate_ids),
        cmocka_unit_test(unreadable_file),
        cmocka_unit_test(crlf_and_bom),
        cmocka_unit_test(plain_text),
        cmocka_unit_test(plain_text_faults),
        cmocka_unit_test(invalid_utf8_forms),
        cmocka_unit_test(stream_input),
        cmocka_unit_test(whole_corpus),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
