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
    WF_PH_MARKER = 1 << 11   /* first word (or root) of a markers.tsv phrase */
};


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

struct saksi_model {
    char *data_dir;
    lang_cue *cues;
    size_t ncues;
    saksi_interner words;  /* every word the data files name */
    uint16_t *wflags;      /* WF_* per word id; size words.n */
    size_t wflags_cap;
    /* (root, label) pairs Hunspell licenses: open addressing, 0 = empty */
    uint64_t *licenses;
    size_t licenses_mask, nlicenses;
    uint8_t *nlabels;      /* per word id: licensed derivations (max 255) */
    lexicalized *lex;      /* sorted by word */
    size_t nlex;
    phrase_trie phrases;   /* numbers, time words, markers (multi-word) */
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
};

/* One memoized morphological analysis (see lang/morph.h). */
typedef struct {
    uint32_t root, alt;
    uint16_t flags; /* 0: not computed yet */
    uint8_t naff;
    uint8_t aff[7];
} morph_memo;

struct saksi_worker {
    const saksi_model *m;
    morph_memo *memo;       /* per word id, model and local ids alike */
    size_t memo_cap;
    saksi_arena arena;      /* everything of the current article */
    saksi_interner local;   /* words not in the model, ids after it */
    saksi_buf fold;         /* scratch: folded word */
    saksi_buf scratch;      /* scratch for saksi_fold */
    struct saksi_doc doc;
};

/* The interned id of a folded word: the model's id when the model knows the
 * word, else the worker's local id. *norm points to the stored string. */
uint32_t saksi_worker_word(saksi_worker *w, const char *folded, size_t n,
                           const char **norm);

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
