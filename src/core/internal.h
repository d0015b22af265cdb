/*
 * internal.h — the structures behind the public handles, shared by the
 * library's stages but never exposed in saksi.h.
 *
 * The model is immutable after loading; the worker is the only place where
 * mutable state lives (its arena, local interner and scratch buffers), which
 * is what lets articles be processed on several threads at once.
 */
#ifndef SAKSI_INTERNAL_H
#define SAKSI_INTERNAL_H

#include "saksi.h"
#include "arena.h"
#include "buf.h"
#include "intern.h"
#include "wordcache.h"
#include "../dict/phrases.h"

/* Per-word facts from the data files, indexed by model word id. */
enum {
    WF_ABBR_TITLE = 1 << 0, /* "Dr", "Jl": never ends a sentence */
    WF_ABBR_FINAL = 1 << 1, /* "dll", "etc": may end a sentence */
    WF_LANG_ID = 1 << 2,    /* an Indonesian function word */
    WF_LANG_EN = 1 << 3,    /* an English function word */
    WF_LANG_OTHER = 1 << 4, /* a function word of another language */
    WF_ROOT_ID = 1 << 5,    /* an Indonesian root (data/lang/id-roots*.tsv) */
    WF_KEEP = 1 << 6,       /* a root never stemmed further ("menteri") */
    WF_PROPER = 1 << 7,     /* a proper noun: never stemmed */
    WF_LEXICALIZED = 1 << 8, /* a derived word with its own entry */
    WF_PH_NUMBER = 1 << 9,   /* first word of a numbers.tsv phrase */
    WF_PH_TIME = 1 << 10,    /* first word of a time.tsv phrase */
    WF_PH_MARKER = 1 << 11,  /* first word (or root) of a markers.tsv phrase */
    WF_PH_ACTOR = 1 << 12,   /* first word of an actor phrase */
    WF_PH_AGENT = 1 << 13,   /* first word of an agent phrase */
    WF_PH_VERB = 1 << 14,    /* first word (or root) of a verb pattern */
    WF_PH_CASUALTY = 1 << 15 /* first word (or root) of a casualty phrase */
};

/* More per-word facts (saksi_model.wflags2). */
enum {
    WF2_PLACE_NOUN = 1 << 0, /* first word of a place noun (distrik) */
    WF2_FEATURE = 1 << 1,    /* a geographic feature word (laut, gulf) */
    WF2_FACILITY = 1 << 2,   /* a facility or street word (jalan, RS) */
    WF2_EN_DET = 1 << 3,     /* English: a noun follows (the, their) */
    WF2_EN_BE = 1 << 4,      /* English: a form of "be" (was attacked) */
    WF2_EN_HAVE = 1 << 5,    /* English: a form of "have" (has attacked) */
    WF2_EN_AUX = 1 << 6,     /* English: a base-form verb follows (will, to) */
    WF2_EN_LEMMA = 1 << 7,   /* English: a lemma the dictionaries name */
    WF2_EN_OF = 1 << 8,      /* English: "of" joins a role to its country
                                ("the president of Bulgaria") */
    WF2_EN_POSS = 1 << 9     /* English: the possessive "'s" ("Russia's
                                foreign ministry", "Russia's attack") */
};

/* An English form whose lemma the suffix rules cannot find
 * (data/lang/en-irregular.tsv). */
typedef struct {
    uint32_t form, lemma;
    uint8_t kind; /* EN_IRR_* (lang/english.h) */
} en_irregular;


/* A lexicalized word: its deeper root and the affixes between them
 * (data/lang/id-lexicalized.tsv). */
typedef struct {
    uint32_t word, alt;
    uint8_t naff;
    uint8_t aff[4];
} lexicalized;

/* An affix that marks a word's language (data/lang/affix-cues.tsv). */
typedef struct {
    char affix[12];
    uint8_t len;
    uint8_t suffix;  /* 1: "-nya"; 0: "meng-" */
    uint8_t lang;    /* WF_LANG_ID or WF_LANG_EN */
} lang_cue;

/* Where a dictionary entry is written (for the evidence of each event). */
typedef struct {
    uint32_t file;  /* index into saksi_model.rule_files */
    uint32_t line;
} rule_loc;

/* A verb pattern (data/verbs/ *.tsv). Its head — the elements up to the
 * first gap — is a path in the phrase trie whose value points here; the
 * rest is matched after it, element by element. */
#define VERB_GAP UINT32_MAX /* "...": up to three other words */
typedef struct {
    uint32_t cameo;   /* string id of the CAMEO code */
    uint32_t rule;
    uint32_t elem;    /* first element in saksi_model.velems */
    uint16_t nelem;   /* all elements, gaps included */
    uint16_t nhead;   /* the elements of the head */
    uint16_t weight;  /* elements that are not gaps: the longest wins */
    uint8_t lang;
} verb_pattern;

/* A CAMEO event code (data/cameo/codes.tsv). */
typedef struct {
    uint32_t code, name, plover; /* string ids */
    float goldstein;
    uint8_t quad;
} cameo_info;

struct saksi_model {
    char *data_dir;
    saksi_interner strings; /* codes and names, case kept (not words) */
    char **rule_files;      /* data file names, for rule_loc */
    size_t nrule_files;
    rule_loc *rules;
    size_t nrules, cap_rules;
    verb_pattern *verbs;
    size_t nverbs, cap_verbs;
    phrase_word *velems;
    size_t nvelems, cap_velems;
    cameo_info *cameo;      /* sorted by code string */
    size_t ncameo, cap_cameo;
    lang_cue *cues;
    size_t ncues;
    saksi_interner words;  /* every word the data files name */
    uint16_t *wflags;      /* WF_* per word id; size words.n */
    uint16_t *wflags2;     /* WF2_* per word id */
    size_t wflags_cap;
    /* (root, label) pairs Hunspell licenses: open addressing, 0 = empty */
    uint64_t *licenses;
    size_t licenses_mask, nlicenses;
    uint8_t *nlabels;      /* per word id: licensed derivations (max 255) */
    lexicalized *lex;      /* sorted by word */
    size_t nlex;
    en_irregular *en_irr;  /* sorted by form */
    size_t nen_irr, cap_en_irr;
    phrase_trie phrases;   /* numbers, time words, markers (multi-word) */
    struct saksi_gazetteer *gaz; /* places (places/gazetteer.c) */
    int peer_dicts;        /* coding with TABARI/PETRARCH dictionaries (--dict):
                              their codes carry intent and negation, so the
                              coder applies no mood of its own */
};

/* A verb pattern that matched but coded no event, for `saksi explain`. */
struct coder_note {
    size_t sentence;
    size_t start, end;  /* the trigger */
    const char *rule;   /* "data/verbs/id.tsv:57" */
    const char *why;    /* "no actor in the clause" */
};

struct saksi_doc {
    saksi_article article;
    saksi_lang lang;
    saksi_token *toks;
    size_t ntoks;
    saksi_sentence *sents;
    size_t nsents;
    saksi_mention *ments;
    size_t nments;
    int has_pub;              /* the article has a publication date */
    int64_t pub;              /* …as days since 1970-01-01 */
    int has_last_day;         /* the last day a time expression named */
    int64_t last_day;
    saksi_actor *actors;      /* coder/actors.c */
    struct actor_info *ainfo; /* …what the coder knows besides the code */
    size_t nactors;
    int32_t *tok_actor;       /* per token: the actor covering it, or -1 */
    char home[4];             /* the article's home country, or "" */
    saksi_event *events;      /* coder/events.c */
    size_t nevents;
    struct coder_note *notes; /* …verb matches that coded nothing, and why */
    size_t nnotes, notes_cap;
    saksi_place *places;      /* places/places.c */
    size_t nplaces;
};

/* One memoized morphological analysis (see lang/morph.h). */
typedef struct {
    uint32_t root, alt;
    uint32_t base;  /* the word without its clitics: pengusahanya → pengusaha */
    uint16_t flags; /* 0: not computed yet */
    uint8_t naff;
    uint8_t aff[7];
} morph_memo;

struct saksi_worker {
    const saksi_model *m;
    morph_memo *memo;       /* per word id, model and local ids alike */
    size_t memo_cap;
    morph_memo *en_memo;    /* the same for English words (lang/english.c) */
    size_t en_memo_cap;
    saksi_arena arena;      /* everything of the current article */
    saksi_interner local;   /* words not in the model, ids after it */
    saksi_buf fold;         /* scratch: folded word */
    saksi_buf scratch;      /* scratch for saksi_fold */
    saksi_wordcache wcache; /* token bytes → word (text/token.c) */
    struct place_memo *place_memo; /* gazetteer lookups (places/places.c) */
    struct saksi_doc doc;
};

/* The memo slot of word id `word` in *memo (a worker's per-word memo of
 * analyses), growing the array (zeroed: not computed) to hold it, from
 * `first` slots on; NULL when out of memory. */
morph_memo *saksi_memo_slot(morph_memo **memo, size_t *cap, uint32_t word, size_t first);

/* The interned id of a folded word: the model's id when the model knows the
 * word, else the worker's local id. *norm points to the stored string. */
uint32_t saksi_worker_word(saksi_worker *w, const char *folded, size_t n,
                           const char **norm);

/* The irregular English form `form` (data/lang/en-irregular.tsv), or NULL. */
const en_irregular *en_irregular_find(const saksi_model *m, uint32_t form);

/* A worker's memo of gazetteer lookups by words (places/places.c): freed,
 * and forgotten when the worker's own words are. */
void saksi_place_memo_free(struct place_memo *m);
void saksi_place_memo_clear(struct place_memo *m);

/* The WF2_* flags of a word id (0 for words the model does not know). */
static inline unsigned saksi_model_wflags2(const saksi_model *m, uint32_t id)
{
    return m->wflags2 && id < m->words.n ? m->wflags2[id] : 0u;
}

/* The WF_* flags of a word id (0 for words the model does not know). */
static inline unsigned saksi_model_wflags(const saksi_model *m, uint32_t id)
{
    return id < m->words.n ? m->wflags[id] : 0u;
}

/* Can a phrase of table `flag` (WF_PH_*) start at this token? */
static inline int saksi_model_starts(const saksi_model *m, const saksi_token *t,
                                     unsigned flag)
{
    return ((t->word < m->words.n ? m->wflags[t->word] : 0u) |
            (t->root < m->words.n ? m->wflags[t->root] : 0u)) & flag;
}

/* Does the lexicon license derivation `label` (a word id) for `root`? */
int saksi_model_licenses(const saksi_model *m, uint32_t root, uint32_t label);
static inline int saksi_model_root_labels(const saksi_model *m, uint32_t id)
{
    return id < m->words.n ? m->nlabels[id] : 0;
}
/* The CAMEO entry of a code ("0256"), or NULL. */
const cameo_info *saksi_model_cameo(const saksi_model *m, const char *code);
/* Does a rule come from a file of people (data/actors/people.tsv)? */
int saksi_model_rule_is_person(const saksi_model *m, uint32_t rule);
/* A string of the model's string table ("" for a bad id). */
const char *saksi_model_str(const saksi_model *m, uint32_t id);
/* The lexicalized entry of a word, or NULL. */
const lexicalized *saksi_model_lexicalized(const saksi_model *m,
                                           uint32_t word);

/* The pipeline, stage by stage (for the benchmark): saksi_begin() starts
 * an article in the worker's document, saksi_run_stage(i) runs stage i;
 * saksi_process() is begin plus every stage in order. */
size_t saksi_stage_count(void);
const char *saksi_stage_name(size_t i);
saksi_status saksi_begin(saksi_worker *w, const saksi_article *a);
saksi_status saksi_run_stage(saksi_worker *w, size_t i);

/* Stages, in the order the data flows. Each returns 0 or -1 (no memory). */
int saksi_tokenize(saksi_worker *w, struct saksi_doc *d);
int saksi_segment(saksi_worker *w, struct saksi_doc *d);
int saksi_morphology(saksi_worker *w, struct saksi_doc *d);
int saksi_mentions(saksi_worker *w, struct saksi_doc *d);
int saksi_actors(saksi_worker *w, struct saksi_doc *d);
int saksi_places(saksi_worker *w, struct saksi_doc *d);
int saksi_events(saksi_worker *w, struct saksi_doc *d);

/* Quantity and time parsing at one token (lang/quantity.c, lang/timex.c):
 * the number of tokens consumed, 0 when there is no expression there. */
size_t saksi_quantity_at(const saksi_model *m, const struct saksi_doc *d,
                         size_t i, size_t end, saksi_lang lang,
                         saksi_mention *out);
size_t saksi_time_at(const saksi_model *m, const struct saksi_doc *d,
                     size_t i, size_t end, saksi_lang lang, int future,
                     saksi_mention *out);
void saksi_identify_lang(const saksi_model *m, struct saksi_doc *d,
                         const char *declared);

#endif
