/*
 * wordcache.h — a worker's cache from a token's bytes, as written, to its
 * interned word: the tokenizer's shortcut past folding and the interners.
 *
 * News repeats its words (the 4,096 commonest cover 85% of the tokens of
 * the Indonesian corpus), so most tokens are found here, in one cache line,
 * instead of being folded and looked up in the model's large word table
 * and then the worker's own. The cache is two-way set-associative, a set
 * being one 64-byte line: a word found in the second way moves to the
 * first, a new word enters the first and pushes the second out. Only
 * tokens of up to 16 bytes are cached; their bytes are the key, compared
 * whole, so a hit gives exactly what the slow path would.
 */
#ifndef SAKSI_WORDCACHE_H
#define SAKSI_WORDCACHE_H

#include <stddef.h>
#include <stdint.h>

enum { WC_MAX_BYTES = 16 };

typedef struct {
    uint64_t key[2];   /* the token's bytes, zero-padded */
    const char *norm;  /* its folded form, as interned */
    uint32_t word;     /* its interned id */
    uint16_t len;      /* its length in bytes; 0: an empty slot */
    uint16_t norm_len;
} wc_entry;

_Static_assert(sizeof(wc_entry) <= 32, "a set of two entries fits a 64-byte line");

typedef struct {
    wc_entry *e;       /* sets of two entries, 64-byte aligned */
    size_t mask;       /* sets - 1 */
} saksi_wordcache;

/* A cache of 2^bits sets; -1 when out of memory. */
int saksi_wordcache_init(saksi_wordcache *c, unsigned bits);
void saksi_wordcache_free(saksi_wordcache *c);
/* Forgets every word (when the ids or strings it names go away). */
void saksi_wordcache_clear(saksi_wordcache *c);

/* The key of s[0..n), n <= WC_MAX_BYTES, and its slot. */
typedef struct {
    uint64_t key[2];
    size_t slot;
} wc_key;

/* The bytes s[0..n) as a key, read from the `avail` bytes at s (avail >=
 * n): with two loads and a mask when 16 bytes may be read. */
static inline void wc_load(uint64_t key[2], const char *s, size_t n,
                           size_t avail)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (avail >= 16 && n >= 1) {
        __builtin_memcpy(key, s, 16);
        if (n < 8) {
            key[0] &= (1ULL << (8 * n)) - 1;
            key[1] = 0;
        } else if (n < 16) {
            key[1] &= (1ULL << (8 * (n - 8))) - 1;
        }
        return;
    }
#endif
    (void)avail;
    key[0] = key[1] = 0;
    __builtin_memcpy(key, s, n);
}

static inline wc_key saksi_wordcache_key(const saksi_wordcache *c,
                                         const char *s, size_t n,
                                         size_t avail)
{
    wc_key k;
    k.slot = 0;
    wc_load(k.key, s, n, avail);
    uint64_t h = (k.key[0] ^ (uint64_t)n) * 0x9e3779b97f4a7c15ULL;
    h ^= k.key[1] * 0xd6e8feb86659fd93ULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    k.slot = (size_t)h & c->mask;
    return k;
}

static inline void saksi_wordcache_prefetch(const saksi_wordcache *c,
                                            const wc_key *k)
{
    __builtin_prefetch(&c->e[2 * k->slot]);
}

/* The entry holding exactly the bytes of key `k` (length n), or NULL. */
static inline int wc_match(const wc_entry *e, const wc_key *k, size_t n)
{
    return e->len == n && e->key[0] == k->key[0] && e->key[1] == k->key[1];
}

static inline const wc_entry *saksi_wordcache_get(saksi_wordcache *c,
                                                  const wc_key *k, size_t n)
{
    wc_entry *e = &c->e[2 * k->slot];
    if (wc_match(e, k, n))
        return e;
    if (wc_match(e + 1, k, n)) {
        wc_entry t = e[0];
        e[0] = e[1];
        e[1] = t;
        return e;
    }
    return NULL;
}

static inline void saksi_wordcache_put(saksi_wordcache *c, const wc_key *k,
                                       size_t n, uint32_t word,
                                       const char *norm, size_t norm_len)
{
    wc_entry *e = &c->e[2 * k->slot];
    if (norm_len > UINT16_MAX)
        return;
    e[1] = e[0];
    e->key[0] = k->key[0];
    e->key[1] = k->key[1];
    e->norm = norm;
    e->word = word;
    e->len = (uint16_t)n;
    e->norm_len = (uint16_t)norm_len;
}

#endif
