/*
 * pipeline.c — workers and the order of the stages.
 *
 * saksi_process() resets the worker's arena and runs the stages in the one
 * direction the data flows: tokens, sentences, languages, morphology, then
 * mentions (function words, quantities, times). Later stages (actors,
 * events, places) append themselves here. The
 * document it returns points into the worker's arena and the caller's
 * article; nothing is copied that need not be.
 */
#include "internal.h"
#include "hash.h"
#include "date.h"

#include <stdlib.h>
#include <string.h>

/* A worker's own words are forgotten once this many have accumulated, so
 * memory stays bounded however much text one worker reads (with every memo
 * by word id, a worker holds up to 150 bytes a word: some 40 MB at most). */
#define LOCAL_WORDS_MAX (1u << 18)

saksi_worker *saksi_worker_new(const saksi_model *m)
{
    if (!m)
        return NULL;
    saksi_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->m = m;
    saksi_arena_init(&w->arena, 256 * 1024);
    saksi_intern_init(&w->local, (uint32_t)m->words.n);
    saksi_buf_init(&w->fold);
    saksi_buf_init(&w->scratch);
    if (saksi_wordcache_init(&w->wcache, 14)) {
        saksi_worker_free(w);
        return NULL;
    }
    return w;
}

void saksi_worker_free(saksi_worker *w)
{
    if (!w)
        return;
    saksi_arena_free(&w->arena);
    saksi_intern_free(&w->local);
    free(w->memo);
    free(w->en_memo);
    saksi_buf_free(&w->fold);
    saksi_buf_free(&w->scratch);
    saksi_wordcache_free(&w->wcache);
    saksi_place_memo_free(w->place_memo);
    free(w);
}

morph_memo *saksi_memo_slot(morph_memo **memo, size_t *cap, uint32_t word, size_t first)
{
    if (word >= *cap) {
        size_t n = *cap ? *cap : first;
        while (n <= word)
            n *= 2;
        morph_memo *v = realloc(*memo, n * sizeof *v);
        if (!v)
            return NULL;
        memset(v + *cap, 0, (n - *cap) * sizeof *v);
        *memo = v;
        *cap = n;
    }
    return &(*memo)[word];
}

uint32_t saksi_worker_word(saksi_worker *w, const char *folded, size_t n,
                           const char **norm)
{
    uint64_t h = saksi_hash(folded, n);
    uint32_t id = saksi_intern_find(&w->m->words, folded, n, h);
    const saksi_interner *in = &w->m->words;
    if (id == SAKSI_NO_WORD) {
        id = saksi_intern_add(&w->local, folded, n, h);
        in = &w->local;
    }
    if (id != SAKSI_NO_WORD && norm)
        *norm = saksi_intern_str(in, id, NULL);
    return id;
}

static int stage_langid(saksi_worker *w, struct saksi_doc *d)
{
    saksi_identify_lang(w->m, d, d->article.lang);
    return 0;
}

/* The stages, in the order the data flows. */
static const struct {
    const char *name;
    int (*run)(saksi_worker *w, struct saksi_doc *d);
} STAGES[] = {
    {"tokenize", saksi_tokenize},     /* bytes → tokens, folded, interned */
    {"segment", saksi_segment},       /* tokens → sentences */
    {"langid", stage_langid},         /* sentences → languages */
    {"morphology", saksi_morphology}, /* Indonesian words → roots */
    {"mentions", saksi_mentions},     /* markers, quantities, times */
    {"actors", saksi_actors},         /* who is named, with CAMEO codes */
    {"places", saksi_places},         /* where: place names */
    {"events", saksi_events},         /* who did what to whom */
};

size_t saksi_stage_count(void)
{
    return sizeof STAGES / sizeof *STAGES;
}

const char *saksi_stage_name(size_t i)
{
    return i < saksi_stage_count() ? STAGES[i].name : NULL;
}

saksi_status saksi_begin(saksi_worker *w, const saksi_article *a)
{
    if (!w || !a || (!a->text && a->text_len))
        return SAKSI_EINVAL;
    saksi_arena_reset(&w->arena);
    if (saksi_intern_count(&w->local) > LOCAL_WORDS_MAX) {
        saksi_intern_clear(&w->local);
        saksi_wordcache_clear(&w->wcache); /* they name local words */
        saksi_place_memo_clear(w->place_memo);
        /* analyses name local ids (roots, bases): forget them all */
        if (w->memo_cap)
            memset(w->memo, 0, w->memo_cap * sizeof *w->memo);
        if (w->en_memo_cap)
            memset(w->en_memo, 0, w->en_memo_cap * sizeof *w->en_memo);
    }
    struct saksi_doc *d = &w->doc;
    memset(d, 0, sizeof *d);
    d->article = *a;
    if (!d->article.text)
        d->article.text = "";
    int y, mo, dd;
    if (a->date && saksi_parse_iso_date(a->date, &y, &mo, &dd) == 0) {
        d->has_pub = 1;
        d->pub = saksi_days_from_civil(y, mo, dd);
    }
    return SAKSI_OK;
}

saksi_status saksi_run_stage(saksi_worker *w, size_t i)
{
    if (i >= saksi_stage_count())
        return SAKSI_EINVAL;
    return STAGES[i].run(w, &w->doc) ? SAKSI_ENOMEM : SAKSI_OK;
}

saksi_status saksi_process(saksi_worker *w, const saksi_article *a,
                           const saksi_doc **out)
{
    if (!out)
        return SAKSI_EINVAL;
    saksi_status st = saksi_begin(w, a);
    for (size_t i = 0; st == SAKSI_OK && i < saksi_stage_count(); i++)
        st = saksi_run_stage(w, i);
    if (st == SAKSI_OK)
        *out = &w->doc;
    return st;
}

const saksi_article *saksi_doc_article(const saksi_doc *d)
{
    return &d->article;
}

saksi_lang saksi_doc_lang(const saksi_doc *d)
{
    return d->lang;
}

size_t saksi_doc_sentence_count(const saksi_doc *d)
{
    return d->nsents;
}

const saksi_sentence *saksi_doc_sentence(const saksi_doc *d, size_t i)
{
    return i < d->nsents ? &d->sents[i] : NULL;
}

size_t saksi_doc_token_count(const saksi_doc *d)
{
    return d->ntoks;
}

const saksi_token *saksi_doc_token(const saksi_doc *d, size_t i)
{
    return i < d->ntoks ? &d->toks[i] : NULL;
}

const char *saksi_status_string(saksi_status st)
{
    switch (st) {
    case SAKSI_OK: return "ok";
    case SAKSI_END: return "end of input";
    case SAKSI_REJECTED: return "input rejected";
    case SAKSI_ENOMEM: return "out of memory";
    case SAKSI_EIO: return "input/output error";
    case SAKSI_EDATA: return "bad data file";
    case SAKSI_EINVAL: return "invalid argument";
    }
    return "unknown status";
}

const char *saksi_version(void)
{
    return SAKSI_VERSION;
}

const char *saksi_lang_tag(saksi_lang l)
{
    switch (l) {
    case SAKSI_LANG_ID: return "id";
    case SAKSI_LANG_EN: return "en";
    default: return "und";
    }
}

const char *saksi_sentence_kind_name(saksi_sentence_kind k)
{
    switch (k) {
    case SAKSI_SENT_HEADLINE: return "headline";
    case SAKSI_SENT_DATELINE: return "dateline";
    default: return "body";
    }
}

const char *saksi_token_class_name(saksi_token_class c)
{
    static const char *const names[] = {"word",   "capitalized", "acronym",
                                        "number", "punctuation", "quote",
                                        "symbol"};
    return (unsigned)c < sizeof names / sizeof *names ? names[c] : "?";
}
