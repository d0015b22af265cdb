/*
 * phrases.h — a trie of word sequences over interned ids.
 *
 * Every multi-word entry of the data files (kurang lebih, hari ini, kedua
 * belah pihak, at least — and later actor and verb phrases) is a path in
 * one trie per model; a token sequence is matched by walking it with the
 * tokens' word ids, never comparing strings. An edge may instead require
 * a root ("@bantah" in the data: any word whose root is bantah). Each
 * node that ends an entry holds its values.
 */
#ifndef SAKSI_PHRASES_H
#define SAKSI_PHRASES_H

#include <stddef.h>
#include <stdint.h>

#include "saksi.h"

/* Which data file a value came from. */
enum { PT_NUMBER = 1, PT_TIME = 2, PT_MARKER = 3 };

/* Kinds of data/lang/numbers.tsv, in the order of its header. */
enum {
    NK_UNIT = 1, NK_TEEN, NK_TENS, NK_HUNDRED, NK_BIG, NK_ONE, NK_DOZEN,
    NK_VAGUE, NK_UNKNOWN, NK_APPROX, NK_EXACT, NK_AFTER, NK_CLASS,
    NK_CURRENCY, NK_ARTICLE, NK_AND, NK_OF
};

/* Kinds of data/lang/time.tsv. */
enum {
    TK_WEEKDAY = 1, TK_MONTH, TK_DAY, TK_UNIT, TK_PAST, TK_NEXT, TK_THIS,
    TK_LAST, TK_FUTURE, TK_WEEKEND, TK_LEAD, TK_PART, TK_END, TK_DECADE
};

/* The kind code of a kind name of `table`, or 0. For PT_MARKER the kind is
 * a SAKSI_MARK_* bit's index + 1. */
int phrase_kind_code(int table, const char *name, size_t n);

typedef struct {
    uint8_t table;   /* PT_* */
    uint8_t kind;    /* the table's own kind */
    uint8_t lang;    /* SAKSI_LANG_ID / _EN, or 0 for any */
    uint8_t pad;
    int32_t ival;
    double fval;
    uint32_t next;   /* next value of the same node, or 0 */
} phrase_val;

typedef struct {
    uint64_t *keys;    /* edge table: 0 empty, else key + 1 */
    uint32_t *child;
    size_t mask, nedges;
    uint32_t *first;   /* per node: first value (index + 1), or 0 */
    size_t nnodes, cap_nodes;
    phrase_val *vals;  /* vals[0] unused */
    size_t nvals, cap_vals;
} phrase_trie;

/* One word of a phrase: an interned word id, or a root id when `by_root`. */
typedef struct {
    uint32_t id;
    int by_root;
} phrase_word;

void phrase_init(phrase_trie *t);
void phrase_free(phrase_trie *t);
/* Adds a phrase with a value. Returns 0, or -1 out of memory. */
int phrase_add(phrase_trie *t, const phrase_word *w, size_t n,
               const phrase_val *v);

/* A phrase found in the text: its length in tokens and its first value. */
typedef struct {
    size_t len;
    uint32_t val; /* index into vals, 0 for none */
} phrase_hit;

/* Every phrase that starts at toks[i] and ends before toks[end], shortest
 * first. Returns how many (at most max). */
size_t phrase_match(const phrase_trie *t, const saksi_token *toks, size_t i,
                    size_t end, phrase_hit *hits, size_t max);

/* The longest phrase at toks[i] having a value of `table` and `kind` (kind
 * 0: any) usable in language `lang`; its value in *v. Returns its length
 * in tokens, 0 when there is none. */
size_t phrase_find(const phrase_trie *t, const saksi_token *toks, size_t i,
                   size_t end, int table, int kind, saksi_lang lang,
                   const phrase_val **v);

#endif
