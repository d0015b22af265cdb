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

/* Per-word facts from the data files, indexed by model word id. */
enum {
    WF_ABBR_TITLE = 1 << 0, /* "Dr", "Jl": never ends a sentence */
    WF_ABBR_FINAL = 1 << 1, /* "dll", "etc": may end a sentence */
    WF_LANG_ID = 1 << 2,    /* an Indonesian function word */
    WF_LANG_EN = 1 << 3,    /* an English function word */
    WF_LANG_OTHER = 1 << 4  /* a function word of another language */
};

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
    uint8_t *wflags;       /* WF_* per word id; size words.n */
    size_t wflags_cap;
};

struct saksi_doc {
    saksi_article article;
    saksi_lang lang;
    saksi_token *toks;
    size_t ntoks;
    saksi_sentence *sents;
    size_t nsents;
};

struct saksi_worker {
    const saksi_model *m;
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

/* Stages, in the order the data flows. Each returns 0 or -1 (no memory). */
int saksi_tokenize(saksi_worker *w, struct saksi_doc *d);
int saksi_segment(saksi_worker *w, struct saksi_doc *d);
void saksi_identify_lang(const saksi_model *m, struct saksi_doc *d,
                         const char *declared);

#endif
