/*
 * intern.c — open-addressing string interner (see intern.h).
 *
 * Slots hold 32 bits of the hash beside the entry index, so a probe
 * compares integers in the slot array alone and touches the entry (string
 * pointer, length) and the string bytes only on a likely hit. The table is
 * kept at most half full and doubles; strings go into 64 KiB chunks that
 * are never reallocated.
 */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

struct intern_chunk {
    intern_chunk *next;
    size_t size, used;
    char data[];
};

#define CHUNK 65536

void saksi_intern_init(saksi_interner *in, uint32_t base)
{
    memset(in, 0, sizeof *in);
    in->base = base;
}

void saksi_intern_free(saksi_interner *in)
{
    for (intern_chunk *c = in->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(in->slots);
    free(in->entries);
    memset(in, 0, sizeof *in);
}

void saksi_intern_clear(saksi_interner *in)
{
    intern_chunk *keep = in->chunks;
    if (keep) {
        for (intern_chunk *c = keep->next, *next; c; c = next) {
            next = c->next;
            free(c);
        }
        keep->next = NULL;
        keep->used = 0;
    }
    if (in->slots)
        memset(in->slots, 0, (in->mask + 1) * sizeof *in->slots);
    in->n = 0;
}

uint32_t saksi_intern_find(const saksi_interner *in, const char *s, size_t n,
                           uint64_t h)
{
    if (!in->slots)
        return SAKSI_NO_WORD;
    uint32_t h32 = (uint32_t)(h >> 32);
    for (size_t i = h32 & in->mask;; i = (i + 1) & in->mask) {
        uint64_t slot = in->slots[i];
        if (!slot)
            return SAKSI_NO_WORD;
        if ((uint32_t)(slot >> 32) != h32)
            continue;
        uint32_t k = (uint32_t)slot - 1;
        const intern_entry *e = &in->entries[k];
        if (e->len == n && memcmp(e->str, s, n) == 0)
            return in->base + k;
    }
}

/* A slot: the hash's 32 bits, then entry index + 1 (never 0). */
static uint64_t slot_of(uint32_t h32, size_t k)
{
    return (uint64_t)h32 << 32 | (uint64_t)(k + 1);
}

/* Doubles the slot table and re-places every entry by its stored hash32. */
static int grow_slots(saksi_interner *in)
{
    size_t nslots = in->slots ? (in->mask + 1) * 2 : 1024;
    uint64_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    size_t mask = nslots - 1;
    for (size_t k = 0; k < in->n; k++) {
        size_t i = in->entries[k].hash32 & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = slot_of(in->entries[k].hash32, k);
    }
    free(in->slots);
    in->slots = slots;
    in->mask = mask;
    return 0;
}

static const char *store(saksi_interner *in, const char *s, size_t n)
{
    intern_chunk *c = in->chunks;
    if (!c || c->size - c->used < n + 1) {
        size_t size = n + 1 > CHUNK ? n + 1 : CHUNK;
        intern_chunk *nc = malloc(sizeof *nc + size);
        if (!nc)
            return NULL;
        nc->size = size;
        nc->used = 0;
        nc->next = c;
        in->chunks = c = nc;
    }
    char *p = c->data + c->used;
    memcpy(p, s, n);
    p[n] = '\0';
    c->used += n + 1;
    return p;
}

uint32_t saksi_intern_add(saksi_interner *in, const char *s, size_t n,
                          uint64_t h)
{
    uint32_t id = saksi_intern_find(in, s, n, h);
    if (id != SAKSI_NO_WORD)
        return id;
    if (n > UINT32_MAX || in->n >= (size_t)UINT32_MAX - in->base - 1)
        return SAKSI_NO_WORD;
    if (!in->slots || (in->n + 1) * 2 > in->mask + 1)
        if (grow_slots(in))
            return SAKSI_NO_WORD;
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 512;
        intern_entry *e = realloc(in->entries, cap * sizeof *e);
        if (!e)
            return SAKSI_NO_WORD;
        in->entries = e;
        in->cap = cap;
    }
    const char *p = store(in, s, n);
    if (!p)
        return SAKSI_NO_WORD;
    uint32_t h32 = (uint32_t)(h >> 32);
    intern_entry *e = &in->entries[in->n];
    e->str = p;
    e->len = (uint32_t)n;
    e->hash32 = h32;
    size_t i = h32 & in->mask;
    while (in->slots[i])
        i = (i + 1) & in->mask;
    in->slots[i] = slot_of(h32, in->n);
    in->n++;
    return in->base + (uint32_t)(in->n - 1);
}

const char *saksi_intern_str(const saksi_interner *in, uint32_t id,
                             size_t *len)
{
    if (id < in->base || id - in->base >= in->n)
        return NULL;
    const intern_entry *e = &in->entries[id - in->base];
    if (len)
        *len = e->len;
    return e->str;
}
