/*
 * langid.c — which language an article and each of its sentences are in:
 * Indonesian, English or unknown.
 *
 * The idea: the two languages share an alphabet but not their function
 * words (yang, dan, di, ini / the, of, and, is). Each word of a sentence
 * that is a function word of one language votes for it; the lists are data
 * (data/lang/function-words.tsv), and so do those of a few other
 * languages, which vote for "unknown". Lower-case words that are not function
 * words vote through their affixes (meng-, -nya / -tion, -ing:
 * data/lang/affix-cues.tsv). The article's language is the clear
 * winner of all its votes; a sentence with too few votes of its own (a
 * headline, "Nasi Gandul.") takes the article's language, and a sentence of
 * several words with no votes at all is unknown.
 */
#include "../core/internal.h"

#include <string.h>

typedef struct {
    unsigned id, en, other, words;
} votes;

/* The language flags of the affix cues a lower-case word carries. */
static unsigned cue_flags(const saksi_model *m, const saksi_token *t)
{
    unsigned f = 0;
    for (size_t i = 0; i < m->ncues; i++) {
        const lang_cue *c = &m->cues[i];
        if (t->norm_len < (size_t)c->len + 3)
            continue;
        const char *at = c->suffix ? t->norm + t->norm_len - c->len : t->norm;
        /* the first byte alone rules out most cues, without a call */
        if ((!c->len || at[0] == c->affix[0]) &&
            memcmp(at, c->affix, c->len) == 0)
            f |= c->lang;
    }
    return f == (WF_LANG_ID | WF_LANG_EN) ? 0 : f;
}

static votes count_votes(const saksi_model *m, const struct saksi_doc *d,
                         size_t first, size_t n)
{
    votes v = {0, 0, 0, 0};
    for (size_t i = first; i < first + n; i++) {
        const saksi_token *t = &d->toks[i];
        if (t->cls > SAKSI_TOK_ACRONYM)
            continue;
        v.words++;
        unsigned f = saksi_model_wflags(m, t->word);
        if (!(f & (WF_LANG_ID | WF_LANG_EN | WF_LANG_OTHER)) &&
            t->cls == SAKSI_TOK_WORD)
            f = cue_flags(m, t);
        if (f & WF_LANG_ID)
            v.id++;
        if (f & WF_LANG_EN)
            v.en++;
        if (f & WF_LANG_OTHER)
            v.other++;
    }
    return v;
}

/* A clear winner: at least `min` votes and `ratio` (in halves: 4 = twice)
 * times the other's. */
static saksi_lang winner(votes v, unsigned min, unsigned ratio)
{
    if (v.other >= min && v.other >= v.id + v.en)
        return SAKSI_LANG_UNKNOWN; /* French, Spanish, German… */
    if (v.id >= min && 2 * v.id >= ratio * v.en && v.id > v.en)
        return SAKSI_LANG_ID;
    if (v.en >= min && 2 * v.en >= ratio * v.id && v.en > v.id)
        return SAKSI_LANG_EN;
    return SAKSI_LANG_UNKNOWN;
}

static saksi_lang declared_lang(const char *tag)
{
    if (!tag)
        return SAKSI_LANG_UNKNOWN;
    if (strcmp(tag, "id") == 0 || strncmp(tag, "id-", 3) == 0 ||
        strcmp(tag, "ind") == 0)
        return SAKSI_LANG_ID;
    if (strcmp(tag, "en") == 0 || strncmp(tag, "en-", 3) == 0 ||
        strcmp(tag, "eng") == 0)
        return SAKSI_LANG_EN;
    return SAKSI_LANG_UNKNOWN;
}

void saksi_identify_lang(const saksi_model *m, struct saksi_doc *d,
                         const char *declared)
{
    saksi_lang article;
    if (declared && *declared) {
        article = declared_lang(declared);
    } else {
        votes all = count_votes(m, d, 0, d->ntoks);
        article = winner(all, 2, 3); /* 1.5 times */
    }
    d->lang = article;
    for (size_t i = 0; i < d->nsents; i++) {
        saksi_sentence *s = &d->sents[i];
        votes v = count_votes(m, d, s->first_token, s->n_tokens);
        saksi_lang l = winner(v, 2, 4); /* twice */
        if (l == SAKSI_LANG_UNKNOWN) {
            if (v.id + v.en == 0 && v.words >= 6 && s->kind == SAKSI_SENT_BODY)
                l = SAKSI_LANG_UNKNOWN;
            else
                l = article;
        }
        s->lang = l;
    }
}
