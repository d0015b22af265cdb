/*
 * actors.c — the actors of an article: who the text names, with CAMEO
 * codes.
 *
 * Sentence by sentence, the longest dictionary phrase at each token is
 * either an actor (data/actors: Rusia → RUS, Nikol Pashinyan → ARMGOV,
 * Moskow → RUSGOV) or a role noun (data/agents: presiden → GOV, pasukan
 * penjaga perdamaian → MIL). Role nouns compose with the actor that
 * follows them ("Presiden Rusia" → RUSGOV, "pasukan penjaga perdamaian
 * Moskow" → RUSMIL; a named person after them is the same actor:
 * "Perdana Menteri Armenia Nikol Pashinyan"). An actor entry is taken only
 * when its dates hold on the publication day (office holders). After "di",
 * "ke", "in", "at" a name is a place, not an actor.
 *
 * Then what points back is resolved: pronouns (dia, mereka, pihaknya) to
 * the nearest fitting actor in this or the two previous sentences, role
 * nouns with -nya (tentaranya) to their possessor, role nouns with
 * "tersebut" to the last actor of that role, role nouns alone (polisi) to
 * the article's home country, and "kedua belah pihak" to the two sides the
 * article last named together ("Armenia dan Azerbaijan").
 */
#include "coder.h"
#include "../lang/english.h"
#include "../lang/morph.h"

#include <stdio.h>
#include <string.h>

/* A name the article has introduced for an actor ("Menteri Dalam Negeri
 * Turki Suleyman Soylu"): each of its words later names the same actor
 * ("Soylu mengatakan …"). */
typedef struct {
    uint32_t word;
    long actor;
} alias;

enum { MAX_ALIASES = 128, MAX_NAME_WORDS = 4 };

typedef struct {
    saksi_worker *w;
    struct saksi_doc *d;
    size_t cap;
    int groups;
    long last_dyad[2]; /* the two sides last named together */
    alias aliases[MAX_ALIASES];
    size_t naliases;
} ctx;

static const phrase_trie *trie(const ctx *c)
{
    return &c->w->m->phrases;
}

/* The longest actor phrase at token i whose dates hold on the publication
 * day; *val its value. Returns its length in tokens. */
static size_t actor_at(const ctx *c, size_t i, size_t end,
                       const phrase_val **val)
{
    if (!saksi_model_starts(c->w->m, &c->d->toks[i], WF_PH_ACTOR))
        return 0;
    phrase_hit hits[16];
    size_t n = phrase_match(trie(c), c->d->toks, i, end, hits, 16, PM_NOMINAL);
    const phrase_trie *t = trie(c);
    while (n--) {
        const phrase_val *best = NULL, *past = NULL;
        saksi_token_class cls = c->d->toks[i].cls;
        for (uint32_t k = hits[n].val; k; k = t->vals[k].next) {
            const phrase_val *v = &t->vals[k];
            if (v->table != PT_ACTOR)
                continue;
            if (v->kind == ACTOR_CAPS && cls != SAKSI_TOK_ACRONYM)
                continue; /* "AS" is not "as" */
            if (v->kind == ACTOR_CAPITAL && cls != SAKSI_TOK_CAPITALIZED &&
                cls != SAKSI_TOK_ACRONYM)
                continue; /* "Baku" is not "baku tembak" */
            if (!c->d->has_pub) {
                /* no date: the entry still open, else the last one */
                if (!best || v->to > best->to ||
                    (v->to == best->to && v->from > best->from))
                    best = v;
                continue;
            }
            int64_t pub = c->d->pub;
            if (v->from <= pub && pub <= v->to) {
                /* the narrower range is the more specific entry */
                if (!best || (int64_t)v->to - v->from <
                                 (int64_t)best->to - best->from)
                    best = v;
            } else if (v->to < pub && (!past || v->to > past->to)) {
                past = v;
            }
        }
        if (best || past) {
            *val = best ? best : past;
            /* an office that has ended: only the country is sure */
            return hits[n].len | (best ? 0 : (size_t)1 << 62);
        }
    }
    return 0;
}

static size_t agent_at(const ctx *c, size_t i, size_t end, saksi_lang lang,
                       const phrase_val **val)
{
    if (!saksi_model_starts(c->w->m, &c->d->toks[i], WF_PH_AGENT))
        return 0;
    return phrase_find(trie(c), c->d->toks, i, end, PT_AGENT, 0, lang, val);
}

static int push(ctx *c, const saksi_actor *a, const struct actor_info *info)
{
    struct saksi_doc *d = c->d;
    if (d->nactors == c->cap) {
        size_t cap = c->cap * 2 + 32;
        saksi_actor *na = saksi_arena_alloc(&c->w->arena, cap * sizeof *na);
        struct actor_info *ni =
            saksi_arena_alloc(&c->w->arena, cap * sizeof *ni);
        if (!na || !ni)
            return -1;
        if (d->nactors) {
            memcpy(na, d->actors, d->nactors * sizeof *na);
            memcpy(ni, d->ainfo, d->nactors * sizeof *ni);
        }
        d->actors = na;
        d->ainfo = ni;
        c->cap = cap;
    }
    d->actors[d->nactors] = *a;
    d->ainfo[d->nactors] = *info;
    d->nactors++;
    return 0;
}

static void set_code(saksi_actor *a, const char *country, const char *role)
{
    char tmp[sizeof a->code];
    snprintf(tmp, sizeof tmp, "%.3s%s", country, role ? role : "");
    memcpy(a->code, tmp, sizeof tmp);
}

/* After a word of place (di, ke, in, at: data/lang/markers.tsv) a name is
 * a place. ("dari", from, is not one: "pernyataan dari Moskow".) */
static int place_before(const struct saksi_doc *d, size_t i, size_t first)
{
    return i > first && tok_marked(&d->toks[i - 1], SAKSI_MARK_PLACE);
}

/* A person: an entry of data/actors/people.tsv, or any entry with dates
 * (an office holder). */
static int is_person(const saksi_model *m, const phrase_val *v)
{
    return saksi_model_rule_is_person(m, v->rule) || v->from != INT32_MIN ||
           v->to != INT32_MAX;
}

static int is_punct1(const saksi_token *t, char ch)
{
    return t->cls == SAKSI_TOK_PUNCT && t->norm_len == 1 && t->norm[0] == ch;
}

static int is_comma(const saksi_token *t)
{
    return t->cls == SAKSI_TOK_PUNCT && t->norm_len == 1 && t->norm[0] == ',';
}

static int has_nya(const saksi_token *t)
{
    for (int k = 0; k < t->n_affixes; k++)
        if (t->affixes[k] == AFF_NYA)
            return 1;
    return 0;
}

/* Is token i part of a time or quantity mention ("Selasa", "Kamis")? */
static int in_mention(const struct saksi_doc *d, size_t i)
{
    for (size_t k = 0; k < d->nments; k++) {
        const saksi_mention *m = &d->ments[k];
        if (m->kind != SAKSI_MENTION_MARKER && m->first_token <= i &&
            i < m->first_token + m->n_tokens)
            return 1;
    }
    return 0;
}

/* Can token i be a word of a person's name? A capitalized word that starts
 * no dictionary phrase and is not a date or a function word. */
static int name_word(const ctx *c, size_t i)
{
    const saksi_token *t = &c->d->toks[i];
    if (t->cls != SAKSI_TOK_CAPITALIZED || t->markers || t->norm_len < 2)
        return 0;
    if (saksi_model_starts(c->w->m, t, WF_PH_ACTOR | WF_PH_AGENT))
        return 0;
    return !in_mention(c->d, i);
}

/* An unknown person's name at token i: capitalized words the lexicon does
 * not hold (Mimin, Kawamura, Rami Abdel Rahman), or an all-capitals
 * initialism in brackets' company ("YIK (31)"). Returns the end token, or
 * i. */
static size_t unknown_name(const ctx *c, size_t i, size_t end, size_t first)
{
    const struct saksi_doc *d = c->d;
    size_t j = i;
    while (j < end && j < i + MAX_NAME_WORDS && name_word(c, j) &&
           !(d->toks[j].morph & SAKSI_MORPH_LEXICON))
        j++;
    if (j == i && d->toks[i].cls == SAKSI_TOK_ACRONYM && d->toks[i].norm_len <= 4 &&
        !d->toks[i].markers)
        j = i + 1; /* initials of a suspect: "YIK (31)" */
    /* only with the age after it, as Indonesian reports name private
     * persons ("Rendi (35)", "YIK (31)"): a capitalized word alone is as
     * often a club, a product or a place */
    if (!(j > i && j + 2 < end && is_punct1(&d->toks[j], '(') &&
          d->toks[j + 1].cls == SAKSI_TOK_NUMBER && is_punct1(&d->toks[j + 2], ')')))
        return i;
    if (j > i && place_before(d, i, first))
        return i; /* "di Diyarbakir": a place */
    const saksi_model *m = c->w->m;
    if (j > i && i > first && m->wflags2 && d->toks[i - 1].word < m->words.n &&
        (m->wflags2[d->toks[i - 1].word] & (WF2_PLACE_NOUN | WF2_FEATURE)))
        return i; /* "Selat Hormuz", "Kota Diyarbakir": a place */
    return j;
}

/* The words of a name right at token i (at most MAX_NAME_WORDS). */
static size_t name_run(const ctx *c, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && n < MAX_NAME_WORDS && name_word(c, i + n))
        n++;
    return n;
}

static void add_alias(ctx *c, uint32_t word, long actor)
{
    for (size_t k = 0; k < c->naliases; k++)
        if (c->aliases[k].word == word) {
            c->aliases[k].actor = actor; /* the latest introduction wins */
            return;
        }
    if (c->naliases < MAX_ALIASES)
        c->aliases[c->naliases++] = (alias){word, actor};
}

/* Every word of the name [i, i+n) names actor `actor` from now on. */
static void add_aliases(ctx *c, size_t i, size_t n, long actor)
{
    for (size_t q = i; q < i + n; q++) {
        const saksi_token *t = &c->d->toks[q];
        if (t->cls == SAKSI_TOK_CAPITALIZED && t->norm_len >= 3 && !t->markers)
            add_alias(c, t->word, actor);
    }
}

static long alias_of(const ctx *c, const saksi_token *t)
{
    if (t->cls != SAKSI_TOK_CAPITALIZED && t->cls != SAKSI_TOK_ACRONYM)
        return -1;
    for (size_t k = 0; k < c->naliases; k++)
        if (c->aliases[k].word == t->word)
            return c->aliases[k].actor;
    return -1;
}

/* The code of a role noun with an actor: an organisation keeps its own code
 * ("juru bicara Taliban", "Hamas spokesman"); a country, or a capital
 * standing for its government, takes the role ("pasukan penjaga perdamaian
 * Moskow" → RUSMIL), as does an office that has ended. */
static void compose_code(saksi_actor *a, const char *code, int ended, const char *role)
{
    size_t cl = strlen(code);
    if (cl > 3 && !(cl == 6 && strcmp(code + 3, "GOV") == 0) && !ended)
        snprintf(a->code, sizeof a->code, "%s", code);
    else
        set_code(a, code, role);
}

/* A named person of the composed actor's country right after it, at token
 * j ("Presiden Rusia Vladimir Putin"): the tokens of the name, or 0. The
 * person's own code replaces the composed one when it has a role, or with
 * `bare_ok` (English) only when it says more; a name coded with its
 * country alone counts only when `bare_ok`. */
static size_t person_after(ctx *c, saksi_actor *a, struct actor_info *info,
                           const char *code, size_t j, size_t end, int bare_ok)
{
    const saksi_model *m = c->w->m;
    const phrase_val *pv = NULL;
    size_t pn = j < end ? actor_at(c, j, end, &pv) : 0;
    int pended = (pn >> 62) != 0;
    pn &= ((size_t)1 << 62) - 1;
    if (!pn || pended)
        return 0;
    const char *pcode = saksi_model_str(m, pv->str);
    size_t pl = strlen(pcode);
    if (strncmp(pcode, code, 3) != 0 || (pl <= 3 && !bare_ok))
        return 0;
    if (bare_ok ? pl > strlen(a->code) : pl > 3)
        snprintf(a->code, sizeof a->code, "%s", pcode);
    info->rule = pv->rule;
    info->person = is_person(m, pv) || pl <= 3;
    return pn;
}

/* "president of Bulgaria", "the foreign minister of the Philippines": after
 * the role nouns ending at j, "of" (and a determiner) before a country; the
 * token the country may start at, else j. */
static size_t en_of_country(const ctx *c, size_t j, size_t end)
{
    const struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    if (j + 1 >= end || !(saksi_model_wflags2(m, d->toks[j].word) & WF2_EN_OF))
        return j;
    size_t k = j + 1;
    if (k + 1 < end && (saksi_model_wflags2(m, d->toks[k].word) & WF2_EN_DET))
        k++;
    const phrase_val *cv = NULL;
    size_t cn = actor_at(c, k, end, &cv) & (((size_t)1 << 62) - 1);
    if (!cn || is_person(m, cv))
        return j;
    return k;
}

/* English puts the country before the role: "Ukrainian soldiers",
 * "Russia's foreign ministry", "US Secretary of State Antony Blinken",
 * "Israeli Prime Minister Benjamin Netanyahu". After the name actor ending
 * at token j, role nouns (and a person's name after them) make one
 * composed actor; returns the token after it (j when no role follows). */
static size_t en_compose(ctx *c, saksi_actor *a, struct actor_info *info,
                         const char *code, int ended, size_t j, size_t end,
                         size_t *name_from, size_t *name_n)
{
    struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    size_t k = j;
    if (k < end && en_possessive(m, &d->toks[k]))
        k++; /* Russia's */
    const phrase_val *gv = NULL;
    size_t gn = k < end ? agent_at(c, k, end, SAKSI_LANG_EN, &gv) : 0;
    if (!gn && k + 1 < end && tok_marked(&d->toks[k], SAKSI_MARK_AND)) {
        /* "Armenian and Azerbaijani forces": the role after the second
         * country is the first's too */
        const phrase_val *yv = NULL;
        size_t yn = actor_at(c, k + 1, end, &yv) & (((size_t)1 << 62) - 1);
        const phrase_val *rv = NULL;
        if (yn && k + 1 + yn < end &&
            agent_at(c, k + 1 + yn, end, SAKSI_LANG_EN, &rv) && !is_person(m, yv)) {
            snprintf(info->role, sizeof info->role, "%s", saksi_model_str(m, rv->str));
            info->agent_rule = rv->rule;
            info->kind = AK_COMPOSED;
            info->plural = 1;
            set_code(a, code, info->role);
        }
        return j;
    }
    if (!gn)
        return j;
    while (k < end && (gn = agent_at(c, k, end, SAKSI_LANG_EN, &gv))) {
        snprintf(info->role, sizeof info->role, "%s", saksi_model_str(m, gv->str));
        a->peacekeeping |= gv->kind == 1;
        info->agent_rule = gv->rule;
        k += gn;
    }
    info->kind = AK_COMPOSED;
    info->plural = 1;
    compose_code(a, code, ended, info->role); /* "Hamas spokesman" */
    /* a named person of the same country follows; a name coded with its
     * country alone is the person too ("Bree Prime Minister Romendacil") */
    size_t pn = person_after(c, a, info, code, k, end, 1);
    if (pn) {
        *name_from = k;
        *name_n = pn;
        return k + pn;
    }
    size_t rn = name_run(c, k, end);
    if (rn) {
        *name_from = k;
        *name_n = rn;
        info->person = 1;
        k += rn;
    }
    return k;
}

/* Finds the actor mentions of one sentence. */
static int find_in_sentence(ctx *c, const saksi_sentence *s)
{
    struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    size_t first = s->first_token, end = first + s->n_tokens;
    for (size_t i = first; i < end;) {
        const phrase_val *av = NULL, *gv = NULL;
        size_t an = actor_at(c, i, end, &av);
        int ended = (an >> 62) != 0;
        an &= ((size_t)1 << 62) - 1;
        size_t gn = agent_at(c, i, end, s->lang, &gv);
        saksi_actor a;
        struct actor_info info;
        memset(&a, 0, sizeof a);
        memset(&info, 0, sizeof info);
        a.sentence = s->index;
        a.antecedent = -1;
        info.group = -1;
        info.dyad[0] = info.dyad[1] = -1;
        size_t j;
        size_t name_from = 0, name_n = 0; /* a person's name, to remember */
        long ali;
        if (gn && gn > an) {
            /* role nouns, possibly several (juru bicara militer): the last
             * one is the role */
            j = i;
            while (j < end && (gn = agent_at(c, j, end, s->lang, &gv))) {
                snprintf(info.role, sizeof info.role, "%s",
                         saksi_model_str(m, gv->str));
                a.peacekeeping |= gv->kind == 1;
                info.rule = gv->rule;
                info.agent_rule = gv->rule;
                j += gn;
            }
            size_t k = j;
            if (s->lang == SAKSI_LANG_EN)
                k = en_of_country(c, j, end); /* "the president of Bulgaria" */
            const phrase_val *cv = NULL;
            size_t cn = k < end ? actor_at(c, k, end, &cv) : 0;
            int cended = (cn >> 62) != 0;
            cn &= ((size_t)1 << 62) - 1;
            if (cn && !place_before(d, k, first)) {
                const char *code = saksi_model_str(m, cv->str);
                info.kind = AK_COMPOSED;
                info.rule = cv->rule;
                compose_code(&a, code, cended, info.role);
                j = k + cn;
                /* a named person of the same country follows:
                 * "Presiden Rusia Vladimir Putin" */
                size_t pn = person_after(c, &a, &info, code, j, end, 0);
                if (pn) {
                    name_from = j;
                    name_n = pn;
                    j += pn;
                }
                /* a name the dictionaries do not know: "Menteri Dalam
                 * Negeri Turki Suleyman Soylu", or between commas
                 * ("Kepala Polri, Tito Karnavian, …") */
                size_t rn = name_n ? 0 : name_run(c, j, end);
                if (rn) {
                    name_from = j;
                    name_n = rn;
                    info.person = 1;
                    j += rn;
                } else if (!name_n && j + 1 < end && is_comma(&d->toks[j]) &&
                           (rn = name_run(c, j + 1, end)) &&
                           (j + 1 + rn == end || is_comma(&d->toks[j + 1 + rn]))) {
                    name_from = j + 1;
                    name_n = rn;
                }
            } else if (has_nya(&d->toks[j - 1])) {
                info.kind = AK_POSSESSED; /* tentaranya */
            } else if (j < end && tok_marked(&d->toks[j], SAKSI_MARK_ANAPHOR)) {
                info.kind = AK_ANAPHOR; /* kontingen tersebut */
                j++;
            } else {
                info.kind = AK_AGENT; /* polisi: the home country's */
                info.role_only = 1;
                /* "tersangka Waheed", "warga bernama …": a person the
                 * dictionaries do not know, named after the role */
                size_t rn = 0;
                while (j + rn < end && rn < MAX_NAME_WORDS && name_word(c, j + rn) &&
                       !(d->toks[j + rn].morph & SAKSI_MORPH_LEXICON))
                    rn++;
                if (rn) {
                    name_from = j;
                    name_n = rn;
                    info.person = 1;
                    j += rn;
                }
            }
            info.plural = 1;
        } else if (an) {
            const char *code = saksi_model_str(m, av->str);
            info.kind = AK_NAME;
            info.rule = av->rule;
            info.person = is_person(m, av);
            if (ended)
                set_code(&a, code, NULL); /* the office has ended */
            else
                snprintf(a.code, sizeof a.code, "%s", code);
            j = i + an;
            if (info.person && !ended) {
                name_from = i;
                name_n = an;
            } else if (s->lang == SAKSI_LANG_EN && !info.person) {
                j = en_compose(c, &a, &info, code, ended, j, end, &name_from, &name_n);
            }
        } else if ((ali = alias_of(c, &d->toks[i])) >= 0) {
            /* "Soylu" after "Suleyman Soylu": the same actor */
            info = d->ainfo[ali];
            info.kind = AK_ALIAS;
            info.group = -1;
            info.place = 0;
            memcpy(a.code, d->actors[ali].code, sizeof a.code);
            a.antecedent = ali;
            j = i + 1;
            while (j < end && alias_of(c, &d->toks[j]) == ali)
                j++;
        } else if (tok_marked(&d->toks[i], SAKSI_MARK_PRONOUN)) {
            info.kind = AK_PRONOUN;
            j = i + 1;
        } else if ((j = unknown_name(c, i, end, first)) > i) {
            /* "Polisi menangkap YIK", "membebaskan Mimin": a person the
             * dictionaries do not know — a civilian of the country the
             * text is about */
            info.kind = AK_AGENT;
            info.role_only = 1;
            info.person = 1;
            info.unknown = 1;
            snprintf(info.role, sizeof info.role, "CVL");
            name_from = i;
            name_n = j - i;
        } else {
            i++;
            continue;
        }
        a.first_token = i;
        a.n_tokens = j - i;
        a.start = d->toks[i].start;
        a.end = d->toks[j - 1].end;
        info.place = place_before(d, i, first) && info.kind != AK_PRONOUN;
        if (push(c, &a, &info))
            return -1;
        if (name_n && a.code[0] && !info.place)
            add_aliases(c, name_from, name_n, (long)d->nactors - 1);
        i = j;
    }
    /* the two sides: "kedua belah pihak", "semua pihak" */
    for (size_t k = 0; k < d->nments; k++) {
        const saksi_mention *mm = &d->ments[k];
        if (mm->sentence != s->index || mm->kind != SAKSI_MENTION_MARKER ||
            !(mm->markers & SAKSI_MARK_RECIPROCAL))
            continue;
        saksi_actor a;
        struct actor_info info;
        memset(&a, 0, sizeof a);
        memset(&info, 0, sizeof info);
        a.sentence = s->index;
        a.antecedent = -1;
        a.first_token = mm->first_token;
        a.n_tokens = mm->n_tokens;
        a.start = mm->start;
        a.end = mm->end;
        info.kind = AK_DYAD;
        info.group = -1;
        info.dyad[0] = info.dyad[1] = -1;
        if (push(c, &a, &info))
            return -1;
    }
    return 0;
}

/* What separates actors k-1 and k: 0 nothing that joins them, 1 a comma
 * alone, 2 a conjunction ("dan", "serta", "and", "&", ", dan"). */
static int joiner(const struct saksi_doc *d, size_t k)
{
    const saksi_actor *a = &d->actors[k - 1], *b = &d->actors[k];
    const struct actor_info *ia = &d->ainfo[k - 1], *ib = &d->ainfo[k];
    if (a->sentence != b->sentence || ia->place || ib->place ||
        ia->kind == AK_PRONOUN || ib->kind == AK_PRONOUN ||
        ia->kind == AK_DYAD || ib->kind == AK_DYAD)
        return 0;
    size_t gap_from = a->first_token + a->n_tokens, gap_to = b->first_token;
    if (gap_to <= gap_from || gap_to - gap_from > 2)
        return 0;
    int conj = 0;
    for (size_t t = gap_from; t < gap_to; t++) {
        const saksi_token *tk = &d->toks[t];
        if (is_comma(tk))
            continue;
        if (!tok_marked(tk, SAKSI_MARK_AND))
            return 0;
        conj = 1;
    }
    return conj ? 2 : 1;
}

/* Actors separated only by "dan", "serta", "and", "&" or commas form one
 * compound: "Armenia dan Azerbaijan", "Arab Saudi, Mesir, Uni Emirat Arab
 * dan Bahrain". A run joined by commas alone is an apposition ("Rusia,
 * sekutu Armenia"), not a list: a list ends with a conjunction. */
static void group_compounds(ctx *c, size_t from)
{
    struct saksi_doc *d = c->d;
    size_t k = from + 1;
    while (k < d->nactors) {
        /* the run of actors [k-1, e) joined one to the next */
        size_t e = k;
        int conj = 0;
        for (int j; e < d->nactors && (j = joiner(d, e)) != 0; e++) {
            conj |= j == 2;
            if (j == 2) {
                e++;
                break; /* the conjunction ends the list */
            }
        }
        if (!conj || e - (k - 1) < 2) {
            k = e > k ? e : k + 1;
            continue;
        }
        size_t first = k - 1;
        if (d->ainfo[first].group < 0)
            d->ainfo[first].group = c->groups++;
        for (size_t q = first + 1; q < e; q++) {
            d->ainfo[q].group = d->ainfo[first].group;
            const saksi_actor *a = &d->actors[q - 1], *b = &d->actors[q];
            if (a->code[0] && b->code[0] && strncmp(a->code, b->code, 3) != 0) {
                c->last_dyad[0] = (long)q - 1;
                c->last_dyad[1] = (long)q;
            }
        }
        k = e + 1;
    }
}

static int role_is(const saksi_actor *a, const char *role)
{
    size_t n = strlen(a->code);
    for (size_t k = 3; k + 3 <= n; k += 3)
        if (memcmp(a->code + k, role, 3) == 0)
            return 1;
    return 0;
}

/* A role of the state's own forces and officials. */
static int state_role(const char *role)
{
    return strcmp(role, "MIL") == 0 || strcmp(role, "COP") == 0 ||
           strcmp(role, "GOV") == 0 || strcmp(role, "SPY") == 0;
}

/* Is actor k a fitting antecedent for a pronoun? Persons and officials for
 * dia/ia/beliau; anything with a code for mereka/pihaknya. */
static int fits(const struct saksi_doc *d, size_t k, int personal)
{
    const saksi_actor *a = &d->actors[k];
    const struct actor_info *i = &d->ainfo[k];
    if (!a->code[0] || i->place || i->kind == AK_DYAD)
        return 0;
    if (!personal)
        return 1;
    if (strlen(a->code) == 3)
        return 0; /* a country is not "dia" */
    if (personal == 2)
        return i->person;
    return role_is(a, "GOV") || role_is(a, "MIL") || role_is(a, "COP") ||
           role_is(a, "REB") || role_is(a, "OPP") || role_is(a, "JUD") ||
           role_is(a, "LEG") || role_is(a, "ELI") || role_is(a, "PTY");
}

/* The nearest fitting actor before actor k: earlier in its sentence, then
 * up to two sentences back (the first actor there: their subject). */
static long antecedent1(const struct saksi_doc *d, size_t k, int personal);

/* dia, ia, beliau: a named person if one is near, else an official */
static long antecedent(const struct saksi_doc *d, size_t k, int personal)
{
    if (personal) {
        long p = antecedent1(d, k, 2);
        if (p >= 0)
            return p;
    }
    return antecedent1(d, k, personal);
}

/* Is actor q the subject of the verb that actor k is the object of
 * ("pasukan Armenia menyerang pos mereka": not Armenia's own posts)? A verb
 * other than a reporting one stands between them, and no clause break. */
static int subject_of_same_verb(const struct saksi_doc *d, size_t q, size_t k)
{
    const saksi_actor *a = &d->actors[q], *b = &d->actors[k];
    int verb = 0;
    for (size_t t = a->first_token + a->n_tokens; t < b->first_token; t++) {
        const saksi_token *tk = &d->toks[t];
        if (tk->cls == SAKSI_TOK_PUNCT || tk->cls == SAKSI_TOK_QUOTE ||
            tok_marked(tk, SAKSI_MARK_CLAUSE | SAKSI_MARK_REPORTING))
            return 0;
        for (int x = 0; x < tk->n_affixes; x++)
            verb |= tk->affixes[x] == AFF_MEN || tk->affixes[x] == AFF_DI ||
                    tk->affixes[x] == AFF_BER;
    }
    return verb;
}

/* Can actor k, the object of a verb whose subject is actor q, not point
 * back to q? A pronoun never does ("menyerang pos mereka"); a role noun
 * with -nya does, unless the subject is an armed force itself ("Rusia
 * menarik pasukannya" but "pasukan Karabakh menargetkan posisi
 * tentaranya": the other side's soldiers). */
static int object_of(const struct saksi_doc *d, size_t q, size_t k)
{
    if (!subject_of_same_verb(d, q, k))
        return 0;
    if (d->ainfo[k].kind == AK_PRONOUN)
        return 1;
    return d->ainfo[k].kind == AK_POSSESSED &&
           (role_is(&d->actors[q], "MIL") || role_is(&d->actors[q], "REB"));
}

static long antecedent1(const struct saksi_doc *d, size_t k, int personal)
{
    size_t sent = d->actors[k].sentence;
    for (size_t q = k; q-- > 0;) {
        if (d->actors[q].sentence != sent)
            break;
        if (fits(d, q, personal) && !object_of(d, q, k))
            return (long)q;
    }
    for (size_t back = 1; back <= 2 && back <= sent; back++) {
        long subject = -1, last = -1;
        for (size_t q = 0; q < k; q++)
            if (d->actors[q].sentence == sent - back && fits(d, q, personal)) {
                if (subject < 0)
                    subject = (long)q;
                last = (long)q;
            }
        (void)last;
        if (subject >= 0)
            return subject;
    }
    return -1;
}

/* Resolves what points back, and gives role nouns alone their country. */
static void resolve(ctx *c, size_t from)
{
    struct saksi_doc *d = c->d;
    for (size_t k = from; k < d->nactors; k++) {
        saksi_actor *a = &d->actors[k];
        struct actor_info *i = &d->ainfo[k];
        long ante = -1;
        switch (i->kind) {
        case AK_PRONOUN: {
            const saksi_token *t = &d->toks[a->first_token];
            /* kami, kita, saya, we, I: the speaker of a quote, found by the
             * events stage */
            if (tok_marked(t, SAKSI_MARK_FIRST_PERSON))
                continue;
            int personal = tok_marked(t, SAKSI_MARK_PERSONAL);
            ante = antecedent(d, k, personal);
            break;
        }
        case AK_POSSESSED:
            /* tentaranya: the possessor's forces — the possessor itself
             * when it is an armed actor already ("tentara Karabakh") */
            ante = antecedent(d, k, 0);
            if (ante >= 0) {
                const char *pc = d->actors[ante].code;
                if (strlen(pc) > 3 && strcmp(i->role, "MIL") == 0 &&
                    (role_is(&d->actors[ante], "MIL") ||
                     role_is(&d->actors[ante], "REB")))
                    memcpy(a->code, pc, sizeof a->code);
                else
                    set_code(a, pc, i->role);
                a->antecedent = ante;
            }
            continue;
        case AK_ANAPHOR:
            for (size_t q = k; q-- > 0 && ante < 0;)
                if (d->actors[q].code[0] && !d->ainfo[q].place &&
                    d->actors[k].sentence - d->actors[q].sentence <= 2 &&
                    role_is(&d->actors[q], i->role))
                    ante = (long)q;
            if (ante >= 0)
                break;
            /* "aktivis itu" with no activist before: as a role noun alone */
            /* fall through */
        case AK_AGENT:
            /* "Kementerian luar negeri" after "Kementerian Luar Negeri
             * Rusia": the same role noun names the same actor again */
            for (size_t q = k; q-- > 0;) {
                if (d->actors[k].sentence - d->actors[q].sentence > 5)
                    break;
                if (d->ainfo[q].kind == AK_COMPOSED &&
                    d->ainfo[q].agent_rule == i->agent_rule &&
                    d->actors[q].code[0]) {
                    memcpy(a->code, d->actors[q].code, sizeof a->code);
                    a->antecedent = (long)q;
                    break;
                }
            }
            if (a->code[0])
                continue;
            {
                /* the country the text is talking about here: the nearest
                 * named country-bearing actor before it in this sentence,
                 * else the article's home country, else the nearest in the
                 * three sentences before (measured on our gold suite: the
                 * home country beats the previous sentences' countries) */
                const char *ctry = NULL;
                for (size_t q = k; q-- > 0 && !ctry;) {
                    size_t back = d->actors[k].sentence - d->actors[q].sentence;
                    if (back > 3 || (back > 0 && d->home[0]))
                        break; /* past this sentence, the article's own */
                    const saksi_actor *x = &d->actors[q];
                    if ((d->ainfo[q].kind == AK_NAME ||
                         d->ainfo[q].kind == AK_COMPOSED) && x->code[0] &&
                        strncmp(x->code, "IGO", 3) != 0 &&
                        strncmp(x->code, "NGO", 3) != 0 &&
                        strncmp(x->code, "IMG", 3) != 0 &&
                        !(state_role(i->role) &&
                          (role_is(x, "REF") || role_is(x, "CVL"))))
                        ctry = x->code; /* not the refugees' country for
                                           "tentara" */
                }
                if (!ctry && d->home[0])
                    ctry = d->home;
                if (ctry)
                    set_code(a, ctry, i->role);
                else
                    snprintf(a->code, sizeof a->code, "%s", i->role);
            }
            continue;
        case AK_DYAD:
            i->dyad[0] = c->last_dyad[0];
            i->dyad[1] = c->last_dyad[1];
            continue;
        default:
            continue;
        }
        if (ante >= 0) {
            a->antecedent = ante;
            memcpy(a->code, d->actors[ante].code, sizeof a->code);
        }
    }
}

/* Does actor k name a country by itself (Rusia, Presiden Rusia, TNI)? */
static int named(const struct saksi_doc *d, size_t k)
{
    const char *code = d->actors[k].code;
    return (d->ainfo[k].kind == AK_NAME || d->ainfo[k].kind == AK_COMPOSED) &&
           code[0] && strncmp(code, "IGO", 3) != 0 &&
           strncmp(code, "NGO", 3) != 0 && strncmp(code, "IMG", 3) != 0;
}

/* The home country: the country the article's named actors name most,
 * else the dateline's. */
static void home_country(struct saksi_doc *d)
{
    d->home[0] = '\0';
    size_t best = 0;
    for (size_t k = 0; k < d->nactors; k++) {
        if (!named(d, k))
            continue;
        size_t n = 0;
        for (size_t q = 0; q < d->nactors; q++)
            n += named(d, q) &&
                 strncmp(d->actors[q].code, d->actors[k].code, 3) == 0;
        if (n > best) {
            best = n;
            snprintf(d->home, sizeof d->home, "%.3s", d->actors[k].code);
        }
    }
    /* no named country at all: the dateline's (an outlet's home town
     * names its country, not the story's, so it comes last) */
    for (size_t k = 0; k < d->nactors && !d->home[0]; k++) {
        const saksi_actor *a = &d->actors[k];
        if (d->sents[a->sentence].kind == SAKSI_SENT_DATELINE && a->code[0])
            snprintf(d->home, sizeof d->home, "%.3s", a->code);
    }
}

int saksi_actors(saksi_worker *w, struct saksi_doc *d)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.w = w;
    c.d = d;
    c.last_dyad[0] = c.last_dyad[1] = -1;
    d->actors = NULL;
    d->ainfo = NULL;
    d->nactors = 0;
    for (size_t s = 0; s < d->nsents; s++) {
        size_t from = d->nactors;
        if (d->sents[s].lang == SAKSI_LANG_EN)
            en_uses(w, d, s); /* verbs, participles, nouns */
        if (find_in_sentence(&c, &d->sents[s]))
            return -1;
        group_compounds(&c, from);
    }
    home_country(d);
    /* resolution after the home country is known, sentence by sentence so
     * that a dyad sees only what came before it */
    c.last_dyad[0] = c.last_dyad[1] = -1;
    size_t k = 0;
    for (size_t s = 0; s < d->nsents; s++) {
        size_t from = k;
        while (k < d->nactors && d->actors[k].sentence == s)
            k++;
        resolve(&c, from);
        /* the dyad the sentence names, for the sentences after it */
        for (size_t q = from + 1; q < k; q++)
            if (d->ainfo[q].group >= 0 &&
                d->ainfo[q].group == d->ainfo[q - 1].group &&
                strncmp(d->actors[q].code, d->actors[q - 1].code, 3) != 0) {
                c.last_dyad[0] = (long)q - 1;
                c.last_dyad[1] = (long)q;
            }
    }
    d->tok_actor = saksi_arena_alloc(&w->arena,
                                     (d->ntoks ? d->ntoks : 1) * sizeof *d->tok_actor);
    if (!d->tok_actor)
        return -1;
    for (size_t t = 0; t < d->ntoks; t++)
        d->tok_actor[t] = -1;
    for (size_t q = 0; q < d->nactors; q++) {
        const saksi_actor *a = &d->actors[q];
        for (size_t t = a->first_token; t < a->first_token + a->n_tokens; t++)
            if (d->tok_actor[t] < 0)
                d->tok_actor[t] = (int32_t)q;
    }
    for (size_t q = 0; q < d->nactors; q++)
        d->actors[q].rule = d->ainfo[q].rule || d->ainfo[q].kind == AK_NAME ||
                                    d->ainfo[q].kind == AK_COMPOSED
                                ? coder_rule_string(w, d->ainfo[q].rule)
                                : NULL;
    return 0;
}

const char *coder_rule_string(saksi_worker *w, uint32_t rule)
{
    const saksi_model *m = w->m;
    if (rule >= m->nrules)
        return NULL;
    char buf[512];
    /* saksi's own files are named under data/; a peer's file (--dict) as
     * it was given */
    const char *f = m->rule_files[m->rules[rule].file];
    int own = f[0] != '/' && strncmp(f, "../", 3) != 0 && strncmp(f, "./", 2) != 0;
    int n = snprintf(buf, sizeof buf, "%s%s:%u", own ? "data/" : "", f,
                     m->rules[rule].line);
    if (n < 0)
        return NULL;
    return saksi_arena_strndup(&w->arena, buf, (size_t)n);
}

size_t saksi_doc_actor_count(const saksi_doc *d)
{
    return d->nactors;
}

const saksi_actor *saksi_doc_actor(const saksi_doc *d, size_t i)
{
    return i < d->nactors ? &d->actors[i] : NULL;
}
