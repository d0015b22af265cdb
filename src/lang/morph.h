/*
 * morph.h — Indonesian morphology: a word's root and its affixes.
 *
 * analysis = root + the affixes peeled off it, in the order prefixes outer
 * to inner, then suffixes inner to outer (derivational, clitic, particle),
 * then "redup" for reduplication. Lexicalized words (pemerintah, pasukan)
 * keep two readings: the root is the word itself, `alt` the deeper root.
 */
#ifndef SAKSI_MORPH_H
#define SAKSI_MORPH_H

#include <stddef.h>
#include <stdint.h>

#include "saksi.h"

/* Affix codes; their names are saksi_affix_name(). */
enum {
    AFF_NONE = 0,
    AFF_MEN,    /* meN- */
    AFF_DI,     /* di- */
    AFF_TER,    /* ter- */
    AFF_BER,    /* ber- */
    AFF_PEN,    /* peN- */
    AFF_PE,     /* pe- */
    AFF_PER,    /* per- */
    AFF_KE,     /* ke- */
    AFF_SE,     /* se- */
    AFF_MEMPER, /* memper- */
    AFF_DIPER,  /* diper- */
    AFF_KU_P,   /* ku- */
    AFF_KAU,    /* kau- */
    AFF_KAN,    /* -kan */
    AFF_I,      /* -i */
    AFF_AN,     /* -an */
    AFF_NYA,    /* -nya */
    AFF_KU,     /* -ku */
    AFF_MU,     /* -mu */
    AFF_LAH,    /* -lah */
    AFF_KAH,    /* -kah */
    AFF_TAH,    /* -tah */
    AFF_PUN,    /* -pun */
    AFF_REDUP,  /* reduplication */
    AFF_COUNT
};

#define MORPH_MAX_AFFIXES 7

/* Analysis flags (saksi_token.morph). */
enum {
    MORPH_ANALYZED = SAKSI_MORPH_ANALYZED,
    MORPH_LEXICON = SAKSI_MORPH_LEXICON,   /* the root is in the lexicon */
    MORPH_LICENSED = SAKSI_MORPH_LICENSED, /* the lexicon licenses the affixes */
    MORPH_LEXICALIZED = SAKSI_MORPH_LEXICALIZED,
    MORPH_PROPER = SAKSI_MORPH_PROPER,     /* a name: not stemmed */
    MORPH_GUESS = SAKSI_MORPH_GUESS        /* root not in the lexicon */
};

typedef struct {
    uint32_t root;   /* word id of the root */
    uint32_t alt;    /* deeper root of a lexicalized word, or SAKSI_NO_WORD */
    uint8_t naff;
    uint8_t aff[MORPH_MAX_AFFIXES];
    uint16_t flags;
} morph_t;

/* The code of an affix name ("meN-", "-kan"), or -1. */
int saksi_affix_code(const char *s, size_t n);

struct saksi_model;
struct saksi_worker;

/* Analyzes the folded word w[0..n) (its id `word`) with the model's
 * lexicon. The root is a model word or `word` itself. */
void morph_analyze(const struct saksi_model *m, struct saksi_worker *wk,
                   uint32_t word, const char *w, size_t n, morph_t *out);

#endif
