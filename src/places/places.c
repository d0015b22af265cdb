/*
 * places.c — the places an article names, put on the map: "di distrik
 * Lachin", "di resor Laut Hitam Sochi", "Kabupaten Nduga, Papua
 * Pegunungan", "in the Donetsk region", the dateline's "JAYAPURA".
 *
 * Finding a mention. A run of capitalized words is looked up in the
 * gazetteer (places/gazetteer.c), longest first. It is a place when a cue
 * says so — a word of place before it (di, ke, dari, in, at, near: the
 * markers of category "place"), a place noun (distrik, kabupaten, desa,
 * region: data/places/place-nouns.tsv, with a feature such as "Laut
 * Hitam" skipped), the dateline — or, without a cue, when what it names is
 * unmistakably a place: a region, a province, a regency, a city of 100,000
 * people or more. A name the actor dictionaries read as an actor ("Moskow
 * menyerukan", "pemerintah Suriah") is an actor there, not a place. After
 * a place noun or a place word, a name the gazetteer does not know is
 * still kept as a place, unresolved.
 *
 * Choosing among the entries of a name (there are many Springfields): the
 * kind the cue asks for (a kabupaten is a regency), the countries the
 * article talks about (its actors, its other places, the dateline's
 * country), a place next to it ("Kenyam, Papua"), then rank (capital,
 * seat of a region) and population.
 */
#include "../coder/coder.h"
#include "gazetteer.h"
#include "../lang/morph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    saksi_worker *w;
    struct saksi_doc *d;
    const saksi_gazetteer *g;
    size_t cap;
    /* the countries the article names, with weights */
    char ctry[32][4];
    int weight[32];
    size_t nctry;
    /* the places resolved so far: a name near them is near them */
    uint32_t seen[32];
    size_t nseen;
    saksi_buf key;
    struct place_memo *memo;   /* the worker's lookups by words, or NULL */
    const uint8_t *time_tok;   /* per token: inside a time expression */
} ctx;

static int push(ctx *c, const saksi_place *p)
{
    struct saksi_doc *d = c->d;
    if (d->nplaces == c->cap) {
        size_t ncap = c->cap * 2 + 16;
        saksi_place *v = saksi_arena_alloc(&c->w->arena, ncap * sizeof *v);
        if (!v)
            return -1;
        if (d->nplaces)
            memcpy(v, d->places, d->nplaces * sizeof *v);
        d->places = v;
        c->cap = ncap;
    }
    d->places[d->nplaces++] = *p;
    return 0;
}

static int capitalized(const saksi_token *t)
{
    return t->cls == SAKSI_TOK_CAPITALIZED || t->cls == SAKSI_TOK_ACRONYM;
}

/* The words of a name from token i: capitalized ones, and what is written
 * onto them ("Cox's Bazar", "Tel Aviv-Yafo"), at most GZ_MAX_WORDS. */
static size_t name_len(const struct saksi_doc *d, size_t i, size_t end)
{
    size_t run = 0;
    while (i + run < end && run < GZ_MAX_WORDS) {
        const saksi_token *t = &d->toks[i + run];
        int touching = run && t->start == d->toks[i + run - 1].end &&
                       t->cls != SAKSI_TOK_PUNCT && i + run + 1 < end &&
                       capitalized(&d->toks[i + run + 1]);
        /* "Jammu and Kashmir", "Bosnia dan Herzegovina": a conjunction
         * inside a name (the lookup decides whether it is one) */
        int inner = run && tok_marked(t, SAKSI_MARK_AND) && i + run + 1 < end &&
                    capitalized(&d->toks[i + run + 1]);
        if (!capitalized(t) && !touching && !inner)
            break;
        run++;
    }
    return run;
}

static void init_place(saksi_place *p, const struct saksi_doc *d, size_t s,
                       size_t a, size_t b, saksi_place_precision prec)
{
    memset(p, 0, sizeof *p);
    p->sentence = s;
    p->first_token = a;
    p->n_tokens = b - a;
    p->start = d->toks[a].start;
    p->end = d->toks[b - 1].end;
    p->lat = p->lon = NAN;
    p->precision = prec;
}

/* ---- the article's countries ---------------------------------------------- */

static void count_country(ctx *c, const char *code, int w)
{
    if (!code[0] || strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
        strncmp(code, "IMG", 3) == 0)
        return;
    for (size_t i = 0; i < c->nctry; i++)
        if (memcmp(c->ctry[i], code, 3) == 0) {
            c->weight[i] += w;
            return;
        }
    if (c->nctry < sizeof c->ctry / sizeof *c->ctry) {
        memcpy(c->ctry[c->nctry], code, 3);
        c->ctry[c->nctry][3] = '\0';
        c->weight[c->nctry++] = w;
    }
}

static int country_weight(const ctx *c, const char *code)
{
    for (size_t i = 0; i < c->nctry; i++)
        if (memcmp(c->ctry[i], code, 3) == 0)
            return c->weight[i];
    return 0;
}

/* ---- lookups ----------------------------------------------------------------- */

/* The folded text of tokens [a, b), words separated by one blank (tokens
 * that touch, "Tel Aviv-Yafo", stay together). */
static const char *key_of(ctx *c, size_t a, size_t b, size_t *n)
{
    const struct saksi_doc *d = c->d;
    saksi_buf_clear(&c->key);
    for (size_t i = a; i < b; i++) {
        if (i > a && d->toks[i].start > d->toks[i - 1].end)
            saksi_buf_catc(&c->key, ' ');
        saksi_buf_cat(&c->key, d->toks[i].norm, d->toks[i].norm_len);
    }
    *n = c->key.len;
    return c->key.oom ? NULL : c->key.data;
}

enum { CUE_NONE = 0, CUE_WORD, CUE_NOUN, CUE_DATELINE, CUE_ROUTE, CUE_LIST };

typedef struct {
    uint32_t entry;
    double score;
} choice;

static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 3.14159265358979 / 180;
    double a = sin((lat2 - lat1) * r / 2), b = sin((lon2 - lon1) * r / 2);
    double h = a * a + cos(lat1 * r) * cos(lat2 * r) * b * b;
    return 2 * 6371 * asin(h < 1 ? sqrt(h) : 1);
}

/* Are two latitudes alone more than `limit` km apart (with a margin of
 * 1%)? The distance along the globe is never less than the difference of
 * latitudes, so then km() is surely above the limit: a cheap test first. */
static int lat_apart(double lat1, double lat2, double limit)
{
    return fabs(lat1 - lat2) * (6371 * 3.14159265358979 / 180) > limit * 1.01;
}

/* How well candidate e fits the place next to it, `near` ("Kutaraja, Banda
 * Aceh": the Kutaraja in Banda Aceh's province, near it). */
static double near_fit(const ctx *c, const gz_entry *e, const gz_entry *near)
{
    if (!near || !e->country[0] || memcmp(near->country, e->country, 3) != 0)
        return 0;
    double s = 6; /* its country */
    if (near->kind == GZ_ADMIN1 && e->admin1 >= 0 &&
        gz_entry_at(c->g, (uint32_t)e->admin1) == near)
        s += 6; /* in that province */
    else if (near->admin1 >= 0 && near->admin1 == e->admin1)
        s += 5; /* in the same province as that town */
    else if (!isnan(e->lat) && !isnan(near->lat) && near->kind != GZ_COUNTRY &&
             !lat_apart(e->lat, near->lat, 150) &&
             km(e->lat, e->lon, near->lat, near->lon) < 150)
        s += 4;
    return s;
}

/* How well candidate e fits the places the article named before it. */
static double seen_fit(const ctx *c, const gz_entry *e)
{
    double best = 0;
    for (size_t k = 0; k < c->nseen; k++) {
        const gz_entry *x = gz_entry_at(c->g, c->seen[k]);
        if (!x || x == e || x->kind == GZ_COUNTRY)
            continue;
        double s = 0;
        if (e->admin1 >= 0 && (e->admin1 == x->admin1 ||
                               gz_entry_at(c->g, (uint32_t)e->admin1) == x))
            s = 3;
        else if (!isnan(e->lat) && !isnan(x->lat) &&
                 !lat_apart(e->lat, x->lat, 150) &&
                 km(e->lat, e->lon, x->lat, x->lon) < 150)
            s = 2;
        if (s > best)
            best = s;
    }
    return best;
}

/* The best entry of `n` candidates for a mention with cue `cue` whose
 * place noun asks for precision `want` (-1: any). */
static choice choose(const ctx *c, const uint32_t *ids, size_t n, int cue,
                     int want, const gz_entry *near)
{
    choice best = {UINT32_MAX, -1e9};
    for (size_t i = 0; i < n; i++) {
        const gz_entry *e = gz_entry_at(c->g, ids[i]);
        if (!e)
            continue;
        double s = log10((double)e->population + 1.0) + e->rank;
        switch (e->kind) {
        case GZ_COUNTRY: s += 15; break; /* "Mexico" is the country */
        case GZ_ADMIN1: s += 7; break;
        case GZ_REGION: s += 6; break;
        case GZ_AREA: s += e->precision == SAKSI_PLACE_ADMIN ? 3 : 4; break;
        default: break;
        }
        if (e->country[0]) {
            int w = country_weight(c, e->country);
            if (w)
                s += 4 + (w > 3 ? 3 : w);
        }
        s += near_fit(c, e, near) + seen_fit(c, e);
        if (want >= 0 && e->precision == want)
            s += 3; /* kabupaten X: the regency */
        if (cue == CUE_NONE && e->kind == GZ_PLACE && e->population < 1000)
            s -= 2;
        if (s > best.score) {
            best.entry = ids[i];
            best.score = s;
        }
    }
    return best;
}

/* Is token t a word of the language (a root of the lexicon, a function
 * word) rather than only a name? */
static int common_word(const ctx *c, const saksi_token *t)
{
    unsigned f = saksi_model_wflags(c->w->m, t->word);
    return (f & (WF_ROOT_ID | WF_LANG_ID | WF_LANG_EN)) && !(f & WF_PROPER);
}

/* Can an entry stand as a place without a cue? */
static int sure_place(const gz_entry *e)
{
    switch (e->kind) {
    case GZ_COUNTRY:
    case GZ_ADMIN1:
    case GZ_REGION:
        return 1;
    case GZ_AREA:
        return e->precision == SAKSI_PLACE_POINT; /* a kota */
    default:
        return e->population >= 100000 || e->rank >= 5;
    }
}

static void fill(ctx *c, saksi_place *p, uint32_t id)
{
    const gz_entry *e = gz_entry_at(c->g, id);
    if (!e)
        return;
    p->canonical = gz_name(c->g, e);
    p->geonameid = e->geonameid;
    memcpy(p->country, e->country, 4);
    p->lat = e->lat;
    p->lon = e->lon;
    p->precision = e->precision <= SAKSI_PLACE_COUNTRY
                       ? (saksi_place_precision)e->precision
                       : SAKSI_PLACE_POINT;
    const gz_entry *a = e->admin1 >= 0 ? gz_entry_at(c->g, (uint32_t)e->admin1) : NULL;
    if (a)
        snprintf(p->admin1, sizeof p->admin1, "%s", gz_name(c->g, a));
    if (isnan(p->lat) && a) { /* a regency without a point: its province */
        p->lat = a->lat;
        p->lon = a->lon;
    }
}

/* The actor whose words include token i and that is no place, or -1. A
 * country after a role noun ("di masyarakat Armenia", "warga Palestina")
 * names a people, never a place. */
static long actor_use(const struct saksi_doc *d, size_t i)
{
    long k = i < d->ntoks ? d->tok_actor[i] : -1;
    if (k < 0)
        return -1;
    if (d->ainfo[k].kind == AK_COMPOSED || d->ainfo[k].kind == AK_POSSESSED)
        return k;
    return !d->ainfo[k].place ? k : -1;
}

static int covered(const struct saksi_doc *d, size_t from, size_t i)
{
    for (size_t k = from; k < d->nplaces; k++)
        if (i >= d->places[k].first_token &&
            i < d->places[k].first_token + d->places[k].n_tokens)
            return 1;
    return 0;
}

/* ---- the lookup memo ----------------------------------------------------------
 *
 * The same names come up again and again, and each lookup in the
 * gazetteer's large table is a cache miss or two, so the worker remembers
 * answers. A lookup's key is determined by its tokens' interned words and
 * by which tokens touch (no blank in between, see key_of):
 *   - one word: per word id, the index of the name it is (or none), and
 *     whether a name of several words may begin with it (gz_may_start);
 *   - several words: none when the first word begins no such name, which
 *     is most of them; else a direct-mapped table by words and touches, an
 *     entry overwritten by the next key of its slot.
 * Word ids of the worker's own words are forgotten with them
 * (saksi_place_memo_clear, from saksi_begin). */

enum { MEMO_WORDS = 8, MEMO_BITS = 14 };

typedef struct {
    uint32_t word[MEMO_WORDS];
    const uint32_t *ids;  /* the entries named */
    uint32_t count;       /* …their number (0: none) */
    uint8_t n;            /* words; 0: an empty slot */
    uint8_t touch;        /* bit k: word k+1 touches word k */
} memo_entry;

/* Per word id: WM_DONE once known, WM_FIRST when a name of several words
 * may begin with it, and in the low bits the index + 1 of the name it is
 * alone (0: none). */
enum { WM_DONE = 1u << 30, WM_FIRST = 1u << 31, WM_KEY = WM_DONE - 1 };

struct place_memo {
    memo_entry e[1u << MEMO_BITS];
    uint32_t *word;
    size_t nword;
};

void saksi_place_memo_free(struct place_memo *m)
{
    if (m)
        free(m->word);
    free(m);
}

void saksi_place_memo_clear(struct place_memo *m)
{
    if (!m)
        return;
    memset(m->e, 0, sizeof m->e);
    if (m->word)
        memset(m->word, 0, m->nword * sizeof *m->word);
}

/* What is known of word `id` (computed now when not yet): WM_* bits, or 0
 * when the memo cannot hold it. */
static uint32_t word_memo(ctx *c, const saksi_token *t)
{
    struct place_memo *m = c->memo;
    if (!m || t->word == SAKSI_NO_WORD)
        return 0;
    if (t->word >= m->nword) {
        size_t n = m->nword ? m->nword : 1u << 16;
        while (n <= t->word)
            n *= 2;
        uint32_t *v = realloc(m->word, n * sizeof *v);
        if (!v)
            return 0;
        memset(v + m->nword, 0, (n - m->nword) * sizeof *v);
        m->word = v;
        m->nword = n;
    }
    uint32_t *x = &m->word[t->word];
    if (!(*x & WM_DONE)) {
        long k = gz_find(c->g, t->norm, t->norm_len);
        if (k + 1 > (long)WM_KEY)
            return 0;
        *x = WM_DONE | (uint32_t)(k + 1) |
             (gz_may_start(c->g, t->norm, t->norm_len) ? WM_FIRST : 0);
    }
    return *x;
}

/* The memo key of tokens [a, b) (b - a <= MEMO_WORDS) and its slot. */
static size_t memo_key(const struct saksi_doc *d, size_t a, size_t b,
                       memo_entry *k)
{
    memset(k, 0, sizeof *k);
    uint64_t h = 0x9e3779b97f4a7c15ULL * (b - a);
    for (size_t i = a; i < b; i++) {
        k->word[i - a] = d->toks[i].word;
        if (i > a && d->toks[i].start <= d->toks[i - 1].end)
            k->touch |= (uint8_t)(1u << (i - a - 1));
        h = (h ^ d->toks[i].word) * 0xd6e8feb86659fd93ULL;
    }
    k->n = (uint8_t)(b - a);
    h ^= k->touch;
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return (size_t)h & ((1u << MEMO_BITS) - 1);
}

/* The entries named by the text of tokens [a, b) of several words, or
 * (size_t)-1 when out of memory. */
static size_t lookup_several(ctx *c, size_t a, size_t b, const uint32_t **ids)
{
    memo_entry k, *e = NULL;
    if (c->memo && b - a <= MEMO_WORDS) {
        e = &c->memo->e[memo_key(c->d, a, b, &k)];
        if (e->n == k.n && e->touch == k.touch &&
            memcmp(e->word, k.word, sizeof k.word) == 0) {
            *ids = e->ids;
            return e->count;
        }
    }
    size_t kn;
    const char *key = key_of(c, a, b, &kn);
    if (!key)
        return (size_t)-1;
    size_t count = gz_lookup(c->g, key, kn, ids);
    if (e && count <= UINT32_MAX) {
        *e = k;
        e->ids = count ? *ids : NULL;
        e->count = (uint32_t)count;
    }
    return count;
}

/* The entries named by the text of tokens [a, b): their count, and *ids
 * pointing at them; (size_t)-1 when out of memory. */
static size_t lookup_words(ctx *c, size_t a, size_t b, const uint32_t **ids)
{
    const struct saksi_doc *d = c->d;
    uint32_t wm = word_memo(c, &d->toks[a]);
    if (b - a == 1) {
        if (wm)
            return gz_entries(c->g, (long)(wm & WM_KEY) - 1, ids);
        size_t kn;
        const char *key = key_of(c, a, b, &kn);
        return key ? gz_lookup(c->g, key, kn, ids) : (size_t)-1;
    }
    /* no name of several words begins with the first word and a blank */
    if (wm && !(wm & WM_FIRST) && d->toks[a + 1].start > d->toks[a].end)
        return 0;
    return lookup_several(c, a, b, ids);
}

/* The longest gazetteer name at token i, no longer than `max` tokens:
 * its length in tokens, with the entries it names. */
static size_t lookup_at(ctx *c, size_t i, size_t max, const uint32_t **ids,
                        size_t *nids)
{
    for (size_t n = max; n >= 1; n--) {
        *nids = lookup_words(c, i, i + n, ids);
        if (*nids == (size_t)-1) {
            *nids = 0;
            return 0;
        }
        if (*nids)
            return n;
    }
    return 0;
}

/* Is token t a facility or street word ("Jalan", "RS", "Polres")? */
static int facility_word(const ctx *c, const saksi_token *t)
{
    const saksi_model *m = c->w->m;
    return m->wflags2 && t->word < m->words.n && (m->wflags2[t->word] & WF2_FACILITY);
}

/* Does a facility word stand right before token i ("Jln. Medan", "pabrik
 * Semen Padang")? */
static int after_facility(const ctx *c, size_t i, size_t first)
{
    for (size_t k = i; k-- > first && k + 3 >= i;) {
        const saksi_token *t = &c->d->toks[k];
        if (facility_word(c, t))
            return 1;
        if (!(t->cls == SAKSI_TOK_PUNCT && t->norm_len == 1 && t->norm[0] == '.') &&
            !capitalized(t))
            return 0;
    }
    return 0;
}

/* Does a place noun start at token i ("Kabupaten", "Kota")? */
static int starts_place_noun(ctx *c, size_t i, size_t end, saksi_lang lang)
{
    const saksi_model *m = c->w->m;
    const saksi_token *t = &c->d->toks[i];
    if (!(m->wflags2 && t->word < m->words.n && (m->wflags2[t->word] & WF2_PLACE_NOUN)))
        return 0;
    const phrase_val *v;
    size_t n = phrase_find(&m->phrases, c->d->toks, i, end, PT_PLACE, 0, lang, &v);
    if (!(n > 0 && i + n < end && capitalized(&c->d->toks[i + n])))
        return 0;
    /* "Kepulauan Riau", "Kota Gaza": the noun is part of a province's or a
     * region's own name */
    const uint32_t *ids;
    size_t nids;
    size_t run = name_len(c->d, i, end);
    if (c->g && run > n && lookup_at(c, i, run, &ids, &nids) > n)
        for (size_t k = 0; k < nids; k++) {
            const gz_entry *e = gz_entry_at(c->g, ids[k]);
            if (e && (e->kind == GZ_ADMIN1 || e->kind == GZ_REGION || e->kind == GZ_COUNTRY))
                return 0;
        }
    return 1;
}

/* Is token i inside a time expression ("in August", "pada Senin")? */
static int in_time(const ctx *c, size_t i)
{
    const struct saksi_doc *d = c->d;
    if (c->time_tok)
        return c->time_tok[i];
    for (size_t k = 0; k < d->nments; k++) {
        const saksi_mention *m = &d->ments[k];
        if (m->kind == SAKSI_MENTION_TIME && m->first_token <= i &&
            i < m->first_token + m->n_tokens)
            return 1;
    }
    return 0;
}

/* Does a country, province or region name start at token i ("Kenyam
 * Papua", not "Kanye West": West is a town somewhere too)? */
static int names_place(ctx *c, size_t i, size_t end)
{
    size_t run = name_len(c->d, i, end);
    const uint32_t *ids;
    size_t nids;
    if (!run || !lookup_at(c, i, run, &ids, &nids))
        return 0;
    for (size_t k = 0; k < nids; k++) {
        const gz_entry *e = gz_entry_at(c->g, ids[k]);
        if (e && (e->kind == GZ_COUNTRY || e->kind == GZ_ADMIN1 || e->kind == GZ_REGION))
            return 1;
    }
    return 0;
}

/* Is the name at token i (or its place noun) part of a longer name: a
 * capitalized word or an actor's words right before it ("Kombes Ahmad",
 * "AJI Kota Jayapura", "Polda Papua", "masyarakat Kota Bandung")? */
static int inside_name(const ctx *c, size_t i, size_t first)
{
    const struct saksi_doc *d = c->d;
    size_t k = i;
    while (k > first && starts_place_noun((ctx *)c, k - 1, d->ntoks, SAKSI_LANG_ID))
        k--;
    if (k > first && d->toks[k - 1].cls == SAKSI_TOK_PUNCT)
        return 0;
    if (k == first)
        return 0;
    if (d->nplaces && covered(d, 0, k - 1))
        return 0; /* "Laut Hitam Sochi": a place before it */
    const saksi_token *t = &d->toks[k - 1];
    long a = d->tok_actor[k - 1];
    if (a >= 0 && !d->ainfo[a].place && d->ainfo[a].kind != AK_PRONOUN)
        return 1;
    return capitalized(t) && k - 1 > first;
}

/* Is token i-1 a noun the name at i modifies ("negara-negara Eropa",
 * "masyarakat Papua"): a lower-case word with no verb prefix and no
 * function? A verb before it ("mengguncang Sulawesi") makes it a place. */
static int after_noun(const struct saksi_doc *d, size_t i, size_t first)
{
    if (i == first)
        return 0;
    const saksi_token *t = &d->toks[i - 1];
    if (t->cls != SAKSI_TOK_WORD || t->markers)
        return 0;
    for (int k = 0; k < t->n_affixes; k++)
        if (t->affixes[k] == AFF_MEN || t->affixes[k] == AFF_DI ||
            t->affixes[k] == AFF_BER || t->affixes[k] == AFF_TER)
            return 0;
    return 1;
}

/* The next member of a list after a place ending at token j ("India,
 * Nepal and Bangladesh"): its first token, or (size_t)-1. */
static size_t list_after(const struct saksi_doc *d, size_t j, size_t end)
{
    size_t k = j;
    while (k < end && k < j + 2 &&
           ((d->toks[k].cls == SAKSI_TOK_PUNCT && d->toks[k].norm_len == 1 &&
             (d->toks[k].norm[0] == ',' || d->toks[k].norm[0] == '-')) ||
            tok_marked(&d->toks[k], SAKSI_MARK_AND)))
        k++;
    return k > j && k < end && capitalized(&d->toks[k]) ? k : (size_t)-1;
}

/* The place named right after a comma at token b ("Kenyam, Papua",
 * "Lachin, Azerbaijan"): its most prominent entry, or NULL. */
static const gz_entry *next_place(ctx *c, size_t b, size_t end)
{
    const struct saksi_doc *d = c->d;
    if (b + 1 >= end || !(d->toks[b].cls == SAKSI_TOK_PUNCT &&
                          d->toks[b].norm_len == 1 && d->toks[b].norm[0] == ','))
        return NULL;
    size_t j = b + 1;
    if (starts_place_noun(c, j, end, d->sents[0].lang) ||
        (j + 1 < end && starts_place_noun(c, j, end, SAKSI_LANG_ID)))
        j++; /* ", Kabupaten Mimika" */
    size_t run = name_len(d, j, end);
    const uint32_t *ids;
    size_t nids;
    if (!run || !lookup_at(c, j, run, &ids, &nids))
        return NULL;
    const gz_entry *best = NULL;
    double bs = -1;
    for (size_t i = 0; i < nids; i++) {
        const gz_entry *e = gz_entry_at(c->g, ids[i]);
        if (!e || !e->country[0])
            continue;
        double s = (e->kind == GZ_COUNTRY ? 30 : e->kind == GZ_ADMIN1 ? 20 : 0) +
                   log10((double)e->population + 1) + country_weight(c, e->country);
        if (s > bs) {
            bs = s;
            best = e;
        }
    }
    return best;
}

/* Are tokens [i, i+n) all in capitals ("JAYAPURA": a dateline's town,
 * where "CNN Indonesia" or "Rimanews" is an outlet)? */
static int all_caps(const struct saksi_doc *d, size_t i, size_t n)
{
    for (size_t k = i; k < i + n; k++)
        if (d->toks[k].cls != SAKSI_TOK_ACRONYM)
            return 0;
    return n > 0;
}

/* Has the dateline's place part ended before token i (a bracket, a dash,
 * or a word that is no name)? */
static int dateline_over(const struct saksi_doc *d, size_t first, size_t i)
{
    for (size_t k = first; k < i; k++) {
        const saksi_token *t = &d->toks[k];
        if (t->cls == SAKSI_TOK_PUNCT && !(t->norm_len == 1 && t->norm[0] == ','))
            return 1;
        if (t->cls != SAKSI_TOK_PUNCT && !capitalized(t))
            return 1;
    }
    return 0;
}

/* A place the gazetteer does not know ("Desa Sidoa, Kecamatan Lore Utara")
 * is near the places named with it: it takes the point of the next known
 * place in its sentence (Indonesian names a village, then its district,
 * regency and province), else of the one before, else of the last known
 * place of the two sentences before — in its own country, never a
 * country's centre. Its precision says the point is only the area's. */
static void borrow_points(struct saksi_doc *d)
{
    for (size_t k = 0; k < d->nplaces; k++) {
        saksi_place *p = &d->places[k];
        if (!isnan(p->lat) || !p->country[0])
            continue;
        const saksi_place *donor = NULL;
        for (size_t q = k + 1; q < d->nplaces && !donor; q++) {
            const saksi_place *x = &d->places[q];
            if (x->sentence != p->sentence)
                break;
            if (!isnan(x->lat) && x->precision != SAKSI_PLACE_COUNTRY &&
                strcmp(x->country, p->country) == 0)
                donor = x;
        }
        for (size_t q = k; q-- > 0 && !donor;) {
            const saksi_place *x = &d->places[q];
            if (p->sentence - x->sentence > 2)
                break;
            if (!isnan(x->lat) && x->precision != SAKSI_PLACE_COUNTRY &&
                strcmp(x->country, p->country) == 0)
                donor = x;
        }
        if (donor) {
            p->lat = donor->lat;
            p->lon = donor->lon;
            p->precision = SAKSI_PLACE_ADMIN;
        }
    }
}

/* ---- the article ------------------------------------------------------------ */

/* A place noun ending right before token i ("negara bagian", "kabupaten"):
 * CUE_NOUN with its precision in *want, else CUE_NONE. */
static int place_noun_before(ctx *c, size_t i, size_t first, saksi_lang lang,
                             int *want)
{
    const struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    for (size_t back = 1; back <= 3 && i >= first + back; back++) {
        size_t a = i - back;
        const saksi_token *s = &d->toks[a];
        if (!(m->wflags2 && s->word < m->words.n &&
              (m->wflags2[s->word] & WF2_PLACE_NOUN)))
            continue;
        const phrase_val *v;
        size_t n = phrase_find(&m->phrases, d->toks, a, i, PT_PLACE, 0, lang, &v);
        if (n == back) {
            *want = v->kind;
            return CUE_NOUN;
        }
    }
    return CUE_NONE;
}

/* The cue before token i: a place word, a route word, a place noun (its
 * precision in *want), or none. */
static int cue_before(ctx *c, size_t i, size_t first, saksi_lang lang, int *want)
{
    const struct saksi_doc *d = c->d;
    *want = -1;
    if (i == first)
        return CUE_NONE;
    int noun = place_noun_before(c, i, first, lang, want);
    if (noun)
        return noun;
    /* words of direction in between: "di utara Suriah", "in the city of
     * Aleppo" */
    size_t j = i;
    while (j > first && j + 4 > i &&
           tok_marked(&d->toks[j - 1], SAKSI_MARK_DIRECTION) &&
           !tok_marked(&d->toks[j - 1], SAKSI_MARK_PLACE))
        j--;
    if (j == first)
        return CUE_NONE;
    const saksi_token *t = &d->toks[j - 1];
    if (tok_marked(t, SAKSI_MARK_PLACE))
        return CUE_WORD;
    if (tok_marked(t, SAKSI_MARK_ROUTE))
        return CUE_ROUTE;
    /* a place noun before the direction words: "distrik utara …"; "the …
     * region" comes after the name and is not looked at here */
    return place_noun_before(c, j, first, lang, want);
}

/* Per token: 1 inside a time expression; NULL when out of memory (then
 * in_time looks at the mentions themselves). */
static const uint8_t *time_tokens(saksi_worker *w, const struct saksi_doc *d)
{
    uint8_t *v = saksi_arena_calloc(&w->arena, d->ntoks + 1, 1);
    if (!v)
        return NULL;
    for (size_t k = 0; k < d->nments; k++) {
        const saksi_mention *m = &d->ments[k];
        if (m->kind != SAKSI_MENTION_TIME)
            continue;
        for (size_t i = m->first_token;
             i < m->first_token + m->n_tokens && i < d->ntoks; i++)
            v[i] = 1;
    }
    return v;
}

int saksi_places(saksi_worker *w, struct saksi_doc *d)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.w = w;
    c.d = d;
    c.g = w->m->gaz;
    saksi_buf_init(&c.key);
    if (!w->place_memo)
        w->place_memo = calloc(1, sizeof *w->place_memo);
    c.memo = w->place_memo;
    c.time_tok = time_tokens(w, d);
    d->places = NULL;
    d->nplaces = 0;
    /* the countries the article talks about */
    for (size_t k = 0; k < d->nactors; k++)
        if (d->actors[k].code[0] && (d->ainfo[k].kind == AK_NAME ||
                                     d->ainfo[k].kind == AK_COMPOSED))
            count_country(&c, d->actors[k].code, 1);
    if (d->home[0])
        count_country(&c, d->home, 2);
    int rc = 0;
    for (size_t si = 0; si < d->nsents && !rc; si++) {
        const saksi_sentence *s = &d->sents[si];
        size_t first = s->first_token, end = first + s->n_tokens;
        size_t from = d->nplaces;
        size_t list_next = (size_t)-1, carry_at = (size_t)-1;
        int carry_want = -1;
        size_t floor_i = first; /* never look at a token twice */
        for (size_t i = first; i < end; i++) {
            if (i < floor_i)
                i = floor_i;
            if (i >= end)
                break;
            floor_i = i + 1;
            const saksi_token *t = &d->toks[i];
            if (!capitalized(t) || covered(d, from, i) || in_time(&c, i))
                continue;
            /* "Provinsi", "Kabupaten", "Desa": the cue of the name after it */
            if (starts_place_noun(&c, i, end, s->lang))
                continue;
            /* "Jalan Sudirman", "RS Tembagapura", "PT Semen Padang": a
             * facility's name, with whatever place name is inside it */
            if (facility_word(&c, t) || after_facility(&c, i, first)) {
                while (i + 1 < end && capitalized(&d->toks[i + 1]))
                    i++;
                continue;
            }
            int cue, want;
            if (s->kind == SAKSI_SENT_DATELINE) {
                /* "Karangasem, Bali (ANTARA News) –": the names before the
                 * bracket or the dash */
                cue = CUE_DATELINE;
                want = SAKSI_PLACE_POINT;
                if (dateline_over(d, first, i))
                    break;
            } else {
                cue = cue_before(&c, i, first, s->lang, &want);
                if (cue == CUE_NONE && i == list_next)
                    cue = CUE_LIST; /* "in India, Nepal and Bangladesh" */
                if (i == carry_at) {
                    cue = CUE_NOUN;
                    want = carry_want;
                }
            }
            /* the run of capitalized words here */
            size_t run = name_len(d, i, end);
            const uint32_t *ids = NULL;
            size_t nids = 0;
            size_t n = 0;
            /* "southeast Asia", "south Sudan": a direction that is part of
             * a region's or a country's name */
            if (c.g && i > first && tok_marked(&d->toks[i - 1], SAKSI_MARK_DIRECTION) &&
                d->toks[i - 1].cls == SAKSI_TOK_WORD && !covered(d, from, i - 1)) {
                size_t m2 = lookup_at(&c, i - 1, run + 1, &ids, &nids);
                if (m2 == run + 1 || (m2 > 1 && m2 <= run + 1)) {
                    for (size_t q = 0; q < nids && !n; q++) {
                        const gz_entry *x = gz_entry_at(c.g, ids[q]);
                        if (x && (x->kind == GZ_REGION || x->kind == GZ_COUNTRY ||
                                  x->kind == GZ_ADMIN1))
                            n = m2;
                    }
                    if (n) {
                        i--;
                        run++;
                    }
                }
            }
            if (!n && c.g)
                n = lookup_at(&c, i, run, &ids, &nids);
            long actor = actor_use(d, i);
            if (n) {
                const gz_entry *near = next_place(&c, i + n, end);
                choice ch = choose(&c, ids, nids, cue, want, near);
                const gz_entry *e = gz_entry_at(c.g, ch.entry);
                if (!e)
                    continue;
                /* a province or region named alone is a place, though the
                 * actor dictionary knows it ("warga Aceh" is an actor) */
                if (actor >= 0 && d->ainfo[actor].kind == AK_NAME &&
                    (e->kind == GZ_ADMIN1 || e->kind == GZ_REGION ||
                     e->kind == GZ_AREA) && strlen(d->actors[actor].code) == 3)
                    actor = -1;
                /* an actor here, not a place ("Moskow menyerukan"); after
                 * "dari"/"from" a name that is an actor stays an actor
                 * unless it is a country or a region */
                if (actor >= 0 && (cue == CUE_NONE ||
                                   d->ainfo[actor].kind == AK_COMPOSED))
                    continue;
                if (actor >= 0 && cue == CUE_LIST && e->kind != GZ_COUNTRY &&
                    e->kind != GZ_REGION && e->kind != GZ_ADMIN1)
                    continue;
                /* "Angela Merkel dari Jerman": where someone is from */
                if (actor >= 0 && cue == CUE_ROUTE)
                    continue;
                /* "negara-negara Eropa", "masyarakat Papua": a name that
                 * qualifies a noun */
                if (cue == CUE_NONE && s->lang == SAKSI_LANG_ID && after_noun(d, i, first))
                    continue;
                /* inside a longer name: "Kota Jayapura" after "AJI", a
                 * capitalized word before ("Kombes Ahmad") */
                if ((cue == CUE_NONE || cue == CUE_NOUN) && inside_name(&c, i, first))
                    continue;
                if (cue == CUE_NONE && !sure_place(e))
                    continue;
                /* a sentence's first word is capitalized anyway: alone, it
                 * is a name only when it names a country or a region */
                if (cue == CUE_NONE && i == first && n == 1 &&
                    e->kind == GZ_PLACE)
                    continue;
                /* part of a longer name ("Kanye West", "Jakarta Post", "SOS
                 * Children's Village", "Queensland Premier") */
                if (cue != CUE_NOUN && cue != CUE_DATELINE && i + n < end &&
                    capitalized(&d->toks[i + n]) && !names_place(&c, i + n, end))
                    continue;
                /* an initialism is a place only as a country or region
                 * (UAE), or in a dateline (JAKARTA) */
                if (d->toks[i].cls == SAKSI_TOK_ACRONYM && n == 1 &&
                    cue != CUE_DATELINE && e->kind == GZ_PLACE)
                    continue;
                /* one common word ("Laut", a small Louth's other name) is
                 * no town unless the town is large */
                if (n == 1 && common_word(&c, &d->toks[i]) && e->kind == GZ_PLACE &&
                    e->population < 100000)
                    continue;
                /* "Gampong Jawa", "Desa X": a village is no island or
                 * province of the same name; the name stays unresolved */
                if (cue == CUE_NOUN && want == SAKSI_PLACE_POINT &&
                    e->precision != SAKSI_PLACE_POINT) {
                    if (n < run && e->kind == GZ_REGION) {
                        /* "resor Laut Hitam Sochi": the sea, then the
                         * resort the noun names */
                        carry_at = i + n;
                        carry_want = want;
                    } else {
                        n = 0;
                        goto unknown;
                    }
                }
                /* one common word naming a place far from the article's
                 * countries ("Kali Ciliwung": Cali, Colombia) */
                if (n == 1 && common_word(&c, &d->toks[i]) &&
                    !country_weight(&c, e->country) && e->kind == GZ_PLACE)
                    goto unknown;
                /* a part of a longer name the gazetteer does not know ("Jati
                 * Padang" is not Jati) */
                if (n < run && carry_at != i + n &&
                    !starts_place_noun(&c, i + n, end, s->lang) &&
                    !names_place(&c, i + n, end) && cue != CUE_NONE)
                    goto unknown_all;
                /* a small town abroad in an article about somewhere else
                 * ("Desa Dodolo" is no Dodola in Ethiopia) */
                if (e->kind == GZ_PLACE && e->population < 100000 && d->home[0] &&
                    !country_weight(&c, e->country))
                    goto unknown_all;
                /* far from the place named with it ("Kecamatan Kutaraja,
                 * Banda Aceh" is in Banda Aceh, not 2,000 km away) */
                if (near && near->kind != GZ_COUNTRY && !isnan(near->lat) &&
                    !isnan(e->lat) && (e->kind == GZ_PLACE || e->kind == GZ_AREA) &&
                    (lat_apart(e->lat, near->lat, 300) ||
                     km(e->lat, e->lon, near->lat, near->lon) > 300))
                    goto unknown_all;
                saksi_place p;
                init_place(&p, d, si, i, i + n, (saksi_place_precision)e->precision);
                fill(&c, &p, ch.entry);
                p.dateline = cue == CUE_DATELINE;
                if (p.country[0])
                    count_country(&c, p.country, 1);
                if (c.nseen < sizeof c.seen / sizeof *c.seen)
                    c.seen[c.nseen++] = ch.entry;
                if (push(&c, &p)) {
                    rc = -1;
                    break;
                }
                list_next = list_after(d, i + n, end);
                i += n - 1;
                continue;
            }
            if (0) {
        unknown_all:
                n = 0; /* the whole run is one unknown name */
            }
        unknown:
            /* a name the gazetteer does not know, after a place noun, or
             * after a place word when it is no actor */
            if ((cue == CUE_NOUN || (cue == CUE_DATELINE && all_caps(d, i, run)) ||
                 ((cue == CUE_WORD || cue == CUE_LIST) && actor < 0 &&
                  s->lang == SAKSI_LANG_ID)) &&
                run) {
                saksi_place p;
                init_place(&p, d, si, i, i + run,
                           want >= 0 ? (saksi_place_precision)want
                                     : SAKSI_PLACE_POINT);
                p.dateline = cue == CUE_DATELINE;
                /* an actor's country stands for the place's ("di Gaza") */
                if (actor >= 0 || (i < d->ntoks && d->tok_actor[i] >= 0)) {
                    long k = d->tok_actor[i];
                    const char *code = d->actors[k].code;
                    if (code[0] && strncmp(code, "IGO", 3) != 0 &&
                        strncmp(code, "NGO", 3) != 0) {
                        snprintf(p.country, sizeof p.country, "%.3s", code);
                        /* a country the gazetteer knows by another name
                         * ("Britain", "UK"): its entry */
                        long ce = strlen(code) == 3 && c.g ? gz_country(c.g, code) : -1;
                        if (ce >= 0) {
                            fill(&c, &p, (uint32_t)ce);
                            p.precision = SAKSI_PLACE_COUNTRY;
                        }
                    }
                }
                /* nothing else known: the country the article is about */
                if (!p.country[0] && d->home[0])
                    memcpy(p.country, d->home, 4);
                if (push(&c, &p)) {
                    rc = -1;
                    break;
                }
                list_next = list_after(d, i + run, end);
                i += run - 1;
            }
        }
    }
    saksi_buf_free(&c.key);
    if (!rc)
        borrow_points(d);
    return rc;
}

size_t saksi_doc_place_count(const saksi_doc *d)
{
    return d->nplaces;
}

const saksi_place *saksi_doc_place(const saksi_doc *d, size_t i)
{
    return i < d->nplaces ? &d->places[i] : NULL;
}

const char *saksi_place_precision_name(saksi_place_precision p)
{
    switch (p) {
    case SAKSI_PLACE_ADMIN: return "admin";
    case SAKSI_PLACE_COUNTRY: return "country";
    default: return "point";
    }
}
