/*
 * support.h — helpers shared by the unit tests: where the data and the
 * shared corpus are, writing temporary files, and processing a string as an
 * article.
 */
#ifndef SAKSI_TEST_SUPPORT_H
#define SAKSI_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "saksi.h"

/* $SAKSI_DATA or "data" (tests run from the repository root). */
const char *test_data_dir(void);
/* $SAKSI_SHARED or "../shared"; NULL when that directory is missing. */
const char *test_shared_dir(void);
/* A path under the shared directory, or NULL (and a skip message) when the
 * shared directory or file is missing. */
const char *test_shared_file(const char *rel, char *buf, size_t len);

/* The model, opened once per test program. */
saksi_model *test_model(void);

/* Writes `n` bytes into a new temporary file; returns its path (static
 * storage rotated among 8 slots). */
const char *test_tmpfile(const void *bytes, size_t n);
const char *test_tmpfile_str(const char *s);

/* Processes `text` as an article (id "t", given date and lang may be NULL)
 * with a worker kept for the whole test program. */
const saksi_doc *test_doc(const char *text, const char *date,
                          const char *lang);

/* The bytes of a sentence / token as a NUL-terminated static copy. */
const char *test_sentence_text(const saksi_doc *d, size_t i);
const char *test_token_text(const saksi_doc *d, size_t i);

/* Calls fn for every article of a JSON Lines file. */
typedef void (*test_article_fn)(const saksi_article *a, void *ctx);
size_t test_each_article(const char *path, test_article_fn fn, void *ctx);

/* Prints a figure line that run.sh copies into its report. */
void test_figure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
