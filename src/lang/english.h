/*
 * english.h — English words for the coder: lemmas (attacked → attack,
 * shot → shoot, clashes → clash) and, without a parser, whether a word is
 * used as a verb, a passive participle or a noun, told by the words before
 * it (data/lang/en-grammar.tsv). The result is written into the token the
 * way the Indonesian morphology writes affixes, so that the coder reads both
 * languages alike: an active verb carries "meN-", a passive participle
 * "di-", a noun "-an".
 */
#ifndef SAKSI_ENGLISH_H
#define SAKSI_ENGLISH_H

#include <stddef.h>
#include <stdint.h>

/* Kinds of data/lang/en-irregular.tsv entries. */
enum { EN_IRR_VERB = 1, EN_IRR_NOUN, EN_IRR_KEEP };

/* The inflection a lemma was found through. */
enum {
    EN_FORM_BASE = 0, /* attack */
    EN_FORM_S,        /* attacks: a plural noun or a present verb */
    EN_FORM_ED,       /* attacked, shot: a past or a participle */
    EN_FORM_ING,      /* attacking */
    EN_FORM_PLURAL    /* men: an irregular plural noun */
};

struct saksi_model;
struct saksi_worker;
struct saksi_doc;

/* The lemma of the folded English word w[0..n) (id `word`) and the form it
 * was found through; the lemma is `word` itself when nothing applies. */
uint32_t en_lemma(const struct saksi_model *m, struct saksi_worker *wk,
                  uint32_t word, const char *w, size_t n, int *form);

/* Does the model word `id` end like an inflected form (-s, -ed, -ing)? A
 * plain pattern word such as "bombed" is a form, not a lemma. */
int en_inflected(const struct saksi_model *m, uint32_t id);

/* The lemmas of the words of English sentence `s` (the morphology stage). */
int en_lemmas(struct saksi_worker *wk, struct saksi_doc *d, size_t s);
/* The uses of its words (verb, passive, noun), once the function words are
 * marked (the coder's first step). */
void en_uses(struct saksi_worker *wk, struct saksi_doc *d, size_t s);

#endif
