/*
 * segment.c — the sentence segmenter: tokens → sentences.
 *
 * The rules are those of docs/segmentation.md. The segmenter decides, for
 * each token, whether a sentence starts there: always after a blank line,
 * after a single line break unless the text is hard-wrapped, and after
 * terminal punctuation (plus the closing quotes and brackets glued to it)
 * when blank space follows and the next word can open a sentence — unless
 * the full stop belongs to an abbreviation or an initial. Abbreviations come
 * from the model's data (data/text/abbreviations.tsv), not from code.
 * An article-opening dateline ("Jakarta, CNN Indonesia --") is split off as
 * a segment of its own.
 */
#include "../core/internal.h"
#include "utf8.h"

#include <string.h>

static int32_t first_cp(const struct saksi_doc *d, const saksi_token *t)
{
    int32_t cp;
    saksi_utf8_decode((const unsigned char *)d->article.text,
                      d->article.text_len, t->start, &cp);
    return cp;
}

static int tok_is(const struct saksi_doc *d, const saksi_token *t,
                  const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n &&
           memcmp(d->article.text + t->start, s, n) == 0;
}

static int is_terminal(const struct saksi_doc *d, const saksi_token *t)
{
    if (t->cls != SAKSI_TOK_PUNCT)
        return 0;
    return saksi_char_kind_of(first_cp(d, t)) == CH_TERMINAL;
}

static int is_closer(const struct saksi_doc *d, const saksi_token *t)
{
    if (t->cls == SAKSI_TOK_QUOTE) {
        int32_t cp = first_cp(d, t);
        /* opening-only marks never close */
        return cp != 0x201C && cp != 0x2018 && cp != 0x201E && cp != 0x00AB;
    }
    return t->cls == SAKSI_TOK_PUNCT &&
           saksi_char_kind_of(first_cp(d, t)) == CH_CLOSE;
}

static int is_opener_mark(const struct saksi_doc *d, const saksi_token *t)
{
    if (t->cls == SAKSI_TOK_QUOTE)
        return 1;
    return t->cls == SAKSI_TOK_PUNCT &&
           saksi_char_kind_of(first_cp(d, t)) == CH_OPEN;
}

static int is_dash(const struct saksi_doc *d, const saksi_token *t)
{
    return t->cls == SAKSI_TOK_PUNCT &&
           saksi_char_kind_of(first_cp(d, t)) == CH_DASH;
}

/* Can token i open a sentence? Upper-case words, numbers, symbols, and
 * quotes or brackets before one of those. Lower-case words cannot. */
static int can_open(const struct saksi_doc *d, size_t i)
{
    for (size_t k = i; k < d->ntoks && k < i + 3; k++) {
        const saksi_token *t = &d->toks[k];
        switch (t->cls) {
        case SAKSI_TOK_CAPITALIZED:
        case SAKSI_TOK_ACRONYM:
        case SAKSI_TOK_NUMBER:
        case SAKSI_TOK_SYMBOL:
            return 1;
        case SAKSI_TOK_WORD:
            /* caseless scripts can open; lower-case words cannot */
            return saksi_char_kind_of(first_cp(d, t)) == CH_LETTER;
        case SAKSI_TOK_QUOTE:
        case SAKSI_TOK_PUNCT:
            if (!is_opener_mark(d, t))
                return 0;
            continue;
        }
    }
    return 0;
}

/* Is token i a typical sentence opener: a capitalized function word? */
static int is_opener_word(const saksi_model *m, const struct saksi_doc *d,
                          size_t i)
{
    while (i < d->ntoks && is_opener_mark(d, &d->toks[i]))
        i++;
    if (i >= d->ntoks)
        return 1;
    const saksi_token *t = &d->toks[i];
    if (t->cls != SAKSI_TOK_CAPITALIZED)
        return 0;
    return (saksi_model_wflags(m, t->word) & (WF_LANG_ID | WF_LANG_EN)) != 0;
}

static int single_upper_letter(const struct saksi_doc *d, const saksi_token *t)
{
    if (t->cls != SAKSI_TOK_CAPITALIZED)
        return 0;
    int32_t cp;
    size_t len = saksi_utf8_decode((const unsigned char *)d->article.text,
                                   d->article.text_len, t->start, &cp);
    return t->start + len == t->end;
}

/* Does a sentence start at token i (i > 0)? */
static int breaks_before(const saksi_model *m, const struct saksi_doc *d,
                         size_t i, size_t first, int wrapped)
{
    const saksi_token *t = &d->toks[i];
    if (t->newlines >= 2 || (t->newlines == 1 && !wrapped))
        return 1;
    if (t->start == d->toks[i - 1].end) /* no blank space before */
        return 0;
    /* step back over closing quotes and brackets glued to the punctuation */
    size_t p = i - 1;
    while (p > 0 && is_closer(d, &d->toks[p]) &&
           d->toks[p].start == d->toks[p - 1].end)
        p--;
    const saksi_token *end = &d->toks[p];
    if (!can_open(d, i))
        return 0;
    if (end->cls != SAKSI_TOK_PUNCT) {
        /* a word that swallowed its final dot: initials such as U.S. */
        if (end->end > end->start && d->article.text[end->end - 1] == '.' &&
            end->cls != SAKSI_TOK_NUMBER)
            return is_opener_word(m, d, i);
        return 0;
    }
    if (!is_terminal(d, end))
        return 0;
    if (p > 0 && tok_is(d, end, ".") && d->toks[p - 1].end == end->start) {
        const saksi_token *a = &d->toks[p - 1];
        unsigned f = saksi_model_wflags(m, a->word);
        if (f & WF_ABBR_TITLE)
            return 0;
        if (f & (WF_ABBR_FINAL))
            return is_opener_word(m, d, i);
        if (single_upper_letter(d, a)) /* an initial, unless a function */
            return is_opener_word(m, d, i); /* word follows: "hari H. Jadi" */
        if (p - 1 == first && a->cls == SAKSI_TOK_NUMBER)
            return 0; /* a list marker: "1. Saya sampai…" */
    }
    return 1;
}

/* A dateline opening the article: up to eight capitalized words, acronyms,
 * commas, brackets and dotted names, then a dash with blank space around it.
 * Returns the index of the dash, or (size_t)-1. */
static size_t find_dateline(const struct saksi_doc *d)
{
    size_t n = d->ntoks < 12 ? d->ntoks : 12;
    int words = 0;
    for (size_t i = 0; i < n; i++) {
        const saksi_token *t = &d->toks[i];
        if (i > 0 && t->newlines)
            return (size_t)-1;
        if (is_dash(d, t)) {
            if (i == 0 || words == 0 || i + 1 >= d->ntoks)
                return (size_t)-1;
            if (t->start == d->toks[i - 1].end ||
                d->toks[i + 1].start == t->end || d->toks[i + 1].newlines)
                return (size_t)-1;
            if (t->end - d->toks[0].start > 80)
                return (size_t)-1;
            return can_open(d, i + 1) ? i : (size_t)-1;
        }
        switch (t->cls) {
        case SAKSI_TOK_CAPITALIZED:
        case SAKSI_TOK_ACRONYM:
            if (++words > 8)
                return (size_t)-1;
            break;
        case SAKSI_TOK_WORD:
            /* "kompas.com" style outlet names only */
            if (!memchr(d->article.text + t->start, '.', t->end - t->start))
                return (size_t)-1;
            words++;
            break;
        case SAKSI_TOK_PUNCT:
            if (i == 0 || !(tok_is(d, t, ",") || tok_is(d, t, "(") ||
                            tok_is(d, t, ")")))
                return (size_t)-1;
            break;
        default:
            return (size_t)-1;
        }
    }
    return (size_t)-1;
}

/* Hard-wrapped text: most lines that do not close a paragraph are long and
 * end without terminal punctuation. */
static int is_wrapped(const struct saksi_doc *d)
{
    const char *s = d->article.text;
    size_t n = d->article.text_len, lines = 0, open_long = 0;
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n')
            e++;
        size_t b = i, z = e;
        while (b < z && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r'))
            b++;
        while (z > b && (s[z - 1] == ' ' || s[z - 1] == '\t' ||
                         s[z - 1] == '\r'))
            z--;
        /* a line followed by another non-blank line */
        int followed = e + 1 < n && s[e + 1] != '\n' && s[e + 1] != '\r';
        if (z > b && followed) {
            lines++;
            char last = s[z - 1];
            if (z - b >= 40 && !strchr(".!?:\"')]", last) &&
                (unsigned char)last < 0x80)
                open_long++;
        }
        i = e + 1;
    }
    return lines >= 3 && open_long * 10 >= lines * 6;
}

static int push_sentence(saksi_worker *w, struct saksi_doc *d, size_t *cap,
                         size_t first, size_t last, size_t paragraph,
                         saksi_sentence_kind kind)
{
    if (d->nsents == *cap) {
        size_t ncap = *cap * 2 + 16;
        saksi_sentence *ns = saksi_arena_alloc(&w->arena, ncap * sizeof *ns);
        if (!ns)
            return -1;
        if (d->nsents)
            memcpy(ns, d->sents, d->nsents * sizeof *ns);
        d->sents = ns;
        *cap = ncap;
    }
    saksi_sentence *s = &d->sents[d->nsents];
    s->index = d->nsents++;
    s->first_token = first;
    s->n_tokens = last - first + 1;
    s->start = d->toks[first].start;
    s->end = d->toks[last].end;
    s->paragraph = paragraph;
    s->lang = SAKSI_LANG_UNKNOWN;
    s->kind = kind;
    return 0;
}

/* Ends without terminal punctuation and a line break follows. */
static int is_headline(const struct saksi_doc *d, size_t last)
{
    if (last + 1 >= d->ntoks || d->toks[last + 1].newlines == 0)
        return 0;
    size_t p = last;
    while (p > 0 && is_closer(d, &d->toks[p]))
        p--;
    const saksi_token *t = &d->toks[p];
    if (is_terminal(d, t))
        return 0;
    return !(t->cls != SAKSI_TOK_PUNCT && t->end > t->start &&
             d->article.text[t->end - 1] == '.');
}

int saksi_segment(saksi_worker *w, struct saksi_doc *d)
{
    d->sents = NULL;
    d->nsents = 0;
    if (d->ntoks == 0)
        return 0;
    size_t cap = 0, paragraph = 0, first = 0;
    size_t dash = find_dateline(d);
    if (dash != (size_t)-1) {
        if (push_sentence(w, d, &cap, 0, dash, 0, SAKSI_SENT_DATELINE))
            return -1;
        first = dash + 1;
    }
    int wrapped = is_wrapped(d);
    for (size_t i = first + 1; i <= d->ntoks; i++) {
        if (i < d->ntoks && !breaks_before(w->m, d, i, first, wrapped))
            continue;
        saksi_sentence_kind kind =
            is_headline(d, i - 1) ? SAKSI_SENT_HEADLINE : SAKSI_SENT_BODY;
        if (push_sentence(w, d, &cap, first, i - 1, paragraph, kind))
            return -1;
        if (i < d->ntoks && d->toks[i].newlines >= 2)
            paragraph++;
        first = i;
    }
    return 0;
}
