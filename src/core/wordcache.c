/*
 * wordcache.c — allocating and clearing a worker's word cache (see
 * wordcache.h; lookups are inline there).
 */
#include "wordcache.h"

#include <stdlib.h>
#include <string.h>

int saksi_wordcache_init(saksi_wordcache *c, unsigned bits)
{
    size_t n = (size_t)1 << bits;
    c->e = aligned_alloc(64, 2 * n * sizeof *c->e);
    c->mask = c->e ? n - 1 : 0;
    saksi_wordcache_clear(c);
    return c->e ? 0 : -1;
}

void saksi_wordcache_free(saksi_wordcache *c)
{
    free(c->e);
    c->e = NULL;
    c->mask = 0;
}

void saksi_wordcache_clear(saksi_wordcache *c)
{
    if (c->e)
        memset(c->e, 0, 2 * (c->mask + 1) * sizeof *c->e);
}
