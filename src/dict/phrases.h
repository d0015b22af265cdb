/*
 * phrases.h — a trie of word sequences over interned ids.
 *
 * Every multi-word entry of the data files (kurang lebih, hari ini, kedua
 * belah pihak, at least — and later actor and verb phrases) is a path in
 * one trie per model; a token sequence is matched by walking it with the
 * tokens' word ids, never comparing strings. A data word matches a token
 * whose folded form or whose root it is ("tentara" matches "tentaranya");
 * an edge may instead require a root ("@bantah" in the data: any word
 * whose root is bantah, "membantah" as well as "bantahan"). Each node that
 * ends an entry holds its values.
 */
#ifndef SAKSI_PHRASES_H
#define SAKSI_PHRASES_H

#include <stddef.h>
#include <stdint.h>

#include "saksi.h"

/* Which data file a value came from. */
enum {
    PT_NUMBER = 1,   /* data/lang/numbers.tsv */
    PT_TIME = 2,     /* data/lang/time.tsv */
    PT_MARKER = 3,   /* data/lang/markers.tsv */
    PT_ACTOR = 4,    /* data/actors/ *.tsv */
    PT_AGENT = 5,    /* data/agents/ *.tsv */
    PT_VERB = 6,     /* data/verbs/ *.tsv: the head of a pattern */
    PT_CASUALTY = 7, /* data/lang/casualties.tsv */
    PT_PLACE = 8     /* place nouns (data/places/place-nouns.tsv) */
};

/* Kinds of data/lang/numbers.tsv, in the order of its header. */
enum {
    NK_UNIT = 1, NK_TEEN, NK_TENS, NK_HUNDRED, NK_BIG, NK_ONE, NK_DOZEN,
    NK_VAGUE, NK_UNKNOWN, NK_APPROX, NK_EXACT, NK_AFTER, NK_CLASS,
    NK_CURRENCY, NK_ARTICLE, NK_AND, NK_OF
};

/* Kinds of actor values: the case the first word must have in the text. */
enum { ACTOR_ANY_CASE = 0, ACTOR_CAPITAL = 1, ACTOR_CAPS = 2 };

/* Kinds of data/lang/time.tsv. */
enum {
    TK_WEEKDAY = 1, TK_MONTH, TK_DAY, TK_UNIT, TK_PAST, TK_NEXT, TK_THIS,
    TK_LAST, TK_FUTURE, TK_WEEKEND, TK_LEAD, TK_PART, TK_END, TK_DECADE,
    TK_SAME
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
    uint32_t str;    /* a string of the model's string table (a code) */
    int32_t from, to;/* valid from/to, days since 1970 (actors) */
    uint32_t rule;   /* where the entry is written: model rule index */
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

/* How data words match tokens. Every mode: a data word matches the
 * token's folded form or its form without clitics (pengusahanya →
 * pengusaha); "@root" matches its root. PM_ROOTS also lets a plain data
 * word match a token whose root it is (verbs: "kritik" matches
 * "kritikan"); PM_NOMINAL too, except verb forms ("hakim" not
 * "menghakimi"); PM_STRICT never (markers: "aku" is not "mengaku"), and
 * there "@root" matches only verb forms ("@tambah": menambahkan, not
 * tambahan). */
enum { PM_STRICT = 0, PM_NOMINAL = 1, PM_ROOTS = 2 };

/* Every phrase that starts at toks[i] and ends before toks[end], shortest
 * first, following every way each token may match. Returns how many (at
 * most max). */
size_t phrase_match(const phrase_trie *t, const saksi_token *toks, size_t i,
                    size_t end, phrase_hit *hits, size_t max, int mode);

/* The longest phrase at toks[i] having a value of `table` and `kind` (kind
 * 0: any) usable in language `lang`, matched in the mode of that table;
 * its value in *v. Returns its length in tokens, 0 when there is none. */
size_t phrase_find(const phrase_trie *t, const saksi_token *toks, size_t i,
                   size_t end, int table, int kind, saksi_lang lang,
                   const phrase_val **v);

#endif
