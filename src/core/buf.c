/*
 * buf.c — the growable byte buffer (see buf.h; the appends are inline
 * there). Capacity doubles, so n appends cost O(n) amortised.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void saksi_buf_init(saksi_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void saksi_buf_free(saksi_buf *b)
{
    free(b->data);
    saksi_buf_init(b);
}

void saksi_buf_clear(saksi_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

int saksi_buf_grow(saksi_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void saksi_buf_cats(saksi_buf *b, const char *s)
{
    saksi_buf_cat(b, s, strlen(s));
}

void saksi_buf_catu(saksi_buf *b, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    saksi_buf_cat(b, tmp + i, sizeof tmp - i);
}

void saksi_buf_printf(saksi_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || saksi_buf_reserve(b, (size_t)n)) {
        va_end(ap2);
        return;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}
