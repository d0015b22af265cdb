/*
 * json.h — writing JSON text into a saksi_buf.
 *
 * saksi never builds a JSON tree for output: each line is appended field by
 * field into one buffer per article and written with a single fwrite.
 */
#ifndef SAKSI_JSON_H
#define SAKSI_JSON_H

#include "../core/buf.h"

#include <stddef.h>

/* Appends s[0..n) as a JSON string literal (valid UTF-8 in, valid JSON
 * out; control characters escaped). */
void json_str(saksi_buf *b, const char *s, size_t n);
static inline void json_cstr(saksi_buf *b, const char *s)
{
    json_str(b, s, __builtin_strlen(s));
}
/* "key": */
void json_key(saksi_buf *b, const char *key);
/* [start,end] */
void json_span(saksi_buf *b, size_t start, size_t end);

#endif
