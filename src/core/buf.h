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
/* Room for `extra` more bytes (and the NUL): 0, or -1 out of memory. The
 * appends below are inline, their growing (saksi_buf_grow) is not: output
 * is written a few bytes at a time, millions of times. */
int saksi_buf_grow(saksi_buf *b, size_t extra);
static inline int saksi_buf_reserve(saksi_buf *b, size_t extra)
{
    if (!b->oom && b->len + extra + 1 <= b->cap)
        return 0;
    return saksi_buf_grow(b, extra);
}

static inline void saksi_buf_cat(saksi_buf *b, const void *p, size_t n)
{
    if (saksi_buf_reserve(b, n))
        return;
    if (n)
        __builtin_memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void saksi_buf_catc(saksi_buf *b, char c)
{
    if (saksi_buf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void saksi_buf_cats(saksi_buf *b, const char *s);
void saksi_buf_catu(saksi_buf *b, unsigned long long v);
void saksi_buf_printf(saksi_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
