/*
 * utf8.c — UTF-8 validation, character classes and case folding.
 *
 * Folding has an ASCII fast path (most news words are ASCII); other words go
 * through utf8proc's decomposition with composition and case folding (NFC +
 * casefold), then a few typographic variants are unified so that "Ma’ruf"
 * and "Ma'ruf" intern to the same word.
 */
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

int saksi_utf8_valid(const char *str, size_t n, int no_nul, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0 && no_nul)
                goto fail;
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            goto fail;
        }
        if (i + len > n)
            goto fail; /* truncated at the end */
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto fail; /* the sequence starting at i is broken */
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto fail;
        i += len;
    }
    return 1;
fail:
    if (bad)
        *bad = i;
    return 0;
}

const unsigned char saksi_ascii_kind[128] = {
    /* controls, including \t \n \r */
    CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE,
    CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE,
    CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE,
    CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE,
    CH_SPACE, CH_SPACE, CH_SPACE, CH_SPACE,
    /* ' ' ! " # $ % & ' */
    CH_SPACE, CH_TERMINAL, CH_QUOTE, CH_SYMBOL, CH_SYMBOL, CH_SYMBOL,
    CH_SYMBOL, CH_QUOTE,
    /* ( ) * + , - . / */
    CH_OPEN, CH_CLOSE, CH_SYMBOL, CH_SYMBOL, CH_PUNCT, CH_DASH, CH_TERMINAL,
    CH_SYMBOL,
    /* 0-9 */
    CH_DIGIT, CH_DIGIT, CH_DIGIT, CH_DIGIT, CH_DIGIT, CH_DIGIT, CH_DIGIT,
    CH_DIGIT, CH_DIGIT, CH_DIGIT,
    /* : ; < = > ? @ */
    CH_PUNCT, CH_PUNCT, CH_SYMBOL, CH_SYMBOL, CH_SYMBOL, CH_TERMINAL,
    CH_SYMBOL,
    /* A-Z */
    CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER,
    CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER,
    CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER,
    CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER, CH_UPPER,
    /* [ \ ] ^ _ ` */
    CH_OPEN, CH_SYMBOL, CH_CLOSE, CH_SYMBOL, CH_SYMBOL, CH_QUOTE,
    /* a-z */
    CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER,
    CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER,
    CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER,
    CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER, CH_LOWER,
    /* { | } ~ DEL */
    CH_OPEN, CH_SYMBOL, CH_CLOSE, CH_SYMBOL, CH_SPACE};

saksi_char_kind saksi_char_kind_slow(int32_t cp)
{
    if (cp >= 0 && cp < 128)
        return (saksi_char_kind)saksi_ascii_kind[cp];
    switch (cp) {
    case 0x00A0: case 0x2007: case 0x202F: case 0xFEFF: case 0x200B:
    case 0x200C: case 0x200D: case 0x2060: case 0x00AD:
        return CH_SPACE;
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB:
    case 0x00BB: case 0x201E: case 0x201A: case 0x2039: case 0x203A:
    case 0x201F: case 0x201B: case 0x300C: case 0x300D:
        return CH_QUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return CH_DASH;
    case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
    case 0x0964: case 0x061F:
        return CH_TERMINAL;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CH_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CH_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return CH_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CH_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CH_DIGIT;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CH_LETTER;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS:
        return CH_SPACE;
    case UTF8PROC_CATEGORY_PS:
        return CH_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return CH_CLOSE;
    case UTF8PROC_CATEGORY_PD:
        return CH_DASH;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
        return CH_QUOTE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
        return CH_PUNCT;
    default:
        return CH_SYMBOL;
    }
}

/* Typographic variants folded after case folding. */
static int32_t unify(int32_t cp)
{
    switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x02BB:
        return '\'';
    case 0x2010: case 0x2011:
        return '-';
    default:
        return cp;
    }
}

int saksi_fold(const char *s, size_t n, saksi_buf *out, saksi_buf *scratch)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i == n) { /* ASCII fast path */
        if (saksi_buf_reserve(out, n))
            return -1;
        char *d = out->data + out->len;
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)s[k];
            d[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        out->len += n;
        out->data[out->len] = '\0';
        return 0;
    }
    const utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t need = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                               (utf8proc_ssize_t)n, NULL, 0,
                                               opt);
    if (need < 0)
        return -1;
    /* utf8proc_reencode needs room for the UTF-8 bytes in the same buffer:
     * up to 4 bytes per code point, which fits in an int32 each. */
    saksi_buf_clear(scratch);
    if (saksi_buf_reserve(scratch, ((size_t)need + 1) * sizeof(int32_t)))
        return -1;
    utf8proc_int32_t *cps = (utf8proc_int32_t *)(void *)scratch->data;
    need = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                              cps, need, opt);
    if (need < 0)
        return -1;
    for (utf8proc_ssize_t k = 0; k < need; k++)
        cps[k] = unify(cps[k]);
    utf8proc_ssize_t len = utf8proc_reencode(cps, need, opt);
    if (len < 0)
        return -1;
    saksi_buf_cat(out, scratch->data, (size_t)len);
    return out->oom ? -1 : 0;
}
