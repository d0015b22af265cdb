/*
 * token.c — the tokenizer: article bytes → tokens with byte spans.
 *
 * One pass over the UTF-8 text. Words keep their inner hyphens, apostrophes
 * and dots (negara-negara, Ma'ruf, kpk.go.id, U.S.), numbers keep their
 * separators (2.000, 1,5, 09.40, 4/8/2022, 1990-an), and everything else is
 * a one-character token except runs of dots, dashes and ?/! marks. English
 * possessive 's is split off its noun; a short currency prefix is split off
 * its amount (Rp2,5 → Rp 2,5). Each token records how many line breaks
 * preceded it (the segmenter uses them) and its folded, interned form.
 */
#include "../core/internal.h"
#include "utf8.h"

#include <string.h>

typedef struct {
    const unsigned char *s;
    size_t n;
} text_t;

static saksi_char_kind kind_at(text_t t, size_t i, int32_t *cp, size_t *len)
{
    if (t.s[i] < 0x80) { /* ASCII: no decoding */
        if (cp)
            *cp = t.s[i];
        if (len)
            *len = 1;
        return (saksi_char_kind)saksi_ascii_kind[t.s[i]];
    }
    int32_t c;
    size_t l = saksi_utf8_decode(t.s, t.n, i, &c);
    if (cp)
        *cp = c;
    if (len)
        *len = l;
    return saksi_char_kind_of(c);
}

static int is_wordish(saksi_char_kind k)
{
    return k == CH_UPPER || k == CH_LOWER || k == CH_LETTER ||
           k == CH_MARK || k == CH_DIGIT;
}

static int is_letter(saksi_char_kind k)
{
    return k == CH_UPPER || k == CH_LOWER || k == CH_LETTER;
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* Kind of the character at i, or CH_SPACE past the end. */
static saksi_char_kind peek(text_t t, size_t i, int32_t *cp)
{
    if (i >= t.n) {
        if (cp)
            *cp = 0;
        return CH_SPACE;
    }
    return kind_at(t, i, cp, NULL);
}

typedef struct {
    size_t end;
    saksi_token_class cls;
} scan_t;

/* A word starting at i: letters, marks and digits, joined across in-word
 * hyphens, apostrophes and dots. */
static scan_t scan_word(text_t t, size_t i)
{
    size_t j = i;
    size_t nletters = 0, nupper = 0, nlower = 0, ndigits = 0;
    int first_upper = -1, dots_only_initials = 1, seen_dot = 0;
    size_t run_letters = 0; /* letters since the last dot */
    int32_t prev = 0;
    for (;;) {
        int32_t cp;
        size_t len;
        if (j >= t.n)
            break;
        if (t.s[j] >= 'a' && t.s[j] <= 'z') {
            /* the common case, a run of lower-case ASCII letters: counted
             * as the loop below counts them one by one */
            size_t k = j + 1;
            while (k < t.n && t.s[k] >= 'a' && t.s[k] <= 'z')
                k++;
            nletters += k - j;
            nlower += k - j;
            run_letters += k - j;
            if (first_upper < 0)
                first_upper = 0;
            prev = t.s[k - 1];
            j = k;
            continue;
        }
        saksi_char_kind k = kind_at(t, j, &cp, &len);
        if (is_wordish(k)) {
            if (k == CH_DIGIT && nletters > 0 && ndigits == 0 &&
                nletters <= 3 && nletters >= 2 && nupper == 1 &&
                first_upper == 1 && j - i == nletters)
                break; /* Rp2,5 → Rp | 2,5 */
            if (is_letter(k)) {
                nletters++;
                run_letters++;
                if (first_upper < 0)
                    first_upper = (k == CH_UPPER);
            }
            if (k == CH_UPPER)
                nupper++;
            else if (k == CH_LOWER)
                nlower++;
            else if (k == CH_DIGIT)
                ndigits++;
            prev = cp;
            j += len;
            continue;
        }
        int32_t next;
        saksi_char_kind nk = peek(t, j + len, &next);
        if (is_hyphen(cp) && is_wordish(nk)) {
            prev = cp;
            j += len;
            continue;
        }
        if (is_apostrophe(cp) && is_letter(nk)) {
            /* English possessive: ’s / 's at the end of a word */
            if ((next == 's' || next == 'S') &&
                !is_wordish(peek(t, j + len + 1, NULL)))
                break;
            prev = cp;
            j += len;
            continue;
        }
        if (cp == '.' && is_letter(nk)) {
            /* "tewas.Dia" is two words run together; "U.S", "kpk.go" not */
            saksi_char_kind pk = saksi_char_kind_of(prev);
            if (nk == CH_UPPER && pk == CH_LOWER)
                break;
            if (run_letters != 1)
                dots_only_initials = 0;
            run_letters = 0;
            seen_dot = 1;
            prev = cp;
            j += len;
            continue;
        }
        break;
    }
    /* Initials such as U.S. or a.n. keep their final dot. */
    if (seen_dot && dots_only_initials && run_letters == 1 && j < t.n &&
        t.s[j] == '.')
        j++;
    scan_t r = {j, SAKSI_TOK_WORD};
    if (first_upper == 1)
        r.cls = (nlower == 0 && (nletters >= 2 || ndigits > 0))
                    ? SAKSI_TOK_ACRONYM
                    : SAKSI_TOK_CAPITALIZED;
    return r;
}

/* A number starting at i: digits joined across . , : / between digits, a
 * letter suffix (4G, 19th, 10km) and an Indonesian "-an" (1990-an). */
static scan_t scan_number(text_t t, size_t i)
{
    size_t j = i;
    for (;;) {
        int32_t cp;
        size_t len;
        if (j >= t.n)
            break;
        saksi_char_kind k = kind_at(t, j, &cp, &len);
        if (k == CH_DIGIT || is_letter(k) || k == CH_MARK) {
            j += len;
            continue;
        }
        saksi_char_kind nk = peek(t, j + len, NULL);
        if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') &&
            nk == CH_DIGIT) {
            j += len;
            continue;
        }
        if (is_hyphen(cp) && is_letter(nk)) {
            j += len;
            continue;
        }
        break;
    }
    scan_t r = {j, SAKSI_TOK_NUMBER};
    return r;
}

/* The token's folded, interned word: folded and looked up in the model's
 * and the worker's interners (and remembered in the word cache). */
static int intern_slow(saksi_worker *w, saksi_token *tk, const char *s,
                       size_t n, const wc_key *k)
{
    saksi_buf_clear(&w->fold);
    if (saksi_fold(s, n, &w->fold, &w->scratch))
        return -1;
    tk->word = saksi_worker_word(w, w->fold.data, w->fold.len, &tk->norm);
    if (tk->word == SAKSI_NO_WORD)
        return -1;
    tk->norm_len = w->fold.len;
    if (k)
        saksi_wordcache_put(&w->wcache, k, n, tk->word, tk->norm,
                            tk->norm_len);
    return 0;
}

/* How far ahead the cache slots of tokens are fetched. */
enum { AHEAD = 8 };

static wc_key key_of(const saksi_worker *w, const struct saksi_doc *d,
                     size_t i)
{
    const saksi_token *tk = &d->toks[i];
    wc_key k = saksi_wordcache_key(&w->wcache, d->article.text + tk->start,
                                   tk->end - tk->start,
                                   d->article.text_len - tk->start);
    saksi_wordcache_prefetch(&w->wcache, &k);
    return k;
}

/* Every token's folded, interned word, mostly from the worker's word cache
 * (the same bytes seen before): the cache slots of the tokens AHEAD on are
 * fetched while this one is looked up, since the slot is rarely in the CPU
 * cache. */
static int intern_tokens(saksi_worker *w, struct saksi_doc *d)
{
    wc_key ring[AHEAD];
    for (size_t i = 0; i < AHEAD && i < d->ntoks; i++)
        if (d->toks[i].end - d->toks[i].start <= WC_MAX_BYTES)
            ring[i] = key_of(w, d, i);
    for (size_t i = 0; i < d->ntoks; i++) {
        saksi_token *tk = &d->toks[i];
        size_t n = tk->end - tk->start;
        const char *s = d->article.text + tk->start;
        wc_key k = ring[i % AHEAD];
        size_t j = i + AHEAD;
        if (j < d->ntoks && d->toks[j].end - d->toks[j].start <= WC_MAX_BYTES)
            ring[j % AHEAD] = key_of(w, d, j);
        if (n > WC_MAX_BYTES) {
            if (intern_slow(w, tk, s, n, NULL))
                return -1;
            continue;
        }
        const wc_entry *e = saksi_wordcache_get(&w->wcache, &k, n);
        if (e) {
            tk->word = e->word;
            tk->norm = e->norm;
            tk->norm_len = e->norm_len;
        } else if (intern_slow(w, tk, s, n, &k)) {
            return -1;
        }
    }
    return 0;
}

static int push_token(saksi_worker *w, struct saksi_doc *d, size_t *cap,
                      size_t start, size_t end, saksi_token_class cls,
                      unsigned newlines)
{
    if (d->ntoks == *cap) {
        size_t ncap = *cap * 2 + 64;
        saksi_token *nt = saksi_arena_alloc(&w->arena, ncap * sizeof *nt);
        if (!nt)
            return -1;
        if (d->ntoks)
            memcpy(nt, d->toks, d->ntoks * sizeof *nt);
        d->toks = nt;
        *cap = ncap;
    }
    saksi_token *tk = &d->toks[d->ntoks++];
    memset(tk, 0, sizeof *tk); /* the arena's memory is reused */
    tk->start = start;
    tk->end = end;
    tk->cls = cls;
    tk->newlines = newlines;
    return 0;
}

int saksi_tokenize(saksi_worker *w, struct saksi_doc *d)
{
    text_t t = {(const unsigned char *)d->article.text, d->article.text_len};
    size_t cap = t.n / 5 + 16;
    d->toks = saksi_arena_alloc(&w->arena, cap * sizeof *d->toks);
    d->ntoks = 0;
    if (!d->toks)
        return -1;
    unsigned newlines = 0;
    size_t i = 0;
    while (i < t.n) {
        int32_t cp;
        size_t len;
        saksi_char_kind k = kind_at(t, i, &cp, &len);
        size_t start = i;
        scan_t r = {i + len, SAKSI_TOK_PUNCT};
        switch (k) {
        case CH_SPACE:
            if (cp == '\n' && newlines < 255)
                newlines++;
            i += len;
            continue;
        case CH_UPPER: case CH_LOWER: case CH_LETTER: case CH_MARK:
            r = scan_word(t, i);
            break;
        case CH_DIGIT:
            r = scan_number(t, i);
            break;
        case CH_QUOTE:
            /* the 's split off a possessive */
            if (is_apostrophe(cp) && i + len < t.n &&
                (t.s[i + len] == 's' || t.s[i + len] == 'S') &&
                !is_wordish(peek(t, i + len + 1, NULL)) && d->ntoks &&
                d->toks[d->ntoks - 1].end == i) {
                r.end = i + len + 1;
                r.cls = SAKSI_TOK_WORD;
            } else {
                r.cls = SAKSI_TOK_QUOTE;
            }
            break;
        case CH_TERMINAL:
            if (cp == '.') {
                while (r.end < t.n && t.s[r.end] == '.')
                    r.end++;
            } else if (cp == '!' || cp == '?') {
                while (r.end < t.n && (t.s[r.end] == '!' || t.s[r.end] == '?'))
                    r.end++;
            }
            break;
        case CH_DASH:
            if (cp == '-')
                while (r.end < t.n && t.s[r.end] == '-')
                    r.end++;
            break;
        case CH_SYMBOL:
            r.cls = SAKSI_TOK_SYMBOL;
            break;
        default:
            break;
        }
        if (push_token(w, d, &cap, start, r.end, r.cls, newlines))
            return -1;
        newlines = 0;
        i = r.end;
    }
    return intern_tokens(w, d);
}
