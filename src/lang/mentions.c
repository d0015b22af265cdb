/*
 * mentions.c — the stage that finds function words, quantities and time
 * expressions in each sentence.
 *
 * First every token gets the marker categories of the function phrase it
 * is part of (data/lang/markers.tsv: tidak → negation, akan → future,
 * kedua belah pihak → reciprocal); a phrase of several words is also a
 * mention. Then, left to right, a time expression is tried at each token
 * before a quantity ("tahun 2020" is a year, "2.000 pasukan" a count); a
 * sentence with a future or intent marker resolves bare weekdays forward.
 */
#include "../core/internal.h"
#include "../core/date.h"

#include <stdio.h>
#include <string.h>

static int push(saksi_worker *w, struct saksi_doc *d, size_t *cap,
                const saksi_mention *m)
{
    if (d->nments == *cap) {
        size_t ncap = *cap * 2 + 32;
        saksi_mention *v = saksi_arena_alloc(&w->arena, ncap * sizeof *v);
        if (!v)
            return -1;
        if (d->nments)
            memcpy(v, d->ments, d->nments * sizeof *v);
        d->ments = v;
        *cap = ncap;
    }
    d->ments[d->nments++] = *m;
    return 0;
}

static int is_boundary(const saksi_token *t)
{
    if (t->markers & (SAKSI_MARK_REPORTING | SAKSI_MARK_CLAUSE))
        return 1;
    if (t->cls == SAKSI_TOK_QUOTE)
        return 1;
    if (t->cls == SAKSI_TOK_PUNCT && t->norm_len == 1)
        return t->norm[0] == ',' || t->norm[0] == ';' || t->norm[0] == ':';
    return 0;
}

/* Is value k a function-word value usable in language `lang`? */
static int marker_value(const phrase_trie *t, uint32_t k, saksi_lang lang)
{
    return t->vals[k].table == PT_MARKER &&
           (!t->vals[k].lang || t->vals[k].lang == lang ||
            lang == SAKSI_LANG_UNKNOWN);
}

/* The longest function phrase at token i, as phrase_find(PT_MARKER) finds
 * it, and in *bits every category of the phrases of that length among the
 * first 8 matches, in one walk of the trie: the walk that phrase_find and
 * phrase_match would each make. */
static size_t marker_at(const phrase_trie *t, const struct saksi_doc *d,
                        size_t i, size_t end, saksi_lang lang, unsigned *bits)
{
    phrase_hit hits[16];
    size_t nh = phrase_match(t, d->toks, i, end, hits, 16, PM_STRICT);
    size_t n = 0;
    for (size_t h = nh; h-- > 0 && !n;) /* longest first */
        for (uint32_t k = hits[h].val; k && !n; k = t->vals[k].next)
            if (marker_value(t, k, lang))
                n = hits[h].len;
    *bits = 0;
    if (!n)
        return 0;
    if (nh > 8) /* which 8 the walk meets first: walk again, stopping there */
        nh = phrase_match(t, d->toks, i, end, hits, 8, PM_STRICT);
    for (size_t h = 0; h < nh; h++)
        if (hits[h].len == n)
            for (uint32_t k = hits[h].val; k; k = t->vals[k].next)
                if (marker_value(t, k, lang))
                    *bits |= (unsigned)t->vals[k].ival;
    return n;
}

/* Marks tokens with the categories of the longest function phrase at each
 * position; phrases of several words become mentions. Returns the
 * sentence's categories. */
static unsigned mark(saksi_worker *w, struct saksi_doc *d,
                     const saksi_sentence *s, size_t *cap, int *err)
{
    const phrase_trie *t = &w->m->phrases;
    unsigned all = 0;
    size_t end = s->first_token + s->n_tokens;
    for (size_t i = s->first_token; i < end;) {
        /* every category the phrase has */
        unsigned bits = 0;
        size_t n = saksi_model_starts(w->m, &d->toks[i], WF_PH_MARKER)
                       ? marker_at(t, d, i, end, s->lang, &bits)
                       : 0;
        if (!n) {
            i++;
            continue;
        }
        for (size_t k = i; k < i + n; k++)
            d->toks[k].markers |= bits;
        all |= bits;
        if (n > 1) {
            saksi_mention m;
            memset(&m, 0, sizeof m);
            m.kind = SAKSI_MENTION_MARKER;
            m.sentence = s->index;
            m.first_token = i;
            m.n_tokens = n;
            m.start = d->toks[i].start;
            m.end = d->toks[i + n - 1].end;
            m.markers = bits;
            if (push(w, d, cap, &m))
                *err = 1;
        }
        i += n;
    }
    return all;
}

/* Does the clause around token i hold a future or intent marker? A clause
 * ends at punctuation, quotes, and words that open a new one (reporting
 * verbs, bahwa, that): in "Pence pada Rabu mengatakan Washington akan …"
 * the Wednesday is not future. */
static int clause_is_future(const struct saksi_doc *d, size_t first,
                            size_t end, size_t i)
{
    size_t a = i, b = i;
    while (a > first && !is_boundary(&d->toks[a - 1]))
        a--;
    while (b < end && !is_boundary(&d->toks[b]))
        b++;
    for (size_t k = a; k < b; k++)
        if (d->toks[k].markers & (SAKSI_MARK_FUTURE | SAKSI_MARK_INTENT))
            return 1;
    return 0;
}

int saksi_mentions(saksi_worker *w, struct saksi_doc *d)
{
    size_t cap = 0;
    int err = 0;
    d->ments = NULL;
    d->nments = 0;
    for (size_t si = 0; si < d->nsents; si++) {
        const saksi_sentence *s = &d->sents[si];
        size_t first = d->nments;
        unsigned marks = mark(w, d, s, &cap, &err);
        int any_future = (marks & (SAKSI_MARK_FUTURE | SAKSI_MARK_INTENT)) != 0;
        size_t end = s->first_token + s->n_tokens;
        for (size_t i = s->first_token; i < end;) {
            saksi_mention m;
            int future = any_future &&
                         clause_is_future(d, s->first_token, end, i);
            size_t n = saksi_time_at(w->m, d, i, end, s->lang, future, &m);
            if (!n)
                n = saksi_quantity_at(w->m, d, i, end, s->lang, &m);
            if (!n) {
                i++;
                continue;
            }
            m.sentence = s->index;
            if (push(w, d, &cap, &m))
                return -1;
            if (m.kind == SAKSI_MENTION_TIME && m.precision == SAKSI_PREC_DAY) {
                int y, mo, dd; /* "hari itu" will mean this day */
                if (sscanf(m.date, "%d-%d-%d", &y, &mo, &dd) == 3) {
                    d->has_last_day = 1;
                    d->last_day = saksi_days_from_civil(y, mo, dd);
                }
            }
            i += n;
        }
        /* keep the sentence's mentions in text order (markers came first) */
        for (size_t a = first + 1; a < d->nments; a++) {
            saksi_mention x = d->ments[a];
            size_t b = a;
            while (b > first && d->ments[b - 1].first_token > x.first_token) {
                d->ments[b] = d->ments[b - 1];
                b--;
            }
            d->ments[b] = x;
        }
    }
    return err ? -1 : 0;
}

size_t saksi_doc_mention_count(const saksi_doc *d)
{
    return d->nments;
}

const saksi_mention *saksi_doc_mention(const saksi_doc *d, size_t i)
{
    return i < d->nments ? &d->ments[i] : NULL;
}

const char *saksi_precision_name(saksi_precision p)
{
    static const char *const names[] = {"none", "day",  "week",
                                        "month", "year", "decade"};
    return (unsigned)p < sizeof names / sizeof *names ? names[p] : "none";
}

/* Processes a short text and returns the first mention of `kind` that
 * starts at its first token. */
static int parse_alone(saksi_worker *w, const char *text, size_t len,
                       const char *lang, const char *pubdate, int future,
                       saksi_mention_kind kind, saksi_mention *out)
{
    saksi_article a;
    memset(&a, 0, sizeof a);
    a.id = "expression";
    a.date = pubdate;
    a.lang = lang;
    a.text = text;
    a.text_len = len;
    const saksi_doc *doc;
    if (saksi_process(w, &a, &doc) != SAKSI_OK)
        return -1;
    struct saksi_doc *d = &w->doc;
    if (!d->ntoks || !d->nsents)
        return 0;
    /* the expression is one unit: parse it as one sentence */
    saksi_lang l = d->sents[0].lang;
    saksi_mention m;
    size_t n = kind == SAKSI_MENTION_TIME
                   ? saksi_time_at(w->m, d, 0, d->ntoks, l, future, &m)
                   : saksi_quantity_at(w->m, d, 0, d->ntoks, l, &m);
    if (!n)
        return 0;
    *out = m;
    return 1;
}

int saksi_parse_quantity(saksi_worker *w, const char *text, size_t len,
                         const char *lang, saksi_mention *out)
{
    return parse_alone(w, text, len, lang, NULL, 0, SAKSI_MENTION_QUANTITY,
                       out);
}

int saksi_parse_time(saksi_worker *w, const char *text, size_t len,
                     const char *lang, const char *pubdate, int future,
                     saksi_mention *out)
{
    return parse_alone(w, text, len, lang, pubdate, future,
                       SAKSI_MENTION_TIME, out);
}
