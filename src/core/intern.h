/*
 * intern.h — word interning: each distinct string gets a small integer id.
 *
 * After interning, the pipeline compares ids, never strings. The model owns
 * a frozen interner holding every word its data files mention (ids 0…n-1);
 * each worker owns a local interner for the other words it meets, whose ids
 * continue after the model's (base = n). Stored strings never move, so the
 * pointers handed out stay valid for the interner's life.
 */
#ifndef SAKSI_INTERN_H
#define SAKSI_INTERN_H

#include <stddef.h>
#include <stdint.h>

#define SAKSI_NO_WORD UINT32_MAX

typedef struct intern_chunk intern_chunk;

typedef struct {
    const char *str;
    uint32_t len;
    uint32_t hash32;
} intern_entry;

typedef struct {
    uint64_t *slots;       /* 0 = empty, else hash32 << 32 | entry index + 1 */
    size_t mask;           /* slots - 1 */
    intern_entry *entries;
    size_t n, cap;
    uint32_t base;         /* id of entries[0] */
    intern_chunk *chunks;  /* string storage, newest first */
} saksi_interner;

void saksi_intern_init(saksi_interner *in, uint32_t base);
void saksi_intern_free(saksi_interner *in);
/* Drops every entry (keeps one storage chunk). */
void saksi_intern_clear(saksi_interner *in);
/* The id of s, or SAKSI_NO_WORD when absent. `h` is saksi_hash(s, n). */
uint32_t saksi_intern_find(const saksi_interner *in, const char *s, size_t n,
                           uint64_t h);
/* The id of s, added when absent; SAKSI_NO_WORD when out of memory. */
uint32_t saksi_intern_add(saksi_interner *in, const char *s, size_t n,
                          uint64_t h);
/* The string of an id of this interner, or NULL. */
const char *saksi_intern_str(const saksi_interner *in, uint32_t id,
                             size_t *len);
static inline size_t saksi_intern_count(const saksi_interner *in)
{
    return in->n;
}

#endif
