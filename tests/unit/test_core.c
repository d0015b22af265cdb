/*
 * test_core.c — the building blocks: arena, interner, byte buffer, dates,
 * UTF-8 validation and folding, and the data-file loader's error messages.
 */
#include "support.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/hash.h"
#include "core/intern.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void arena(void **state)
{
    (void)state;
    saksi_arena a;
    saksi_arena_init(&a, 1024);
    char *first = saksi_arena_alloc(&a, 10);
    assert_non_null(first);
    assert_int_equal((uintptr_t)first % 16, 0);
    for (int i = 0; i < 1000; i++) {
        char *p = saksi_arena_alloc(&a, (size_t)(i % 97) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 'x', (size_t)(i % 97) + 1);
    }
    char *big = saksi_arena_alloc(&a, 1 << 20);
    assert_non_null(big);
    memset(big, 1, 1 << 20);
    size_t cap = saksi_arena_capacity(&a);
    saksi_arena_reset(&a);
    /* reset keeps only the largest block */
    assert_true(saksi_arena_capacity(&a) <= cap);
    assert_true(saksi_arena_capacity(&a) >= (size_t)1 << 20);
    assert_non_null(saksi_arena_alloc(&a, 100));
    assert_null(saksi_arena_calloc(&a, SIZE_MAX / 2, 4));
    assert_string_equal(saksi_arena_strndup(&a, "abcdef", 3), "abc");
    saksi_arena_free(&a);
}

static void interner(void **state)
{
    (void)state;
    saksi_interner in;
    saksi_intern_init(&in, 100);
    char word[32];
    const char *ptrs[5000];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(word, sizeof word, "w%d", i);
        uint32_t id = saksi_intern_add(&in, word, (size_t)n,
                                       saksi_hash(word, (size_t)n));
        assert_int_equal(id, 100 + (uint32_t)i);
        ptrs[i] = saksi_intern_str(&in, id, NULL);
    }
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(word, sizeof word, "w%d", i);
        uint64_t h = saksi_hash(word, (size_t)n);
        assert_int_equal(saksi_intern_find(&in, word, (size_t)n, h),
                         100 + (uint32_t)i);
        assert_int_equal(saksi_intern_add(&in, word, (size_t)n, h),
                         100 + (uint32_t)i);
        size_t len;
        /* stored strings never move */
        assert_ptr_equal(saksi_intern_str(&in, 100 + (uint32_t)i, &len),
                         ptrs[i]);
        assert_int_equal(len, (size_t)n);
    }
    assert_int_equal(saksi_intern_find(&in, "nope", 4, saksi_hash("nope", 4)),
                     SAKSI_NO_WORD);
    assert_null(saksi_intern_str(&in, 99, NULL));
    assert_null(saksi_intern_str(&in, 100 + 5000, NULL));
    /* the empty string is a word like any other */
    uint32_t e = saksi_intern_add(&in, "", 0, saksi_hash("", 0));
    assert_int_equal(e, 5100);
    saksi_intern_clear(&in);
    assert_int_equal(saksi_intern_count(&in), 0);
    assert_int_equal(saksi_intern_find(&in, "w1", 2, saksi_hash("w1", 2)),
                     SAKSI_NO_WORD);
    assert_int_equal(saksi_intern_add(&in, "w1", 2, saksi_hash("w1", 2)), 100);
    saksi_intern_free(&in);
}

static void buffer(void **state)
{
    (void)state;
    saksi_buf b;
    saksi_buf_init(&b);
    saksi_buf_cats(&b, "abc");
    saksi_buf_catc(&b, '-');
    saksi_buf_catu(&b, 0);
    saksi_buf_catu(&b, 18446744073709551615ULL);
    saksi_buf_printf(&b, "|%s|%d", "x", 42);
    assert_string_equal(b.data, "abc-018446744073709551615|x|42");
    for (int i = 0; i < 10000; i++)
        saksi_buf_cat(&b, "0123456789", 10);
    assert_int_equal(b.len, 30 + 100000);
    assert_int_equal(b.oom, 0);
    saksi_buf_clear(&b);
    assert_int_equal(b.len, 0);
    saksi_buf_free(&b);
}

static void dates(void **state)
{
    (void)state;
    assert_int_equal(saksi_days_from_civil(1970, 1, 1), 0);
    int64_t d = saksi_days_from_civil(2022, 8, 4);
    assert_int_equal(saksi_weekday(d), 3); /* a Thursday */
    int y, m, dd;
    saksi_civil_from_days(d + 1, &y, &m, &dd);
    assert_int_equal(y * 10000 + m * 100 + dd, 20220805);
    for (int64_t z = -800000; z < 800000; z += 997) {
        saksi_civil_from_days(z, &y, &m, &dd);
        assert_int_equal(saksi_days_from_civil(y, m, dd), z);
    }
    assert_int_equal(saksi_days_in_month(2020, 2), 29);
    assert_int_equal(saksi_days_in_month(1900, 2), 28);
    assert_int_equal(saksi_days_in_month(2000, 2), 29);
    assert_int_equal(saksi_parse_iso_date("2000-02-29", &y, &m, &dd), 0);
    assert_int_equal(saksi_parse_iso_date("1900-02-29", &y, &m, &dd), -1);
    assert_int_equal(saksi_parse_iso_date("2022-08-04 10:00", &y, &m, &dd), 0);
    assert_int_equal(saksi_parse_iso_date("0000-01-01", &y, &m, &dd), -1);
    assert_int_equal(saksi_parse_iso_date(NULL, &y, &m, &dd), -1);
}

static void utf8(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(saksi_utf8_valid("Laçın “x” 😀", strlen("Laçın “x” 😀"), 1, &bad));
    assert_false(saksi_utf8_valid("ab\xC0\xAF", 4, 1, &bad));
    assert_int_equal(bad, 2);
    assert_false(saksi_utf8_valid("a\0b", 3, 1, &bad));
    assert_int_equal(bad, 1);
    assert_true(saksi_utf8_valid("a\0b", 3, 0, &bad));
    assert_false(saksi_utf8_valid("\xE2\x82", 2, 1, &bad));
    assert_int_equal(bad, 0);
    assert_int_equal(saksi_char_kind_of(0x201C), CH_QUOTE);
    assert_int_equal(saksi_char_kind_of(0x2013), CH_DASH);
    assert_int_equal(saksi_char_kind_of(0x00A0), CH_SPACE);
    assert_int_equal(saksi_char_kind_of(0x0130), CH_UPPER);
    assert_int_equal(saksi_char_kind_of(0x0661), CH_DIGIT);
    assert_int_equal(saksi_char_kind_of(0x2026), CH_TERMINAL);
    saksi_buf out, scratch;
    saksi_buf_init(&out);
    saksi_buf_init(&scratch);
    assert_int_equal(saksi_fold("ŞİŞLİ Ǆ ﬁ", strlen("ŞİŞLİ Ǆ ﬁ"), &out, &scratch), 0);
    assert_string_equal(out.data, "şi̇şli̇ ǆ fi");
    saksi_buf_free(&out);
    saksi_buf_free(&scratch);
}

/* Writes a copy of the data directory with `bad` appended to `file`. */
static const char *bad_data_dir(const char *file, const char *bad)
{
    static char dir[] = "/tmp/saksi-data-XXXXXX";
    strcpy(dir, "/tmp/saksi-data-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/", test_data_dir(), dir);
    assert_int_equal(system(cmd), 0);
    char dst[1024];
    snprintf(dst, sizeof dst, "%s/%s", dir, file);
    FILE *f = fopen(dst, "a");
    assert_non_null(f);
    fputs(bad, f);
    fclose(f);
    return dir;
}

static void expect_model_error(const char *file, const char *bad,
                               const char *needle)
{
    const char *dir = bad_data_dir(file, bad);
    char err[1024];
    saksi_model *m = saksi_model_open(dir, err, sizeof err);
    assert_null(m);
    if (!strstr(err, needle))
        fail_msg("error '%s' lacks '%s'", err, needle);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void model_errors(void **state)
{
    (void)state;
    char err[1024];
    assert_null(saksi_model_open("/nonexistent/saksi-data", err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/saksi-data/"));
    assert_non_null(strstr(err, "cannot open"));
    /* the line number is the line of the bad entry */
    FILE *f = fopen("data/text/abbreviations.tsv", "r");
    assert_non_null(f);
    int lines = 0, c;
    while ((c = fgetc(f)) != EOF)
        lines += c == '\n';
    fclose(f);
    char where[64];
    snprintf(where, sizeof where, "abbreviations.tsv:%d:", lines + 1);
    expect_model_error("text/abbreviations.tsv", "dr\tmaybe\n", where);
    expect_model_error("text/abbreviations.tsv", "dr\tmaybe\n",
                       "kind must be 'title' or 'final'");
    expect_model_error("text/abbreviations.tsv", "dr\n", "expected 2");
    expect_model_error("text/abbreviations.tsv", "\ttitle\n", "field 1 is empty");
    expect_model_error("text/abbreviations.tsv", "dll\ttitle\n",
                       "both title and final");
    expect_model_error("lang/function-words.tsv", "kami\tms\n",
                       "language must be");
    expect_model_error("lang/function-words.tsv", "bad\xff\tid\n",
                       "invalid UTF-8");
    expect_model_error("lang/affix-cues.tsv", "-nya-\tid\n",
                       "must be a prefix");
    expect_model_error("lang/id-lexicalized.tsv", "pemukul\tpukul\tmeN\n",
                       "unknown affix 'meN'");
    expect_model_error("lang/id-roots.tsv", "tembak\tmeN,,di\n",
                       "empty label");
    expect_model_error("lang/numbers.tsv", "dua\tunit\tx\tid\n",
                       "is not a number");
    expect_model_error("lang/time.tsv", "senin\tweekdai\t1\tid\n",
                       "unknown kind 'weekdai'");
    expect_model_error("lang/markers.tsv", "@\tnegation\tid\n",
                       "'@' without a root");
    expect_model_error("lang/markers.tsv", "tidak\tnegation\tms\n",
                       "language must be");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena),
        cmocka_unit_test(interner),
        cmocka_unit_test(buffer),
        cmocka_unit_test(dates),
        cmocka_unit_test(utf8),
        cmocka_unit_test(model_errors),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
