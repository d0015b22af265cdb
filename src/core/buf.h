/*
 * buf.h — a growable byte buffer (output lines, messages, scratch strings).
 *
 * Named after what it does, Redis-style: saksi_buf_cat appends bytes,
 * saksi_buf_catc one byte, saksi_buf_printf formatted text. The bytes are
 * always NUL-terminated so they can be printed; `len` excludes the NUL.
 * A failed allocation sets `oom` and later appends do nothing, so callers
 * check once at the end.
 */
#ifndef SAKSI_BUF_H
#define SAKSI_BUF_H

#include <stddef.h>

typedef struct {
    char *data;
    size_t len, cap;
    int oom;
} saksi_buf;

void saksi_buf_init(saksi_buf *b);
void saksi_buf_free(saksi_buf *b);
void saksi_buf_clear(saksi_buf *b);
int saksi_buf_reserve(saksi_buf *b, size_t extra);
void saksi_buf_cat(saksi_buf *b, const void *p, size_t n);
void saksi_buf_cats(saksi_buf *b, const char *s);
void saksi_buf_catc(saksi_buf *b, char c);
void saksi_buf_catu(saksi_buf *b, unsigned long long v);
void saksi_buf_printf(saksi_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
