/*
 * peers.h — reading the dictionaries of saksi's peers, TABARI and
 * PETRARCH, into saksi's model (docs/dictionaries.md, "Reading TABARI and
 * PETRARCH dictionaries").
 *
 * The readers turn the peers' actors, agents, verb patterns and discards
 * into the same entries saksi's own dictionaries give: phrases in the
 * model's trie (PT_ACTOR, PT_AGENT, PT_MARKER discard) and verb patterns
 * (m->verbs, head first). What saksi's entries cannot say is kept beside
 * them, documented here, for the coder to use:
 *
 *   - actor codes are kept as the peer writes them, special codes included:
 *     "---" (null: the phrase is no actor and blocks shorter ones), "###"
 *     (discard the sentence) and "+++" (complex: not coded) when they are
 *     dated; undated "###" and "+++" actors become discard phrases instead.
 *     Coded compounds stay one code with their slash ("ELR/GAL").
 *   - agents: phrase_val.str is the agent code without its '~';
 *     phrase_val.kind is PEER_AGENT_PREFIX when the code goes before the
 *     actor's ("NGO~"), else 0 (after it: "~GOV").
 *   - verbs: the pattern's first code is the verb pattern's CAMEO code
 *     (kept as written: "---", "###", "+++", WEIS-era "174K" too); the
 *     whole pattern as the peer wrote it — words before the verb, the
 *     source, target and skip markers, the paired code — is recorded beside
 *     it and read back with peers_pattern().
 */
#ifndef SAKSI_PEERS_H
#define SAKSI_PEERS_H

#include "../core/internal.h"

/* The kinds of peer files. */
enum {
    PEER_UNKNOWN = 0,
    PEER_PROJECT,        /* TABARI .project: names the other files */
    PEER_TABARI_ACTORS,  /* .actors */
    PEER_TABARI_VERBS,   /* .verbs */
    PEER_TABARI_AGENTS,  /* .agents */
    PEER_TABARI_OPTIONS, /* .options (read, commands reported, none applied) */
    PEER_PETR_ACTORS,    /* PETRARCH *.actors.txt (Phoenix.*.actors.txt) */
    PEER_PETR_VERBS,     /* PETRARCH CAMEO.2.0.txt, PETR.Validate.verbs.txt */
    PEER_PETR_AGENTS,    /* PETRARCH *.agents.txt */
    PEER_PETR_DISCARDS,  /* PETRARCH *.discards.txt */
    PEER_PETR_ISSUES,    /* PETRARCH *.issues.txt (not read: a warning) */
    PEER_NKINDS
};

/* A short name of a kind ("TABARI actors"). */
const char *peers_kind_name(int kind);

/* The kind of a file by its name, else by its first bytes `head` (may be
 * NULL); PEER_UNKNOWN when neither tells. */
int peers_kind_of(const char *path, const char *head, size_t n);

/* phrase_val.kind of an agent whose code goes before the actor's code. */
#define PEER_AGENT_PREFIX 2

/* The elements of a recorded peer pattern (phrase_word.id): words (by_root
 * 0), VERB_GAP where the peer lets other words come between, and: */
#define PEER_EL_VERB (VERB_GAP - 1u)   /* '*': the verb (any of its forms) */
#define PEER_EL_SOURCE (VERB_GAP - 2u) /* '$': the source actor */
#define PEER_EL_TARGET (VERB_GAP - 3u) /* '+': the target actor */
#define PEER_EL_BOTH (VERB_GAP - 4u)   /* '%': a compound, source and target */
#define PEER_EL_SKIP (VERB_GAP - 5u)   /* '^': an actor skipped */
#define PEER_EL_MAGIC (VERB_GAP - 6u)  /* (internal) ends a record */

/* Flags of a recorded peer pattern. */
enum {
    PEER_VF_PAIRED = 1 << 0,      /* [X:Y]: a second event, actors swapped */
    PEER_VF_REVERSE_ONLY = 1 << 1,/* [:Y]: only the swapped event; the
                                     pattern's own code is "---" */
    PEER_VF_SUBORDINATE = 1 << 2, /* [X?]: only when nothing else is coded */
    PEER_VF_DOMINANT = 1 << 3,    /* [X!]: only dominant events are coded */
    PEER_VF_PRE = 1 << 4,         /* words before the verb (not matched by
                                     the coder's head-first patterns) */
    PEER_VF_SOURCE = 1 << 5,      /* a '$' */
    PEER_VF_TARGET = 1 << 6,      /* a '+' */
    PEER_VF_BOTH = 1 << 7,        /* a '%' */
    PEER_VF_SKIP = 1 << 8         /* a '^' */
};

typedef struct {
    const phrase_word *elems; /* the pattern as written, synsets and
                                 alternatives expanded: words, VERB_GAP and
                                 PEER_EL_* */
    size_t n;
    uint32_t reverse;         /* string id of the paired code Y of [X:Y] or
                                 [:Y], else SAKSI_NO_WORD */
    unsigned flags;           /* PEER_VF_* */
} peer_pattern;

/* The recorded pattern of verb pattern `verb` (an index of m->verbs):
 * returns 1 and *out for a pattern read from a peer dictionary, 0 for one
 * of saksi's own. */
int peers_pattern(const saksi_model *m, uint32_t verb, peer_pattern *out);

/* Reads the peer dictionaries at `paths` (files, directories, project
 * files) into m, which holds the language data and the CAMEO codebook but
 * none of saksi's actor, agent and verb dictionaries. Warnings go to
 * `warn` (may be NULL), counts into *st (may be NULL). Returns 0, or -1
 * with a message in err when a path cannot be read or names nothing
 * loadable. */
int peers_load(saksi_model *m, const char *const *paths, size_t n,
               saksi_dict_warn_fn warn, void *ctx, saksi_dict_stats *st,
               char *err, size_t errlen);

/* For tests and fuzzing: reads `text` as one file of kind `kind` named
 * `name` (a project file names no other file this way). */
int peers_load_buffer(saksi_model *m, int kind, const char *name,
                      const char *text, size_t len, saksi_dict_warn_fn warn,
                      void *ctx, saksi_dict_stats *st, char *err,
                      size_t errlen);

/* For tests and fuzzing: a model without any data (no abbreviations, no
 * codebook); close it with saksi_model_close(). */
saksi_model *peers_bare_model(void);

#endif
