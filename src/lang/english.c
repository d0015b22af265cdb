/*
 * english.c — English lemmas and word uses for the coder (see english.h).
 *
 * Lemmas: an irregular form is looked up (data/lang/en-irregular.tsv);
 * otherwise the regular suffixes are tried (-ies, -ied, -es, -s, -ed, -ing,
 * with a doubled consonant undone and a silent e put back), and among the
 * candidate stems the one the dictionaries name as a lemma wins
 * ("seized": seiz or seize → seize; "raided": raid). A word no dictionary
 * names gets the plainest candidate; it matches nothing either way.
 *
 * Uses: the word before a form decides, as a reader of headlines would:
 * after a determiner a noun ("the attack", "their arrests"), after a form
 * of "be" a participle is passive ("was attacked") and an -ing form active,
 * after "have" a participle is active, after an auxiliary a base form is a
 * verb ("will meet", "to attack", "did not deny"); a past form alone is an
 * active verb unless "by" follows ("soldiers killed by rebels"); an -s form
 * after a name or a pronoun is a verb ("Russia denies"), else a plural
 * noun. Adverbs (-ly words and the adverb markers) are skipped.
 */
#include "english.h"
#include "morph.h"
#include "../core/internal.h"
#include "../core/hash.h"

#include <stdlib.h>
#include <string.h>

static int tok_marked(const saksi_token *t, unsigned mark)
{
    return (t->markers & mark) != 0;
}

static int known(const saksi_model *m, const char *s, size_t n, uint32_t *id)
{
    uint32_t k = saksi_intern_find(&m->words, s, n, saksi_hash(s, n));
    if (k == SAKSI_NO_WORD || !(m->wflags2[k] & WF2_EN_LEMMA))
        return 0;
    *id = k;
    return 1;
}

static int vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Tries stem, then stem+"e", then the stem with its doubled last consonant
 * undone; the first the dictionaries name. */
static int try_stems(const saksi_model *m, const char *w, size_t stem, uint32_t *id)
{
    char buf[64];
    if (stem < 2 || stem + 1 >= sizeof buf)
        return 0;
    memcpy(buf, w, stem);
    if (known(m, buf, stem, id))
        return 1;
    buf[stem] = 'e';
    if (known(m, buf, stem + 1, id))
        return 1;
    if (stem >= 3 && buf[stem - 1] == buf[stem - 2] && !vowel(buf[stem - 1]) &&
        known(m, buf, stem - 1, id))
        return 1;
    return 0;
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && memcmp(w + n - k, suf, k) == 0;
}

/* The lemma by the suffix rules, or SAKSI_NO_WORD. */
static uint32_t regular(const saksi_model *m, const char *w, size_t n, int *form)
{
    uint32_t id;
    char buf[64];
    if (n < 4 || n >= sizeof buf)
        return SAKSI_NO_WORD;
    if (ends(w, n, "ies") || ends(w, n, "ied")) {
        memcpy(buf, w, n - 3);
        buf[n - 3] = 'y';
        *form = w[n - 1] == 's' ? EN_FORM_S : EN_FORM_ED;
        if (known(m, buf, n - 2, &id))
            return id;
    }
    if (ends(w, n, "ing") && n >= 6) {
        *form = EN_FORM_ING;
        if (try_stems(m, w, n - 3, &id))
            return id;
    }
    if (ends(w, n, "ed")) {
        *form = EN_FORM_ED;
        if (try_stems(m, w, n - 2, &id) || try_stems(m, w, n - 1, &id))
            return id;
    }
    if (w[n - 1] == 's' && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is")) {
        *form = EN_FORM_S;
        if (known(m, w, n - 1, &id))
            return id;
        /* -es after a sibilant or o: clashes, marches, vetoes */
        if ((ends(w, n, "ses") || ends(w, n, "xes") || ends(w, n, "zes") ||
             ends(w, n, "ches") || ends(w, n, "shes") || ends(w, n, "oes")) &&
            known(m, w, n - 2, &id))
            return id;
    }
    *form = EN_FORM_BASE;
    return SAKSI_NO_WORD;
}

/* The form of a word no dictionary names, by its ending alone. */
static int plain_form(const char *w, size_t n)
{
    if (n >= 5 && ends(w, n, "ing"))
        return EN_FORM_ING;
    if (n >= 4 && ends(w, n, "ed"))
        return EN_FORM_ED;
    if (n >= 4 && w[n - 1] == 's' && !ends(w, n, "ss") && !ends(w, n, "us") &&
        !ends(w, n, "is"))
        return EN_FORM_S;
    return EN_FORM_BASE;
}

int en_inflected(const saksi_model *m, uint32_t id)
{
    size_t n;
    const char *w = saksi_intern_str(&m->words, id, &n);
    return w && plain_form(w, n) != EN_FORM_BASE;
}

uint32_t en_lemma(const saksi_model *m, saksi_worker *wk, uint32_t word,
                  const char *w, size_t n, int *form)
{
    (void)wk;
    *form = EN_FORM_BASE;
    if (word < m->words.n) {
        const en_irregular *x = en_irregular_find(m, word);
        if (x) {
            *form = x->kind == EN_IRR_NOUN ? EN_FORM_PLURAL
                    : x->kind == EN_IRR_KEEP ? EN_FORM_BASE
                    : x->lemma == word ? EN_FORM_BASE
                    : ends(w, n, "ing") ? EN_FORM_ING
                    : n > 2 && w[n - 1] == 's' ? EN_FORM_S /* has, does, goes */
                                        : EN_FORM_ED;
            return x->lemma;
        }
        if (m->wflags2[word] & WF2_EN_LEMMA) {
            /* a dictionary may name a form itself ("called on"): its use
             * still follows its ending, and its lemma is the stem when a
             * dictionary names that too ("call") — a pattern written with
             * the form still matches the word */
            *form = plain_form(w, n);
            if (*form != EN_FORM_BASE) {
                int f2;
                uint32_t id = regular(m, w, n, &f2);
                if (id != SAKSI_NO_WORD && id != word)
                    return id;
            }
            return word;
        }
    }
    uint32_t id = regular(m, w, n, form);
    if (id != SAKSI_NO_WORD)
        return id;
    *form = plain_form(w, n);
    return word;
}

/* ---- uses ------------------------------------------------------------- */

static const morph_memo *memo(saksi_worker *wk, const saksi_token *t)
{
    morph_memo *e = saksi_memo_slot(&wk->en_memo, &wk->en_memo_cap, t->word, 1 << 14);
    if (!e)
        return NULL;
    if (!e->flags) {
        int form;
        e->root = en_lemma(wk->m, wk, t->word, t->norm, t->norm_len, &form);
        e->aff[0] = (uint8_t)form;
        e->flags = MORPH_ANALYZED | MORPH_LEXICON;
    }
    return e;
}

static unsigned grammar(const saksi_model *m, const saksi_token *t)
{
    return saksi_model_wflags2(m, t->word);
}

static int is_word(const saksi_token *t)
{
    return t->cls == SAKSI_TOK_WORD || t->cls == SAKSI_TOK_CAPITALIZED;
}

static int adverb(const saksi_model *m, const saksi_token *t)
{
    if (grammar(m, t) & (WF2_EN_BE | WF2_EN_HAVE | WF2_EN_AUX))
        return 0; /* "has", marked an adverb for the coder, is an auxiliary */
    if (tok_marked(t, SAKSI_MARK_ADVERB))
        return 1;
    return t->cls == SAKSI_TOK_WORD && t->norm_len > 4 &&
           memcmp(t->norm + t->norm_len - 2, "ly", 2) == 0 &&
           !(grammar(m, t) & (WF2_EN_DET | WF2_EN_LEMMA));
}

/* Is token k part of a quantity ("three", "dozens of")? The mentions are
 * in text order (lang/mentions.c): a binary search finds the first that
 * may hold it. */
static int in_quantity(const struct saksi_doc *d, size_t k)
{
    size_t lo = 0, hi = d->nments;
    while (lo < hi) { /* the first mention starting after k */
        size_t mid = lo + (hi - lo) / 2;
        if (d->ments[mid].first_token <= k)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* mentions starting at or before k, nearest first; a quantity is a
     * few words long */
    for (size_t i = lo; i-- > 0 && k - d->ments[i].first_token < 16;) {
        const saksi_mention *x = &d->ments[i];
        if (x->kind == SAKSI_MENTION_QUANTITY && k < x->first_token + x->n_tokens)
            return 1;
    }
    return 0;
}

/* "Russian", "Chinese", "British", "Israeli": a capitalized word that reads
 * as a nationality adjective before a noun. */
static int adjective_of_nation(const saksi_token *t)
{
    const char *w = t->norm;
    size_t n = t->norm_len;
    return ends(w, n, "an") || ends(w, n, "ese") || ends(w, n, "ish") ||
           ends(w, n, "i") || ends(w, n, "ch");
}

/* The use of the word at k, as an affix code: AFF_MEN (a verb), AFF_DI (a
 * passive participle), AFF_AN (a noun), or AFF_NONE. */
static int use_of(const saksi_model *m, const struct saksi_doc *d, size_t first,
                  size_t end, size_t k, int form)
{
    size_t p = k;
    while (p > first && adverb(m, &d->toks[p - 1]))
        p--;
    const saksi_token *prev = p > first ? &d->toks[p - 1] : NULL;
    unsigned g = prev ? grammar(m, prev) : 0;
    /* "that" is a determiner and opens a clause: "slogans that urged" */
    int det = ((g & WF2_EN_DET) && !tok_marked(prev, SAKSI_MARK_CLAUSE | SAKSI_MARK_RELATIVE)) ||
              (prev && (prev->cls == SAKSI_TOK_NUMBER || in_quantity(d, p - 1)));
    /* a name or a pronoun before: a subject ("Russia denies", "he
     * says"); a nationality adjective is no subject ("Ukrainian soldiers") */
    int name = prev && ((prev->morph & MORPH_PROPER) ||
                        prev->cls == SAKSI_TOK_ACRONYM ||
                        tok_marked(prev, SAKSI_MARK_PRONOUN | SAKSI_MARK_FIRST_PERSON));
    if (name && (prev->morph & MORPH_PROPER) && adjective_of_nation(prev))
        name = 0;
    int by_next = k + 1 < end && tok_marked(&d->toks[k + 1], SAKSI_MARK_BY);
    switch (form) {
    case EN_FORM_ED:
        if (g & WF2_EN_BE)
            return AFF_DI;
        if (g & WF2_EN_HAVE)
            return AFF_MEN;
        if (det)
            return AFF_AN;
        return by_next ? AFF_DI : AFF_MEN;
    case EN_FORM_ING:
        if (det)
            return AFF_AN;
        /* "fighting between the two sides", "Fighting in Donetsk": a noun
         * opening its sentence or before "between" */
        if (k + 1 < end && (tok_marked(&d->toks[k + 1], SAKSI_MARK_BETWEEN) ||
                            (!prev && tok_marked(&d->toks[k + 1], SAKSI_MARK_PLACE |
                                                                      SAKSI_MARK_PREPOSITION))))
            return AFF_AN;
        return AFF_MEN;
    case EN_FORM_S:
        if (det)
            return AFF_AN;
        return name ? AFF_MEN : AFF_AN;
    case EN_FORM_PLURAL:
        return AFF_AN;
    default:
        if (g & WF2_EN_AUX)
            return AFF_MEN;
        if (det || (g & WF2_EN_BE))
            return AFF_AN;
        if (prev && tok_marked(prev, SAKSI_MARK_PRONOUN | SAKSI_MARK_FIRST_PERSON))
            return AFF_MEN;
        return AFF_AN;
    }
}

int en_lemmas(saksi_worker *wk, struct saksi_doc *d, size_t si)
{
    const saksi_model *m = wk->m;
    const saksi_sentence *s = &d->sents[si];
    size_t first = s->first_token, end = first + s->n_tokens;
    for (size_t k = first; k < end; k++) {
        saksi_token *t = &d->toks[k];
        if (!is_word(t))
            continue;
        /* a capitalized word inside a sentence is a name: not lemmatized */
        if (t->cls == SAKSI_TOK_CAPITALIZED && k != first &&
            !(d->toks[k - 1].cls == SAKSI_TOK_QUOTE && k - 1 == first)) {
            t->morph = MORPH_ANALYZED | MORPH_PROPER;
            continue;
        }
        const morph_memo *e = memo(wk, t);
        if (!e)
            return -1;
        t->root = e->root;
        const char *rs = e->root < m->words.n ? saksi_intern_str(&m->words, e->root, NULL)
                                              : saksi_intern_str(&wk->local, e->root, NULL);
        t->root_str = rs ? rs : t->norm;
        t->morph = e->flags;
    }
    return 0;
}

void en_uses(saksi_worker *wk, struct saksi_doc *d, size_t si)
{
    const saksi_model *m = wk->m;
    const saksi_sentence *s = &d->sents[si];
    size_t first = s->first_token, end = first + s->n_tokens;
    for (size_t k = first; k < end; k++) {
        saksi_token *t = &d->toks[k];
        if (!is_word(t) || (t->morph & MORPH_PROPER) || !(t->morph & MORPH_ANALYZED) ||
            t->word >= wk->en_memo_cap ||
            (t->markers & ~(unsigned)(SAKSI_MARK_LIGHT | SAKSI_MARK_DENIAL |
                                      SAKSI_MARK_RECEIVE | SAKSI_MARK_INTENT)) ||
            (grammar(m, t) & (WF2_EN_DET | WF2_EN_BE | WF2_EN_HAVE | WF2_EN_AUX)))
            continue;
        int use = use_of(m, d, first, end, k, wk->en_memo[t->word].aff[0]);
        t->n_affixes = use != AFF_NONE;
        t->affixes[0] = (unsigned char)use;
    }
}
