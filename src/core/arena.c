/*
 * arena.c — the per-article bump allocator (see arena.h).
 *
 * Blocks form a list, newest first. An allocation that does not fit the
 * current block starts a new block at least twice the size of the last, so
 * an article of any size needs O(log n) mallocs, and after a reset the
 * single retained block usually serves the next article whole.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define ALIGN 16u

void saksi_arena_init(saksi_arena *a, size_t min_block)
{
    a->head = NULL;
    a->min_block = min_block ? min_block : 64 * 1024;
}

static arena_block *block_new(size_t size)
{
    arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *saksi_arena_alloc(saksi_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 4)
        return NULL;
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = a->min_block;
        if (b && b->size * 2 > size)
            size = b->size * 2;
        if (size < n)
            size = n;
        arena_block *nb = block_new(size);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *saksi_arena_calloc(saksi_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = saksi_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *saksi_arena_strndup(saksi_arena *a, const char *s, size_t n)
{
    char *p = saksi_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void saksi_arena_reset(saksi_arena *a)
{
    arena_block *keep = NULL;
    for (arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        if (!keep || b->size > keep->size) {
            free(keep);
            keep = b;
        } else {
            free(b);
        }
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
}

void saksi_arena_free(saksi_arena *a)
{
    for (arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
}

size_t saksi_arena_capacity(const saksi_arena *a)
{
    size_t n = 0;
    for (const arena_block *b = a->head; b; b = b->next)
        n += b->size;
    return n;
}
