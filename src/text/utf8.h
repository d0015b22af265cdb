/*
 * utf8.h — UTF-8 validation, decoding and character classes.
 *
 * The tokenizer and segmenter need to know, for each code point, whether it
 * is a letter (and its case), a digit, blank space, a quote, a dash, an
 * opening or closing bracket, other punctuation or a symbol. ASCII is
 * answered from a table; everything else from utf8proc's Unicode data.
 */
#ifndef SAKSI_UTF8_H
#define SAKSI_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"

typedef enum {
    CH_SPACE,    /* blank space, line breaks, controls, format characters */
    CH_UPPER,    /* upper- or title-case letter */
    CH_LOWER,    /* lower-case letter */
    CH_LETTER,   /* letter without case (CJK, Arabic…) */
    CH_MARK,     /* combining mark: continues a word */
    CH_DIGIT,    /* decimal digit */
    CH_QUOTE,    /* " ' “ ” ‘ ’ « » „ ‹ › */
    CH_DASH,     /* - – — ‐ ‑ ‒ ― */
    CH_OPEN,     /* ( [ { */
    CH_CLOSE,    /* ) ] } */
    CH_TERMINAL, /* . ! ? … */
    CH_PUNCT,    /* other punctuation: , ; : and the rest */
    CH_SYMBOL    /* % $ € + = / @ # & and other symbols */
} saksi_char_kind;

/* 1 when s[0..n) is valid UTF-8 (no overlong forms, surrogates, or code
 * points above U+10FFFF, no NUL bytes when `no_nul`); else 0 with the offset
 * of the first byte of the first bad sequence in *bad. */
int saksi_utf8_valid(const char *s, size_t n, int no_nul, size_t *bad);

/* Decodes the code point at s[i] of valid UTF-8; returns its byte length. */
static inline size_t saksi_utf8_decode(const unsigned char *s, size_t n,
                                       size_t i, int32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80 || i + 1 >= n) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c < 0xE0) {
        *cp = (int32_t)(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
        return 2;
    }
    if (c < 0xF0 && i + 2 < n) {
        *cp = (int32_t)(((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) |
                        (s[i + 2] & 0x3F));
        return 3;
    }
    if (i + 3 < n) {
        *cp = (int32_t)(((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
                        ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F));
        return 4;
    }
    *cp = (int32_t)c;
    return 1;
}

/* The kind of code point cp: ASCII from a table, inline; the rest from
 * utf8proc's Unicode data (saksi_char_kind_slow). */
extern const unsigned char saksi_ascii_kind[128];
saksi_char_kind saksi_char_kind_slow(int32_t cp);
static inline saksi_char_kind saksi_char_kind_of(int32_t cp)
{
    if (cp >= 0 && cp < 128)
        return (saksi_char_kind)saksi_ascii_kind[cp];
    return saksi_char_kind_slow(cp);
}

/* Appends the NFC + case-folded form of s[0..n) to out, with typographic
 * apostrophes (’ ʼ ‘) folded to ' and in-word hyphens (‐ ‑) to '-'.
 * `scratch` is reused working memory. Returns 0, or -1 out of memory. */
int saksi_fold(const char *s, size_t n, saksi_buf *out, saksi_buf *scratch);

#endif
