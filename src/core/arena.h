/*
 * arena.h — a bump allocator, one per article.
 *
 * Everything an article produces (tokens, sentences, strings) is allocated
 * from its worker's arena and freed in one stroke by saksi_arena_reset()
 * before the next article. Reset keeps the largest block, so a worker that
 * has seen its biggest article allocates nothing more from malloc.
 */
#ifndef SAKSI_ARENA_H
#define SAKSI_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct {
    arena_block *head;   /* current block; older blocks follow */
    size_t min_block;    /* size of a fresh block */
} saksi_arena;

void saksi_arena_init(saksi_arena *a, size_t min_block);
/* Aligned to 16 bytes; NULL only when out of memory. */
void *saksi_arena_alloc(saksi_arena *a, size_t n);
void *saksi_arena_calloc(saksi_arena *a, size_t count, size_t size);
char *saksi_arena_strndup(saksi_arena *a, const char *s, size_t n);
/* Frees all but the largest block and empties it. */
void saksi_arena_reset(saksi_arena *a);
void saksi_arena_free(saksi_arena *a);
/* Bytes held from malloc. */
size_t saksi_arena_capacity(const saksi_arena *a);

#endif
