/*
 * hash.h — a fast 64-bit string hash for the interner and the id sets.
 *
 * Reads eight bytes at a time and mixes with multiply-xorshift rounds; good
 * enough dispersion for open addressing, not meant to resist attackers.
 */
#ifndef SAKSI_HASH_H
#define SAKSI_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t saksi_mix64(uint64_t x)
{
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    return x;
}

static inline uint64_t saksi_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ saksi_mix64(w)) * 0x9e3779b97f4a7c15ULL;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)s[i] << (8 * i);
    h = (h ^ saksi_mix64(w ^ 0x2545f4914f6cdd1dULL)) * 0x9e3779b97f4a7c15ULL;
    return saksi_mix64(h);
}

#endif
