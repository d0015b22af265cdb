/*
 * phrases.c — the word-sequence trie (see phrases.h).
 *
 * Edges live in one open-addressing table keyed by (node, word, by-root),
 * so a step is one hash probe. Nodes are numbered from 0 (the root); each
 * keeps a singly linked list of the values of the entries ending there.
 */
#include "phrases.h"
#include "../core/hash.h"
#include "../lang/morph.h"

#include <stdlib.h>
#include <string.h>

void phrase_init(phrase_trie *t)
{
    memset(t, 0, sizeof *t);
}

void phrase_free(phrase_trie *t)
{
    free(t->keys);
    free(t->child);
    free(t->first);
    free(t->vals);
    memset(t, 0, sizeof *t);
}

static uint64_t edge_key(uint32_t node, uint32_t word, int by_root)
{
    return ((uint64_t)node << 33 | (uint64_t)(by_root != 0) << 32 | word) + 1;
}

static uint32_t edge_get(const phrase_trie *t, uint64_t key)
{
    if (!t->keys)
        return UINT32_MAX;
    for (size_t i = saksi_mix64(key) & t->mask;; i = (i + 1) & t->mask) {
        if (t->keys[i] == key)
            return t->child[i];
        if (!t->keys[i])
            return UINT32_MAX;
    }
}

static int edge_grow(phrase_trie *t)
{
    size_t n = t->keys ? (t->mask + 1) * 2 : 1024;
    uint64_t *keys = calloc(n, sizeof *keys);
    uint32_t *child = malloc(n * sizeof *child);
    if (!keys || !child) {
        free(keys);
        free(child);
        return -1;
    }
    for (size_t i = 0; t->keys && i <= t->mask; i++) {
        if (!t->keys[i])
            continue;
        size_t k = saksi_mix64(t->keys[i]) & (n - 1);
        while (keys[k])
            k = (k + 1) & (n - 1);
        keys[k] = t->keys[i];
        child[k] = t->child[i];
    }
    free(t->keys);
    free(t->child);
    t->keys = keys;
    t->child = child;
    t->mask = n - 1;
    return 0;
}

static int node_new(phrase_trie *t, uint32_t *out)
{
    if (t->nnodes == t->cap_nodes) {
        size_t cap = t->cap_nodes ? t->cap_nodes * 2 : 256;
        uint32_t *f = realloc(t->first, cap * sizeof *f);
        if (!f)
            return -1;
        t->first = f;
        t->cap_nodes = cap;
    }
    t->first[t->nnodes] = 0;
    *out = (uint32_t)t->nnodes++;
    return 0;
}

int phrase_add(phrase_trie *t, const phrase_word *w, size_t n,
               const phrase_val *v)
{
    uint32_t node;
    if (t->nnodes == 0 && node_new(t, &node))
        return -1;
    node = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t key = edge_key(node, w[i].id, w[i].by_root);
        uint32_t next = edge_get(t, key);
        if (next == UINT32_MAX) {
            if ((t->nedges + 1) * 2 > (t->keys ? t->mask + 1 : 0) &&
                edge_grow(t))
                return -1;
            if (node_new(t, &next))
                return -1;
            size_t k = saksi_mix64(key) & t->mask;
            while (t->keys[k])
                k = (k + 1) & t->mask;
            t->keys[k] = key;
            t->child[k] = next;
            t->nedges++;
        }
        node = next;
    }
    if (t->nvals + 1 >= t->cap_vals) {
        size_t cap = t->cap_vals ? t->cap_vals * 2 : 256;
        phrase_val *nv = realloc(t->vals, cap * sizeof *nv);
        if (!nv)
            return -1;
        t->vals = nv;
        t->cap_vals = cap;
        if (t->nvals == 0)
            t->nvals = 1; /* index 0 means "none" */
    }
    phrase_val *slot = &t->vals[t->nvals];
    *slot = *v;
    /* append, so values keep the order of the data file */
    slot->next = 0;
    uint32_t idx = (uint32_t)t->nvals++;
    if (!t->first[node]) {
        t->first[node] = idx;
    } else {
        uint32_t k = t->first[node];
        while (t->vals[k].next)
            k = t->vals[k].next;
        t->vals[k].next = idx;
    }
    return 0;
}

/* Does the token carry a verbal affix (meN-, di-, ber-, ter-, memper-,
 * diper-, -kan, -i)? Codes as in lang/morph.h. */
static int verbal(const saksi_token *t)
{
    for (int k = 0; k < t->n_affixes; k++) {
        int a = t->affixes[k];
        if (a == AFF_MEN || a == AFF_DI || a == AFF_TER || a == AFF_BER ||
            a == AFF_MEMPER || a == AFF_DIPER || a == AFF_KAN || a == AFF_I)
            return 1;
    }
    return 0;
}

typedef struct {
    const phrase_trie *t;
    const saksi_token *toks;
    size_t i, end;
    phrase_hit *hits;
    size_t n, max;
    int mode;
} walk_ctx;

/* Follows every edge a token allows (its word, its clitic-free form, its
 * root as a word, its root), so that one dictionary's entry never hides
 * another's: "menyerukan" as a word and "@seru" as a root both work. */
static void walk(walk_ctx *w, size_t k, uint32_t node)
{
    if (k >= w->end || w->n >= w->max)
        return;
    const saksi_token *tk = &w->toks[k];
    uint64_t keys[4];
    size_t nk = 0;
    keys[nk++] = edge_key(node, tk->word, 0);
    if (tk->base && tk->base != tk->word)
        keys[nk++] = edge_key(node, tk->base, 0);
    if (w->mode != PM_STRICT && tk->root != tk->word && tk->root != tk->base &&
        !(w->mode == PM_NOMINAL && verbal(tk)))
        keys[nk++] = edge_key(node, tk->root, 0);
    /* in function-word tables, "@root" means the verb forms of the root
     * ("@tambah": menambahkan, not tambahan; "@jelas": menjelaskan, not
     * jelas) */
    if (w->mode != PM_STRICT || verbal(tk))
        keys[nk++] = edge_key(node, tk->root, 1);
    for (size_t q = 0; q < nk && w->n < w->max; q++) {
        uint32_t next = edge_get(w->t, keys[q]);
        if (next == UINT32_MAX)
            continue;
        if (w->t->first[next]) {
            w->hits[w->n].len = k - w->i + 1;
            w->hits[w->n].val = w->t->first[next];
            w->n++;
        }
        walk(w, k + 1, next);
    }
}

static size_t match(const phrase_trie *t, const saksi_token *toks, size_t i,
                    size_t end, phrase_hit *hits, size_t max, int mode)
{
    if (!t->nnodes)
        return 0;
    walk_ctx w = {t, toks, i, end, hits, 0, max, mode};
    walk(&w, i, 0);
    /* shortest first, as callers expect */
    for (size_t a = 1; a < w.n; a++) {
        phrase_hit x = hits[a];
        size_t b = a;
        while (b > 0 && hits[b - 1].len > x.len) {
            hits[b] = hits[b - 1];
            b--;
        }
        hits[b] = x;
    }
    return w.n;
}

size_t phrase_match(const phrase_trie *t, const saksi_token *toks, size_t i,
                    size_t end, phrase_hit *hits, size_t max, int mode)
{
    return match(t, toks, i, end, hits, max, mode);
}

size_t phrase_find(const phrase_trie *t, const saksi_token *toks, size_t i,
                   size_t end, int table, int kind, saksi_lang lang,
                   const phrase_val **v)
{
    phrase_hit hits[16];
    /* the mode that the table's entries were written for */
    int mode = table == PT_ACTOR || table == PT_AGENT ? PM_NOMINAL
               : table == PT_VERB || table == PT_CASUALTY ? PM_ROOTS
                                                          : PM_STRICT;
    size_t n = match(t, toks, i, end, hits, 16, mode);
    while (n--) {
        for (uint32_t k = hits[n].val; k; k = t->vals[k].next) {
            const phrase_val *pv = &t->vals[k];
            if (pv->table != table || (kind && pv->kind != kind))
                continue;
            if (pv->lang && lang != SAKSI_LANG_UNKNOWN && pv->lang != lang)
                continue;
            if (v)
                *v = pv;
            return hits[n].len;
        }
    }
    return 0;
}

static const char *const NUMBER_KINDS[] = {
    "unit", "teen", "tens", "hundred", "big", "one", "dozen", "vague",
    "unknown", "approx", "exact", "after", "class", "currency", "article",
    "and", "of", NULL};
static const char *const TIME_KINDS[] = {
    "weekday", "month", "day", "unit", "past", "next", "this", "last",
    "future", "weekend", "lead", "part", "end", "decade", "same", NULL};
static const char *const MARKER_KINDS[] = {
    "negation", "future", "intent", "condition", "reporting", "reciprocal",
    "pronoun", "denial", "clause", "anaphor", "historical", "present",
    "between", "toward", "by", "and", "place", "first-person", "personal",
    "according", "purpose", "light", "preposition", "adverb", "relative",
    "discard", "receive", "direction", "route", NULL};

int phrase_kind_code(int table, const char *name, size_t n)
{
    const char *const *names = table == PT_NUMBER ? NUMBER_KINDS
                               : table == PT_TIME ? TIME_KINDS
                                                  : MARKER_KINDS;
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], name, n) == 0)
            return i + 1;
    return 0;
}

