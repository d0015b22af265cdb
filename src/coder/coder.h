/*
 * coder.h — what the coder's stages share: actor mentions with what is
 * known about them beyond their code, and helpers over sentences.
 */
#ifndef SAKSI_CODER_H
#define SAKSI_CODER_H

#include "../core/internal.h"

/* How an actor mention came about. */
enum {
    AK_NAME = 1,  /* a dictionary actor: Rusia, Nikol Pashinyan, TNI */
    AK_COMPOSED,  /* a role noun with an actor: Presiden Rusia */
    AK_AGENT,     /* a role noun alone: polisi — the home country's */
    AK_POSSESSED, /* a role noun with -nya: tentaranya — the possessor's */
    AK_ANAPHOR,   /* a role noun with tersebut/itu: kontingen tersebut */
    AK_PRONOUN,   /* dia, ia, mereka, pihaknya, kami */
    AK_DYAD,      /* kedua belah pihak, semua pihak: the two sides */
    AK_ALIAS      /* Soylu, after Suleyman Soylu was introduced */
};

struct actor_info {
    uint8_t kind;      /* AK_* */
    uint8_t place;     /* after di/ke/in/at: a place, not an actor */
    uint8_t plural;    /* mereka, pasukan: may stand for a group */
    uint8_t role_only; /* a role without a country (code = role only) */
    int group;         /* compound group ("Armenia dan Azerbaijan"), or -1 */
    long dyad[2];      /* AK_DYAD: the two sides' actor indexes, or -1 */
    uint32_t rule;     /* model rule of the dictionary entry */
    uint32_t agent_rule; /* the role noun's rule (same noun, same actor) */
    uint8_t person;    /* a named person (data/actors/people.tsv …) */
    uint8_t unknown;   /* a name no dictionary knows: a civilian */
    char role[4];      /* the role of a role noun, "GOV" */
};

/* Whether token t is one of the words "di", "ke" … of data/lang/markers.tsv
 * category `mark` (SAKSI_MARK_*). */
static inline int tok_marked(const saksi_token *t, unsigned mark)
{
    return (t->markers & mark) != 0;
}

/* Is token t the English possessive "'s" (data/lang/en-grammar.tsv)? */
static inline int en_possessive(const saksi_model *m, const saksi_token *t)
{
    return (saksi_model_wflags2(m, t->word) & WF2_EN_POSS) != 0;
}

/* The rule string "data/verbs/id.tsv:57" of a model rule, in the arena. */
const char *coder_rule_string(saksi_worker *w, uint32_t rule);

#endif
