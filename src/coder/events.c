/*
 * events.c — the coder proper: verb patterns and actors become CAMEO
 * events, each with the evidence it was coded from.
 *
 * Per sentence:
 *  1. Verb patterns (data/verbs) match at their head word (a verb or an
 *     event noun, by root), the longest pattern winning; a head inside an
 *     actor's name ("Kementerian Pertahanan") is not an event.
 *  2. Reported speech is found from the reporting words of
 *     data/lang/markers.tsv: "X mengatakan (bahwa) …" and "menurut X, …"
 *     report what follows, "…, kata X" what precedes. Events inside are
 *     claimed by X, and a claim without its own subject is X's.
 *  3. Roles. The sentence is cut into clauses at punctuation, quotes,
 *     clause openers (bahwa, sementara) and reporting words. An active verb
 *     takes the nearest actor before it in its clause as source and the
 *     nearest after it as target; a passive one (di-, ter-) the other way
 *     round, its agent after "oleh" or right after the verb; an event noun
 *     takes "antara A dan B" as both sides, the actor right after it as its
 *     author and the one after terhadap/atas/kepada as its target. A clause
 *     without a subject shares the sentence's previous one ("…, dan
 *     mempertanyakan …"). Compounds give one event per member; "saling"
 *     and "kedua belah pihak" give both directions.
 *  4. Mood: a negation or denial before the verb, a future or intent
 *     marker, a condition, or background (a year before publication, or a
 *     background sentence before it with no new time of its own).
 *  5. Casualties (data/lang/casualties.tsv) go to the violent event of the
 *     sentence; without one, they are a use of force (190) against the
 *     victims' side.
 *  6. Duplicates (same source, target, CAMEO root and mood in a sentence)
 *     are merged: each event is justified by one rule.
 */
#include "coder.h"
#include "../dict/peers.h"
#include "../lang/morph.h"
#include "../core/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t pattern; /* index into m->verbs */
    size_t head;      /* first token of the head */
    size_t last;      /* last token of the whole match */
    int weight;
} vmatch;

typedef struct {
    saksi_worker *w;
    struct saksi_doc *d;
    const saksi_sentence *s;
    size_t first, end;
    size_t cap;            /* of d->events */
    size_t sent_first_event;
    long *claimant;        /* per token of the sentence: speaker, or -1 */
    uint8_t *boundary;     /* per token: a clause boundary */
    uint8_t *in_actor;     /* per token: inside an actor's words */
    int prev_historical;   /* sentences of background just before */
    size_t act_first, act_end; /* the sentence's actors */
    long last_source;      /* the sentence's last event source */
    long *speakers;        /* per sentence: who reports in it, or -1 */
    long fight[2];         /* the two sides of the last violent event */
    size_t fight_sentence; /* …and where it was coded */
} ctx;

/* An English determiner or pre-noun adjective (data/lang/en-grammar.tsv)? */
static int en_det(const ctx *c, size_t q)
{
    return (saksi_model_wflags2(c->w->m, c->d->toks[q].word) & WF2_EN_DET) != 0;
}

/* The first token of the determiners ending right before token i, from
 * `from` on ("the army", "a deadly attack"): i when there is none. */
static size_t dets_before(const ctx *c, size_t from, size_t i)
{
    while (i > from && en_det(c, i - 1))
        i--;
    return i;
}

static int has_affix(const saksi_token *t, int aff)
{
    for (int k = 0; k < t->n_affixes; k++)
        if (t->affixes[k] == aff)
            return 1;
    return 0;
}

/* ---- verb patterns ------------------------------------------------------ */

/* Does element e match token t? */
static int elem_matches(const phrase_word *e, const saksi_token *t)
{
    if (e->by_root)
        return t->root == e->id;
    return t->word == e->id || t->root == e->id;
}

/* Matches the elements after a pattern's head from token k on, within
 * [k, end): returns the last matched token, or (size_t)-1. */
static size_t match_rest(const saksi_model *m, const verb_pattern *vp,
                         const saksi_token *toks, size_t k, size_t end,
                         const uint8_t *boundary, size_t first)
{
    size_t last = k - 1;
    for (uint16_t e = vp->nhead; e < vp->nelem; e++) {
        const phrase_word *el = &m->velems[vp->elem + e];
        if (el->id == VERB_GAP) {
            const phrase_word *next = &m->velems[vp->elem + e + 1];
            size_t limit = k + 5; /* up to four words in between */
            size_t found = (size_t)-1;
            for (size_t q = k; q < end && q < limit; q++) {
                if (toks[q].cls == SAKSI_TOK_QUOTE) {
                    limit++; /* menyerukan semua pihak “untuk menahan diri” */
                    continue;
                }
                if (boundary[q - first])
                    break; /* a gap stays inside its clause */
                if (elem_matches(next, &toks[q])) {
                    found = q;
                    break;
                }
            }
            if (found == (size_t)-1)
                return (size_t)-1;
            last = found;
            k = found + 1;
            e++; /* the element after the gap is matched */
            continue;
        }
        if (k >= end || !elem_matches(el, &toks[k]))
            return (size_t)-1;
        last = k++;
    }
    return last;
}

/* The best pattern whose head starts at token i. */
/* The words a peer's pattern puts before its verb, found in order before
 * token i of the sentence: their count (0 for a pattern without any, or
 * one of saksi's own), or -1 when one is missing. */
static int pre_words(const ctx *c, uint32_t verb, size_t i)
{
    peer_pattern pp;
    if (!peers_pattern(c->w->m, verb, &pp) || !(pp.flags & PEER_VF_PRE))
        return 0;
    size_t nv = 0;
    while (nv < pp.n && pp.elems[nv].id != PEER_EL_VERB)
        nv++;
    if (nv == pp.n)
        return 0;
    int count = 0;
    size_t q = i;
    for (size_t e = nv; e-- > 0;) {
        const phrase_word *w = &pp.elems[e];
        if (w->id >= PEER_EL_MAGIC) /* a gap or an actor marker */
            continue;
        int hit = 0;
        while (q > c->first) {
            q--;
            if (elem_matches(w, &c->d->toks[q])) {
                hit = 1;
                break;
            }
        }
        if (!hit)
            return -1;
        count++;
    }
    return count;
}

static int verb_at(const ctx *c, size_t i, vmatch *out)
{
    const saksi_model *m = c->w->m;
    const saksi_token *toks = c->d->toks;
    if (!saksi_model_starts(m, &toks[i], WF_PH_VERB))
        return 0;
    phrase_hit hits[8];
    size_t n = phrase_match(&m->phrases, toks, i, c->end, hits, 8, PM_ROOTS);
    int found = 0;
    for (size_t h = 0; h < n; h++) {
        for (uint32_t k = hits[h].val; k; k = m->phrases.vals[k].next) {
            const phrase_val *v = &m->phrases.vals[k];
            if (v->table != PT_VERB || (v->lang && v->lang != c->s->lang))
                continue;
            const verb_pattern *vp = &m->verbs[v->ival];
            if (vp->nhead != hits[h].len)
                continue;
            size_t last = i + hits[h].len - 1;
            if (vp->nelem > vp->nhead) {
                last = match_rest(m, vp, toks, i + hits[h].len, c->end,
                                  c->boundary, c->first);
                if (last == (size_t)-1)
                    continue;
            }
            /* a peer's pattern with words before the verb ("- NOT * +"):
             * they must stand before it in the sentence, and count */
            int weight = vp->weight;
            if (m->peer_dicts) {
                int pre = pre_words(c, (uint32_t)v->ival, i);
                if (pre < 0)
                    continue;
                weight += pre;
            }
            if (!found || weight > out->weight ||
                (weight == out->weight && (uint32_t)v->ival < out->pattern)) {
                out->pattern = (uint32_t)v->ival;
                out->head = i;
                out->last = last;
                out->weight = weight;
                found = 1;
            }
        }
    }
    return found;
}

/* ---- clauses and reported speech ------------------------------------------ */

static int is_punct(const saksi_token *t, char ch)
{
    return t->cls == SAKSI_TOK_PUNCT && t->norm_len == 1 && t->norm[0] == ch;
}

static void find_boundaries(ctx *c)
{
    const saksi_token *toks = c->d->toks;
    for (size_t i = c->first; i < c->end; i++) {
        const saksi_token *t = &toks[i];
        c->boundary[i - c->first] =
            is_punct(t, ',') || is_punct(t, ';') || is_punct(t, ':') ||
            t->cls == SAKSI_TOK_QUOTE || (t->cls == SAKSI_TOK_PUNCT &&
                                          (t->norm[0] == '-' ||
                                           (unsigned char)t->norm[0] == 0xE2)) ||
            tok_marked(t, SAKSI_MARK_CLAUSE | SAKSI_MARK_REPORTING);
    }
    /* scare quotes inside a clause ("mengecam “serangan sistematis”
     * aparat …"): a short quoted phrase with no punctuation in it, inside
     * the sentence, cuts nothing */
    for (size_t i = c->first + 1; i < c->end; i++) {
        if (toks[i].cls != SAKSI_TOK_QUOTE)
            continue;
        size_t j = i + 1;
        while (j < c->end && j <= i + 5 && toks[j].cls != SAKSI_TOK_QUOTE &&
               toks[j].cls != SAKSI_TOK_PUNCT)
            j++;
        if (j < c->end && j > i + 1 && j <= i + 5 &&
            toks[j].cls == SAKSI_TOK_QUOTE && j + 1 < c->end &&
            toks[j + 1].cls != SAKSI_TOK_PUNCT &&
            !tok_marked(&toks[j + 1], SAKSI_MARK_REPORTING) &&
            toks[i - 1].cls != SAKSI_TOK_PUNCT) {
            c->boundary[i - c->first] = 0;
            c->boundary[j - c->first] = 0;
            i = j;
        }
    }
}

/* The actor whose words include token i, or -1. */
static long actor_covering(const struct saksi_doc *d, size_t i)
{
    return i < d->ntoks ? d->tok_actor[i] : -1;
}

/* The actor starting within `span` tokens after token i, or -1. */
static long actor_after(const ctx *c, size_t i, size_t span)
{
    for (size_t q = i; q < c->end && q < i + span; q++) {
        long a = actor_covering(c->d, q);
        if (a >= 0 && c->d->actors[a].first_token == q &&
            !c->d->ainfo[a].place)
            return a;
    }
    return -1;
}

/* The nearest actor before token i, back to the sentence start. */
static long actor_before(const ctx *c, size_t i)
{
    long best = -1;
    for (size_t k = c->act_first; k < c->act_end; k++) {
        const saksi_actor *a = &c->d->actors[k];
        if (a->first_token + a->n_tokens <= i && !c->d->ainfo[k].place)
            best = (long)k;
    }
    return best;
}

/* The speaker of a reporting word with -nya ("katanya"): the nearest
 * official before it, in this sentence or the two before. */
static long nya_speaker(const ctx *c, size_t i)
{
    const struct saksi_doc *d = c->d;
    long best = -1;
    for (size_t k = 0; k < d->nactors; k++) {
        const saksi_actor *a = &d->actors[k];
        if (a->first_token >= i || d->ainfo[k].place || !a->code[0] ||
            d->ainfo[k].kind == AK_DYAD)
            continue;
        if (c->s->index - a->sentence > 2)
            continue;
        if (strlen(a->code) > 3)
            best = (long)k;
    }
    return best;
}

/* Is the verb at token i coordinated with what comes before it ("…, dan
 * menyatakan", "…, menyatakan")? Then it shares the sentence's subject. */
static int coordinated(const ctx *c, size_t i)
{
    const saksi_token *toks = c->d->toks;
    for (size_t q = i; q-- > c->first && q + 3 >= i;) {
        if (tok_marked(&toks[q], SAKSI_MARK_AND) || is_punct(&toks[q], ','))
            return 1;
        if (!tok_marked(&toks[q], SAKSI_MARK_ADVERB))
            return 0; /* "juga", "pun", "kemudian" may stand between */
    }
    return 0;
}

/* The subject of the sentence before token i: its first actor that is not
 * a place. */
static long sentence_subject(const ctx *c, size_t i)
{
    for (size_t k = c->act_first; k < c->act_end; k++) {
        const saksi_actor *a = &c->d->actors[k];
        if (a->first_token >= i)
            break;
        if (!c->d->ainfo[k].place)
            return (long)k;
    }
    return -1;
}

/* English reports after what they report: "…, the army said." — the
 * speaker right after a comma or a quote, the reporting word right after
 * the speaker, and nothing but punctuation after it. */
static int report_at_end(const ctx *c, long speaker, size_t i)
{
    const struct saksi_doc *d = c->d;
    const saksi_actor *a = &d->actors[speaker];
    size_t f = a->first_token;
    if (a->first_token + a->n_tokens + 1 < i || f <= c->first)
        return 0;
    /* "the army said": the article before the speaker */
    f = dets_before(c, c->first + 1, f);
    const saksi_token *before = &d->toks[f - 1];
    if (!c->boundary[f - 1 - c->first] && before->cls != SAKSI_TOK_QUOTE &&
        before->cls != SAKSI_TOK_PUNCT)
        return 0;
    /* after it only when and where it was said ("said in Beirut on
     * Wednesday"): no verb, no clause of its own */
    for (size_t q = i + 1; q < c->end; q++) {
        const saksi_token *t = &d->toks[q];
        if (has_affix(t, AFF_MEN) || has_affix(t, AFF_DI) ||
            tok_marked(t, SAKSI_MARK_CLAUSE | SAKSI_MARK_REPORTING))
            return 0;
    }
    return 1;
}

/* Marks, per token, who reports it. "X mengatakan (bahwa) …" and "menurut
 * X, …" report what follows, up to the next such report; "…, kata X" and
 * "“…,” katanya" what precedes, where nothing else claims it. */
static void find_claims(ctx *c)
{
    const struct saksi_doc *d = c->d;
    size_t n = c->end - c->first;
    for (size_t q = 0; q < n; q++)
        c->claimant[q] = -1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = c->first; i < c->end; i++) {
            const saksi_token *t = &d->toks[i];
            if (!tok_marked(t, SAKSI_MARK_REPORTING) || actor_covering(d, i) >= 0)
                continue; /* inside an actor's name: not reporting */
            long speaker = -1;
            size_t from, to;
            int forward;
            int menurut = tok_marked(t, SAKSI_MARK_ACCORDING);
            if (menurut) {
                speaker = actor_after(c, i + 1, 3);
                if (speaker < 0)
                    continue;
                const saksi_actor *a = &d->actors[speaker];
                from = a->first_token + a->n_tokens;
                to = c->end;
                forward = 1;
            } else if (has_affix(t, AFF_NYA) &&
                       (speaker = nya_speaker(c, i)) >= 0) {
                from = c->first; /* "…,” katanya" */
                to = i;
                forward = 0;
            } else if (!has_affix(t, AFF_MEN) &&
                       (speaker = actor_after(c, i + 1, 2)) >= 0 &&
                       i > c->first &&
                       (c->boundary[i - 1 - c->first] ||
                        d->toks[i - 1].cls == SAKSI_TOK_QUOTE)) {
                from = c->first; /* "…,” kata X" */
                to = i;
                forward = 0;
            } else if (c->s->lang == SAKSI_LANG_EN &&
                       (speaker = actor_before(c, i)) >= 0 &&
                       report_at_end(c, speaker, i)) {
                from = c->first; /* "…, the army said." */
                to = d->actors[speaker].first_token;
                forward = 0;
            } else if ((speaker = coordinated(c, i) ? sentence_subject(c, i)
                                                    : actor_before(c, i)) >= 0) {
                from = i + 1; /* "X mengatakan (bahwa) …" */
                to = c->end;
                forward = 1;
            } else {
                continue;
            }
            if (!d->actors[speaker].code[0])
                continue; /* "kami menyatakan": the quote's speaker says */
            if (forward != (pass == 0))
                continue; /* forward reports first, in order */
            for (size_t q = from; q < to; q++)
                if (forward || c->claimant[q - c->first] < 0)
                    c->claimant[q - c->first] = speaker;
        }
    }
}

/* ---- roles ---------------------------------------------------------------- */

/* The clause around token i: [a, b). */
static void clause_of(const ctx *c, size_t i, size_t *a, size_t *b)
{
    size_t x = i, y = i + 1;
    while (x > c->first && !c->boundary[x - 1 - c->first])
        x--;
    while (y < c->end && !c->boundary[y - c->first])
        y++;
    *a = x;
    *b = y;
}

/* Does the clause starting at token a open with a relative "yang"? */
static int relative_clause(const ctx *c, size_t a)
{
    return a > c->first && tok_marked(&c->d->toks[a - 1], SAKSI_MARK_RELATIVE);
}

/* Is token i inside a relative clause (yang …)? */
static int relative_clause_at(const ctx *c, size_t i)
{
    size_t a, b;
    clause_of(c, i, &a, &b);
    return relative_clause(c, a);
}

static int usable(const ctx *c, long k)
{
    return k >= 0 && !c->d->ainfo[k].place;
}

/* The nearest usable actor ending at or before token i, from token a on. */
static long left_in(const ctx *c, size_t a, size_t i)
{
    long best = -1;
    for (size_t k = c->act_first; k < c->act_end; k++) {
        const saksi_actor *x = &c->d->actors[k];
        if (x->first_token >= a && x->first_token + x->n_tokens <= i &&
            usable(c, (long)k))
            best = (long)k;
    }
    return best;
}

/* The nearest usable actor starting at or after token i, before b. */
static long right_in(const ctx *c, size_t i, size_t b)
{
    for (size_t k = c->act_first; k < c->act_end; k++) {
        const saksi_actor *x = &c->d->actors[k];
        if (x->first_token >= i && x->first_token < b && usable(c, (long)k))
            return (long)k;
    }
    return -1;
}

/* Is the head an event noun rather than a verb? */
static int is_noun(const saksi_token *t)
{
    if (has_affix(t, AFF_MEN) || has_affix(t, AFF_DI) ||
        has_affix(t, AFF_BER) || has_affix(t, AFF_DIPER) ||
        has_affix(t, AFF_MEMPER))
        return 0;
    return has_affix(t, AFF_AN) || has_affix(t, AFF_PEN) ||
           (t->morph & SAKSI_MORPH_ANALYZED && t->n_affixes == 0 &&
            !(t->morph & SAKSI_MORPH_LEXICON));
}

/* Is the head at token i a noun here? A bare root right after a quote or
 * "dan" is one too ("“teror fisik …”", "pelanggaran dan teror"): bare roots
 * serve as verbs only in headlines. */
static int head_is_noun(const ctx *c, size_t i)
{
    const saksi_token *t = &c->d->toks[i];
    if (is_noun(t))
        return 1;
    return t->n_affixes == 0 && i > c->first &&
           (c->d->toks[i - 1].cls == SAKSI_TOK_QUOTE ||
            tok_marked(&c->d->toks[i - 1], SAKSI_MARK_AND));
}

static int is_passive(const saksi_token *t)
{
    /* "dijadwalkan bertemu": a future marker, not a passive event */
    if (tok_marked(t, SAKSI_MARK_FUTURE | SAKSI_MARK_INTENT))
        return 0;
    return has_affix(t, AFF_DI) || has_affix(t, AFF_DIPER) ||
           has_affix(t, AFF_TER);
}

/* A passive light verb after the event noun ending at token `last`
 * ("serangan itu dilancarkan", "penangkapan yang dilakukan polisi"): its
 * token, or (size_t)-1. */
static size_t passive_light_after(const ctx *c, size_t last)
{
    const saksi_token *toks = c->d->toks;
    for (size_t q = last + 1; q < c->end && q <= last + 4; q++) {
        const saksi_token *t = &toks[q];
        if (tok_marked(t, SAKSI_MARK_LIGHT) && has_affix(t, AFF_DI))
            return q;
        if (!tok_marked(t, SAKSI_MARK_RELATIVE | SAKSI_MARK_ANAPHOR |
                               SAKSI_MARK_ADVERB | SAKSI_MARK_FUTURE |
                               SAKSI_MARK_INTENT | SAKSI_MARK_NEGATION) &&
            t->cls != SAKSI_TOK_CAPITALIZED)
            return (size_t)-1; /* "serangan Selasa pagi itu diluncurkan" */
    }
    return (size_t)-1;
}

/* English: an event noun is an event with its author before it ("Israeli
 * air strikes", "Russia's attack", "the rebels' offensive"), after "by",
 * between two sides after it, or after a light verb ("launched an
 * attack"); not as the object of another verb ("condemned the attack") or
 * after a preposition ("after the attack"). */
static int en_noun_is_event(const ctx *c, size_t h, size_t last)
{
    const struct saksi_doc *d = c->d;
    const saksi_token *toks = d->toks;
    size_t p = h;
    if (p > c->first && en_possessive(c->w->m, &toks[p - 1]))
        p--;
    int authored = 0;
    long pre = actor_covering(d, p - (p > c->first));
    if (p > c->first && pre >= 0 && !d->ainfo[pre].place &&
        d->actors[pre].first_token + d->actors[pre].n_tokens == p) {
        authored = 1;
        p = d->actors[pre].first_token;
    }
    p = dets_before(c, c->first, p);
    if (p > c->first) {
        const saksi_token *b = &toks[p - 1];
        if (tok_marked(b, SAKSI_MARK_LIGHT | SAKSI_MARK_RECEIVE))
            return 1;
        if (tok_marked(b, SAKSI_MARK_PREPOSITION | SAKSI_MARK_PLACE | SAKSI_MARK_ROUTE |
                              SAKSI_MARK_TOWARD))
            return 0;
        if (has_affix(b, AFF_MEN) && !tok_marked(b, SAKSI_MARK_REPORTING))
            return 0;
        /* "sent humanitarian aid", "launched a deadly attack" */
        size_t q = dets_before(c, c->first, p - 1);
        if (q > c->first && b->cls == SAKSI_TOK_WORD && !b->markers &&
            tok_marked(&toks[q - 1], SAKSI_MARK_LIGHT | SAKSI_MARK_RECEIVE))
            return 1;
    }
    if (authored)
        return 1;
    for (size_t q = h + 1; q < c->end && q <= last + 6; q++) {
        if (tok_marked(&toks[q], SAKSI_MARK_BETWEEN | SAKSI_MARK_BY))
            return 1;
        if (c->boundary[q - c->first] || has_affix(&toks[q], AFF_MEN) ||
            has_affix(&toks[q], AFF_DI))
            break; /* "the attack … was condemned by": another verb's */
    }
    return 0;
}

/* Is an event noun at token h an event here? Only with a light verb
 * before it (melakukan serangan, mengeluarkan kritik) or its author after
 * it (serangan Israel, pertempuran antara A dan B, penangkapan … oleh X),
 * and not as a circumstance after a preposition (pada pertemuan, sebagai
 * tanggapan). A noun as the object of another verb (mengawasi gencatan
 * senjata) is a thing, not an event. */
static int noun_is_event(const ctx *c, size_t h, size_t last)
{
    const saksi_token *toks = c->d->toks;
    if (c->s->lang == SAKSI_LANG_EN)
        return en_noun_is_event(c, h, last);
    size_t p = h;
    /* step back over quotes and adjectives of the noun phrase start */
    while (p > c->first && toks[p - 1].cls == SAKSI_TOK_QUOTE)
        p--;
    if (p > c->first) {
        const saksi_token *b = &toks[p - 1];
        if (tok_marked(b, SAKSI_MARK_PREPOSITION))
            return 0;
        if (tok_marked(b, SAKSI_MARK_LIGHT | SAKSI_MARK_RECEIVE))
            return 1;
        /* the object of another verb: "mengecam serangan Israel" is about
         * an attack, "mengawasi gencatan senjata" about a ceasefire */
        if (has_affix(b, AFF_MEN) && !tok_marked(b, SAKSI_MARK_REPORTING))
            return 0;
        if (p > c->first + 1 &&
            tok_marked(&toks[p - 2], SAKSI_MARK_LIGHT | SAKSI_MARK_RECEIVE))
            return 1; /* melakukan serangan udara, mengeluarkan kritik keras */
    }
    for (size_t q = last + 1; q < c->end && q <= last + 6; q++) {
        if (tok_marked(&toks[q], SAKSI_MARK_BETWEEN | SAKSI_MARK_BY))
            return 1;
        if (c->boundary[q - c->first])
            break;
    }
    if (passive_light_after(c, last) != (size_t)-1)
        return 1; /* "penangkapan dilakukan Tim Tekab" */
    /* "Serangan itu menewaskan …": the event the text has been reporting,
     * as the subject of its clause */
    if (last + 1 < c->end && tok_marked(&toks[last + 1], SAKSI_MARK_ANAPHOR) &&
        (p == c->first || c->boundary[p - 1 - c->first]))
        return 1;
    long a = actor_after(c, last + 1, 1);
    return a >= 0 && c->d->ainfo[a].kind != AK_PRONOUN;
}

/* ---- building events --------------------------------------------------------- */

typedef struct {
    long source, target, claimed_by;
    const char *why_source, *why_target;
    int symmetric;
    int relative; /* in a relative clause: no subject from elsewhere */
} roles;


static saksi_event *new_event(ctx *c)
{
    struct saksi_doc *d = c->d;
    if (d->nevents == c->cap) {
        size_t cap = c->cap * 2 + 16;
        saksi_event *v = saksi_arena_alloc(&c->w->arena, cap * sizeof *v);
        if (!v)
            return NULL;
        if (d->nevents)
            memcpy(v, d->events, d->nevents * sizeof *v);
        d->events = v;
        c->cap = cap;
    }
    saksi_event *e = &d->events[d->nevents++];
    memset(e, 0, sizeof *e);
    e->sentence = c->s->index;
    e->start = c->s->start;
    e->end = c->s->end;
    e->source = e->target = e->claimed_by = -1;
    e->killed = e->injured = -1;
    e->place = -1;
    return e;
}

/* Remembers why the pattern at `vm` coded nothing (for saksi explain). */
static void note_skip(ctx *c, const vmatch *vm, const char *why)
{
    struct saksi_doc *d = c->d;
    if (d->nnotes == d->notes_cap) {
        size_t cap = d->notes_cap * 2 + 16;
        struct coder_note *v = saksi_arena_alloc(&c->w->arena, cap * sizeof *v);
        if (!v)
            return; /* only an explanation is lost */
        if (d->nnotes)
            memcpy(v, d->notes, d->nnotes * sizeof *v);
        d->notes = v;
        d->notes_cap = cap;
    }
    struct coder_note *n = &d->notes[d->nnotes++];
    n->sentence = c->s->index;
    n->start = d->toks[vm->head].start;
    n->end = d->toks[vm->last].end;
    n->rule = coder_rule_string(c->w, c->w->m->verbs[vm->pattern].rule);
    n->why = why;
}

static void set_cameo(ctx *c, saksi_event *e, const char *code)
{
    snprintf(e->cameo, sizeof e->cameo, "%s", code);
    const cameo_info *ci = saksi_model_cameo(c->w->m, code);
    if (ci) {
        e->cameo_name = saksi_model_str(c->w->m, ci->name);
        e->goldstein = ci->goldstein;
        e->quad = ci->quad;
        e->plover = saksi_model_str(c->w->m, ci->plover);
    } else {
        e->cameo_name = "";
        e->plover = "-";
    }
}

/* The members of an actor: itself, or every member of its compound, or the
 * two sides of a dyad. */
static size_t members(const ctx *c, long a, long *out, size_t max)
{
    const struct saksi_doc *d = c->d;
    if (a < 0) {
        out[0] = -1;
        return 1;
    }
    const struct actor_info *i = &d->ainfo[a];
    if (i->kind == AK_DYAD) {
        if (i->dyad[0] < 0) {
            out[0] = -1; /* "semua pihak" with no two sides named before */
            return 1;
        }
        out[0] = i->dyad[0];
        out[1] = i->dyad[1];
        return 2;
    }
    if (i->group < 0) {
        out[0] = a;
        return 1;
    }
    size_t n = 0;
    for (size_t k = 0; k < d->nactors && n < max; k++)
        if (d->ainfo[k].group == i->group && d->actors[k].sentence ==
                                                 d->actors[a].sentence)
            out[n++] = (long)k;
    return n;
}

/* The time mention nearest to token i in the sentence (one with a date),
 * or NULL. */
static const saksi_mention *time_near(const ctx *c, size_t i)
{
    const saksi_mention *best = NULL;
    size_t bestd = (size_t)-1;
    for (size_t k = 0; k < c->d->nments; k++) {
        const saksi_mention *m = &c->d->ments[k];
        if (m->sentence != c->s->index || m->kind != SAKSI_MENTION_TIME ||
            m->precision == SAKSI_PREC_NONE)
            continue;
        size_t dist = m->first_token > i ? m->first_token - i
                                         : i - m->first_token;
        if (dist < bestd) {
            bestd = dist;
            best = m;
        }
    }
    return best;
}

/* The place of an event at token i: in its clause, else the nearest in
 * its sentence, else the article's dateline. */
static long place_near(const ctx *c, size_t i)
{
    const struct saksi_doc *d = c->d;
    size_t a, b;
    clause_of(c, i, &a, &b);
    long best = -1, dateline = -1;
    size_t bestd = (size_t)-1;
    for (size_t k = 0; k < d->nplaces; k++) {
        const saksi_place *p = &d->places[k];
        if (p->dateline && dateline < 0)
            dateline = (long)k;
        if (p->sentence != c->s->index)
            continue;
        size_t dist = p->first_token > i ? p->first_token - i
                                         : i - p->first_token;
        if (p->first_token >= a && p->first_token < b)
            dist /= 4; /* the clause's own place first */
        /* the most precise place: a town before its province, its country,
         * or a sea ("di resor Laut Hitam Sochi" is in Sochi) */
        dist += p->precision == SAKSI_PLACE_POINT ? 0
                : p->precision == SAKSI_PLACE_ADMIN ? 3 : 6;
        if (!p->country[0])
            dist += 6;
        if (dist < bestd) {
            bestd = dist;
            best = (long)k;
        }
    }
    return best >= 0 ? best : dateline;
}

/* Does the sentence set itself in a year before publication? */
static int sentence_past(const ctx *c, int *has_time)
{
    int past = 0;
    *has_time = 0;
    int py = 0;
    if (c->d->has_pub) {
        int m, d;
        saksi_civil_from_days(c->d->pub, &py, &m, &d);
    }
    for (size_t k = 0; k < c->d->nments; k++) {
        const saksi_mention *m = &c->d->ments[k];
        if (m->sentence != c->s->index || m->kind != SAKSI_MENTION_TIME)
            continue;
        *has_time = 1;
        if (py && m->precision >= SAKSI_PREC_YEAR && atoi(m->date) < py)
            past = 1;
    }
    return past;
}

/* Is the condition word at token q "that" after a reporting verb? */
static int reported_that(const ctx *c, size_t q)
{
    for (size_t k = q; k-- > c->first && k + 6 >= q;)
        if (tok_marked(&c->d->toks[k], SAKSI_MARK_REPORTING))
            return 1;
    return 0;
}

static saksi_mood mood_of(const ctx *c, size_t head, const char **why,
                          int historical)
{
    const saksi_token *toks = c->d->toks;
    /* TABARI's and PETRARCH's dictionaries say intent and negation in the
     * code itself ("will meet" 036, "not urged" 121): with them, events are
     * coded as those coders code them */
    if (c->w->m->peer_dicts) {
        *why = "asserted (the peers' dictionaries carry mood in their codes)";
        return SAKSI_MOOD_ASSERTED;
    }
    size_t a, b;
    clause_of(c, head, &a, &b);
    /* a condition anywhere before the verb in the sentence — unless it is
     * "kalau"/"jika" used as "that" after a reporting verb ("menyampaikan
     * kepada parlemen kalau …") */
    for (size_t q = c->first; q < head; q++)
        if (tok_marked(&toks[q], SAKSI_MARK_CONDITION) &&
            !reported_that(c, q)) {
            *why = "hypothetical: a condition before the verb";
            return SAKSI_MOOD_HYPOTHETICAL;
        }
    /* negation just before the verb, or a denial governing it */
    for (size_t q = head > a + 3 ? head - 3 : a; q < head; q++)
        if (tok_marked(&toks[q], SAKSI_MARK_NEGATION)) {
            *why = "negated: a negation before the verb";
            return SAKSI_MOOD_NEGATED;
        }
    for (size_t q = c->first; q < head; q++)
        if (tok_marked(&toks[q], SAKSI_MARK_DENIAL) && head - q <= 4) {
            *why = "negated: denied";
            return SAKSI_MOOD_NEGATED;
        }
    for (size_t q = a; q <= head; q++)
        if (tok_marked(&toks[q], SAKSI_MARK_FUTURE | SAKSI_MARK_INTENT)) {
            *why = q == head ? "future: the event word itself is planned "
                               "(dijadwalkan)"
                             : "future: a future or intent word before the verb";
            return SAKSI_MOOD_FUTURE;
        }
    /* "pertemuan itu akan dilakukan": between a noun and its light verb */
    size_t pl = passive_light_after(c, head);
    for (size_t q = head + 1; pl != (size_t)-1 && q < pl; q++)
        if (tok_marked(&toks[q], SAKSI_MARK_FUTURE | SAKSI_MARK_INTENT)) {
            *why = "future: a future word before the noun's light verb";
            return SAKSI_MOOD_FUTURE;
        }
    if (historical) {
        *why = historical == 2 ? "historical: follows background sentences"
                               : "historical: set in a year before publication";
        return SAKSI_MOOD_HISTORICAL;
    }
    *why = "asserted";
    return SAKSI_MOOD_ASSERTED;
}

static char *fmt(ctx *c, const char *f, const char *a, const char *b)
{
    char buf[512];
    int n = snprintf(buf, sizeof buf, f, a ? a : "", b ? b : "");
    if (n < 0)
        return NULL;
    if ((size_t)n >= sizeof buf)
        n = (int)sizeof buf - 1;
    return saksi_arena_strndup(&c->w->arena, buf, (size_t)n);
}

static const char *actor_text(ctx *c, long k)
{
    if (k < 0)
        return "none";
    const saksi_actor *a = &c->d->actors[k];
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%.*s=%s",
                     (int)(a->end - a->start > 120 ? 120 : a->end - a->start),
                     c->d->article.text + a->start, a->code[0] ? a->code : "?");
    return saksi_arena_strndup(&c->w->arena, buf, n > 0 ? (size_t)n : 0);
}

/* The subject of the clause starting at token a, when the clause itself
 * names none before its verb: the noun a relative clause describes
 * ("perusahaan yang membantu …"), or the actor before an apposition or a
 * relative clause set off by commas ("pasukan rezim dan pemberontak, yang
 * memegang …, saling berbalas serangan"; "Sergei Lavrov, Menteri Luar
 * Negeri Rusia, mengatakan"). *relative is set in the first case. */
static long subject_beyond(const ctx *c, size_t a, int *relative)
{
    const saksi_token *toks = c->d->toks;
    *relative = 0;
    if (relative_clause(c, a)) {
        /* the noun right before "yang" (and a comma) */
        *relative = 1;
        size_t y = a - 1;
        if (y > c->first && is_punct(&toks[y - 1], ','))
            y--;
        long k = left_in(c, y > c->first + 3 ? y - 3 : c->first, y);
        return k;
    }
    /* "…, dan mempertanyakan": coordinated, it shares the subject before */
    if (a < c->end && tok_marked(&toks[a], SAKSI_MARK_AND))
        return -1;
    /* "Trump …, setelah terlebih dahulu mengunjungi Jepang": a subordinate
     * clause without a subject of its own has the sentence's */
    size_t sub = a > c->first && c->boundary[a - 1 - c->first] ? a - 1 : a;
    if (sub > c->first && sub < c->end &&
        tok_marked(&toks[sub], SAKSI_MARK_PREPOSITION) &&
        !tok_marked(&toks[sub], SAKSI_MARK_RELATIVE))
        return sentence_subject(c, sub);
    size_t x = a;
    for (int hop = 0; hop < 3; hop++) {
        if (x <= c->first + 1 || !is_punct(&toks[x - 1], ','))
            return -1;
        size_t pa, pb;
        clause_of(c, x - 2, &pa, &pb);
        if (relative_clause(c, pa)) {
            /* ", yang memegang …," — describes the noun before "yang" */
            size_t y = pa - 1;
            if (y > c->first && is_punct(&toks[y - 1], ','))
                y--;
            long k = left_in(c, y > c->first + 3 ? y - 3 : c->first, y);
            if (k >= 0)
                return k;
            return -1;
        }
        /* ", Menteri Luar Negeri Rusia," — a segment that is one actor */
        long k = left_in(c, pa, pb);
        /* "The US commander in Iraq, General David Petraeus, held talks":
         * the actor before its place */
        if (k >= 0 && c->d->ainfo[k].place && c->s->lang == SAKSI_LANG_EN) {
            long k2 = left_in(c, pa, c->d->actors[k].first_token);
            if (k2 >= 0 && c->d->actors[k2].first_token <= pa + 1 &&
                tok_marked(&toks[c->d->actors[k2].first_token + c->d->actors[k2].n_tokens],
                           SAKSI_MARK_PLACE))
                return k2;
        }
        if (k >= 0) {
            const saksi_actor *ak = &c->d->actors[k];
            if (ak->first_token + ak->n_tokens == pb && ak->first_token <= pa + 1)
                return k;
            return -1;
        }
        if (pb - pa > 6)
            return -1; /* a clause of its own: not an apposition */
        x = pa; /* a short aside ("pada Senin,"): look further back */
    }
    return -1;
}

/* The receiving verb right before the event noun at token h (mendapat
 * kecaman, menuai kritik keras is h-1 or h-2), or (size_t)-1. */
static size_t received_at(const ctx *c, size_t h)
{
    for (size_t q = h; q-- > c->first && q + 2 >= h;)
        if (tok_marked(&c->d->toks[q], SAKSI_MARK_RECEIVE))
            return q;
    return (size_t)-1;
}

/* "menyesalkan ancaman yang diluncurkan Korut": an object the clause
 * ending at b describes by its author, in a relative clause right after. */
static long relative_author(const ctx *c, size_t b, const char **why)
{
    const saksi_token *toks = c->d->toks;
    if (b >= c->end || !tok_marked(&toks[b], SAKSI_MARK_RELATIVE))
        return -1;
    size_t x, y;
    clause_of(c, b + 1 < c->end ? b + 1 : b, &x, &y);
    if (b + 1 >= c->end || !is_passive(&toks[b + 1]))
        return -1;
    size_t from = b + 2;
    if (from < y && tok_marked(&toks[from], SAKSI_MARK_BY))
        from++;
    long t = actor_after(c, from, 2);
    if (t >= 0)
        *why = "the author of the object (yang … oleh X)";
    return t;
}

/* Finds source and target of a verb match. */
static roles find_roles(ctx *c, const vmatch *vm)
{
    const struct saksi_doc *d = c->d;
    const saksi_token *h = &d->toks[vm->head];
    roles r = {-1, -1, -1, "", "", 0, 0};
    size_t a, b;
    clause_of(c, vm->head, &a, &b);
    /* the object may stand inside the pattern ("menyerang kepolisian
     * Myanmar dengan pisau"): look from the end of the head on */
    size_t after = vm->head + c->w->m->verbs[vm->pattern].nhead;
    if (head_is_noun(c, vm->head) ||
        (h->n_affixes == 0 && received_at(c, vm->head) != (size_t)-1)) {
        after = vm->last + 1; /* the whole pattern is the noun phrase */
        size_t rv = received_at(c, vm->head);
        if (rv != (size_t)-1) {
            /* "Myanmar menuai kecaman dari PBB": PBB → Myanmar */
            r.target = left_in(c, a, rv);
            r.why_target = "the subject who receives the event (mendapat, menuai)";
            if (r.target < 0) {
                r.target = subject_beyond(c, a, &r.relative);
                r.why_target = "the subject who receives the event, before an "
                               "apposition";
            }
            r.source = right_in(c, after, b);
            r.why_source = "the author after the received event (dari X)";
            return r;
        }
        /* pertempuran antara A dan B; English patterns may reach past
         * "between" ("@fight ... forces") */
        size_t bfrom = c->s->lang == SAKSI_LANG_EN ? vm->head + 1 : after;
        for (size_t q = bfrom; q < c->end && q < after + 6; q++) {
            if (tok_marked(&d->toks[q], SAKSI_MARK_BETWEEN)) {
                long x = actor_after(c, q + 1, 2);
                if (x >= 0) {
                    long mem[8];
                    size_t n = members(c, x, mem, 8);
                    if (n >= 2) {
                        r.source = mem[0];
                        r.target = mem[1];
                        r.symmetric = 1;
                        r.why_source = r.why_target = "between the two sides (antara, between)";
                        return r;
                    }
                }
            }
        }
        /* serangan udara Israel: the author right after the noun; English
         * names it before ("Israeli air strikes", "Russia's attack") or
         * after "by" ("the attack by rebels") */
        long gen = -1;
        if (c->s->lang == SAKSI_LANG_EN) {
            size_t h0 = vm->head;
            if (h0 > a && en_possessive(c->w->m, &d->toks[h0 - 1]))
                h0--;
            long pre = left_in(c, a, h0);
            if (pre >= 0 && d->actors[pre].first_token + d->actors[pre].n_tokens == h0) {
                r.source = pre;
                r.why_source = "the author named before the event noun";
            } else if (after < c->end && tok_marked(&d->toks[after], SAKSI_MARK_BY) &&
                       (gen = actor_after(c, after + 1, 2)) >= 0) {
                r.source = gen;
                r.why_source = "the author after by";
            }
        } else if ((gen = actor_after(c, after, 1)) >= 0) {
            r.source = gen;
            r.why_source = "the author named after the event noun";
        }
        size_t pl = passive_light_after(c, vm->last);
        if (r.source < 0 && pl != (size_t)-1) {
            /* "penangkapan dilakukan (oleh) Tim Tekab" */
            size_t q = pl + 1;
            if (q < c->end && tok_marked(&d->toks[q], SAKSI_MARK_BY))
                q++;
            long x = actor_after(c, q, 2);
            if (x >= 0) {
                r.source = x;
                r.why_source = "the agent of the passive light verb (dilakukan oleh)";
            }
        }
        for (size_t q = after; q < b && q < c->end; q++)
            if (tok_marked(&d->toks[q], SAKSI_MARK_TOWARD)) {
                /* "terhadap sekutunya, Moskow": an apposition may come
                 * first */
                long t = actor_after(c, q + 1, 4);
                if (t >= 0) {
                    r.target = t;
                    r.why_target = "the target after terhadap/atas/kepada/on/against";
                }
                break;
            }
        if (r.source < 0) {
            r.source = left_in(c, a, vm->head);
            r.why_source = "the subject before the event noun";
        }
        if (r.source < 0) {
            r.source = subject_beyond(c, a, &r.relative);
            r.why_source = "the subject before an apposition or relative clause";
        }
        if (r.target < 0) {
            size_t from = after;
            if (r.source >= 0 && r.source == gen)
                from = d->actors[gen].first_token + d->actors[gen].n_tokens;
            long t = right_in(c, from, b);
            if (t >= 0 && t != r.source) {
                r.target = t;
                r.why_target = "the object after the event noun";
            }
        }
        return r;
    }
    if (is_passive(h)) {
        /* X ditembak (oleh) Y */
        r.target = left_in(c, a, vm->head);
        r.why_target = "the subject of the passive verb";
        if (r.target < 0) {
            r.target = subject_beyond(c, a, &r.relative);
            r.why_target = "the subject of the passive verb, before an "
                           "apposition or relative clause";
        }
        for (size_t q = after; q < b; q++)
            if (tok_marked(&d->toks[q], SAKSI_MARK_BY)) {
                r.source = actor_after(c, q + 1, 2);
                r.why_source = "the agent after oleh/by";
                break;
            }
        if (r.source < 0) {
            long x = actor_after(c, after, 1);
            if (x >= 0) {
                r.source = x;
                r.why_source = "the agent right after the passive verb";
            }
        }
        return r;
    }
    r.source = left_in(c, a, vm->head);
    r.why_source = "the subject before the verb";
    if (r.source < 0) {
        r.source = subject_beyond(c, a, &r.relative);
        r.why_source = r.relative ? "the noun the relative clause (yang) describes"
                                  : "the subject before an apposition";
    }
    r.target = right_in(c, after, b);
    r.why_target = "the object after the verb";
    if (r.target >= 0 && vm->last >= after && r.source >= 0) {
        /* not the source's own forces named by the pattern ("Rusia
         * mengerahkan … pasukan"): those are its means, not its target */
        const saksi_actor *x = &d->actors[r.target];
        const char *xc = x->code, *sc = d->actors[r.source].code;
        if (x->first_token <= vm->last &&
            vm->last < x->first_token + x->n_tokens && strlen(xc) >= 6 &&
            strncmp(xc, sc, 3) == 0 &&
            (strcmp(xc + 3, "MIL") == 0 || strcmp(xc + 3, "COP") == 0))
            r.target = right_in(c, x->first_token + x->n_tokens, b);
    }
    if (r.target < 0)
        r.target = relative_author(c, b, &r.why_target);
    if (r.target < 0) {
        /* "tiba di Jakarta", "berkunjung ke Kuwait": a visit's host is the
         * place's country */
        const char *code = saksi_model_str(c->w->m,
                                           c->w->m->verbs[vm->pattern].cameo);
        if (strncmp(code, "042", 3) == 0 || strncmp(code, "043", 3) == 0 ||
            strncmp(code, "044", 3) == 0) {
            for (size_t k = c->act_first; k < c->act_end; k++) {
                const saksi_actor *x = &d->actors[k];
                if (x->first_token >= after && x->first_token < b &&
                    d->ainfo[k].place && x->code[0]) {
                    r.target = (long)k;
                    r.why_target = "the place visited";
                    break;
                }
            }
        }
    }
    if (r.target < 0) {
        /* "bertemu dengan X", "menyerukan kepada X": already in the clause;
         * the quote or clause ended: look on to the end of the sentence for
         * the addressee of an appeal or a meeting */
        const char *code = saksi_model_str(c->w->m,
                                           c->w->m->verbs[vm->pattern].cameo);
        if (strncmp(code, "02", 2) == 0 || strncmp(code, "04", 2) == 0) {
            long t = right_in(c, after, c->end);
            /* not the speaker of "…, kata X" */
            const saksi_actor *x = t >= 0 ? &d->actors[t] : NULL;
            if (x && x->first_token > c->first &&
                tok_marked(&d->toks[x->first_token - 1], SAKSI_MARK_REPORTING))
                t = -1;
            if (t >= 0 && t != r.source) {
                r.target = t;
                r.why_target = "named later in the sentence (an appeal's addressee)";
            }
        }
    }
    return r;
}

/* The violent events of a sentence: CAMEO roots 18, 19, 20, and 145. */
static int violent(const char *code)
{
    return strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
           strncmp(code, "20", 2) == 0 || strncmp(code, "145", 3) == 0;
}

/* ---- casualties ------------------------------------------------------------ */

enum { CK_DEAD = 1, CK_KILL, CK_WOUNDED, CK_WOUND, CK_LOSE };

/* The quantity mention ending right before token i (a gap of at most
 * `gap` tokens) or starting right after token j. */
static const saksi_mention *count_near(const ctx *c, size_t i, size_t j,
                                       int before, int after)
{
    const saksi_mention *best = NULL;
    for (size_t k = 0; k < c->d->nments; k++) {
        const saksi_mention *m = &c->d->ments[k];
        if (m->sentence != c->s->index || m->kind != SAKSI_MENTION_QUANTITY)
            continue;
        size_t mend = m->first_token + m->n_tokens;
        if (before && mend <= i && i - mend <= 2)
            best = m;
        if (after && m->first_token > j && m->first_token - j <= 2 && !best)
            return m;
    }
    return best;
}

/* The actor among the victims' words [a, b), or -1. */
static long victims_in(const ctx *c, size_t a, size_t b)
{
    for (size_t k = c->act_first; k < c->act_end; k++) {
        const saksi_actor *x = &c->d->actors[k];
        if (x->first_token >= a && x->first_token < b && usable(c, (long)k))
            return (long)k;
    }
    return -1;
}

/* The violent event a casualty report names as its cause, right after it:
 * "tewas dalam serangan udara Israel", "tewas akibat ledakan bom". Returns
 * its CAMEO code and sets *vm and the author named after the noun (or
 * after "oleh", "yang dilakukan oleh"), else NULL. */
static const char *casualty_cause(ctx *c, size_t from, vmatch *vm, long *author)
{
    const saksi_token *toks = c->d->toks;
    size_t q = from;
    for (int k = 0; k < 2 && q < c->end; k++, q++)
        if (!tok_marked(&toks[q], SAKSI_MARK_PREPOSITION | SAKSI_MARK_CLAUSE |
                                      SAKSI_MARK_ADVERB))
            break;
    long pre = -1;
    if (c->s->lang == SAKSI_LANG_EN && q > from) {
        /* "killed in an Israeli air strike", "in the attack by rebels" */
        while (q < c->end && en_det(c, q))
            q++;
        long x = q < c->end ? actor_covering(c->d, q) : -1;
        if (x >= 0 && c->d->actors[x].first_token == q) {
            pre = x;
            q = c->d->actors[x].first_token + c->d->actors[x].n_tokens;
        }
    }
    if (q == from || q >= c->end || !verb_at(c, q, vm))
        return NULL;
    const char *code = saksi_model_str(c->w->m, c->w->m->verbs[vm->pattern].cameo);
    if (!violent(code))
        return NULL;
    if (pre >= 0) {
        *author = pre;
        return code;
    }
    *author = actor_after(c, vm->last + 1, 1);
    if (*author < 0) {
        size_t p = passive_light_after(c, vm->last);
        size_t by = p != (size_t)-1 ? p + 1 : vm->last + 1;
        if (by < c->end && tok_marked(&toks[by], SAKSI_MARK_BY))
            by++;
        if (p != (size_t)-1 || by > vm->last + 1)
            *author = actor_after(c, by, 2);
    }
    return code;
}

static int code_casualties(ctx *c)
{
    struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    for (size_t i = c->first; i < c->end; i++) {
        if (!saksi_model_starts(m, &d->toks[i], WF_PH_CASUALTY))
            continue;
        const phrase_val *v;
        size_t n = phrase_find(&m->phrases, d->toks, i, c->end, PT_CASUALTY,
                               0, c->s->lang, &v);
        if (!n)
            continue;
        int kind = v->kind;
        int dead = kind == CK_DEAD || kind == CK_KILL || kind == CK_LOSE;
        const saksi_mention *q = NULL;
        long victim = -1, attacker = -1;
        size_t a, b;
        clause_of(c, i, &a, &b);
        if (kind == CK_DEAD || kind == CK_WOUNDED) {
            q = count_near(c, i, i + n - 1, 1, 1);
            if (q) {
                size_t qa = q->first_token, qb = q->first_token + q->n_tokens;
                victim = victims_in(c, qa < i ? qa : i + n,
                                    qa < i ? i : qb + 3);
            } else {
                victim = victims_in(c, i > 2 ? i - 2 : c->first, i);
            }
        } else {
            q = count_near(c, i, i + n - 1, 0, 1);
            size_t from = i + n;
            victim = victims_in(c, from, from + 5 < b ? from + 5 : b);
            long subj = left_in(c, a, i);
            if (kind == CK_LOSE) {
                victim = subj; /* kehilangan: the subject's side, or the
                                  speaker's ("X mengatakan kehilangan …") */
                if (victim < 0)
                    victim = c->claimant[i - c->first];
            } else {
                attacker = subj;
            }
        }
        /* English names the killer after "by": "were killed by rebels" */
        if (c->s->lang == SAKSI_LANG_EN && (kind == CK_DEAD || kind == CK_WOUNDED) &&
            i + n < c->end && tok_marked(&d->toks[i + n], SAKSI_MARK_BY))
            attacker = actor_after(c, i + n + 1, 2);
        /* killed in what? "tewas dalam serangan udara Amerika Serikat" */
        vmatch cause;
        const char *cause_code = NULL;
        long cause_author = -1;
        if (kind == CK_DEAD || kind == CK_WOUNDED)
            cause_code = casualty_cause(c, i + n, &cause, &cause_author);
        if (cause_code) {
            if (attacker < 0)
                attacker = cause_author;
            if (victim < 0) {
                victim = left_in(c, a, i); /* "petinggi ISIS tewas dalam …" */
                if (victim >= 0 && c->d->actors[victim].first_token + 8 < i)
                    victim = -1;
            }
        }
        if (!q && victim < 0 && !cause_code)
            continue; /* "luka" alone: no count, no side */
        if (kind == CK_LOSE && !q)
            continue; /* "kehilangan basis operasinya": no one died */
        long count = q && !q->unknown ? (long)q->value : -1;
        /* the violent event of the sentence before it, else after */
        saksi_event *target = NULL;
        long claim = c->claimant[i - c->first];
        for (size_t k = c->sent_first_event; k < d->nevents; k++) {
            const saksi_event *ev = &d->events[k];
            /* a violent event of the same report, not another casualty
             * report ("…, dan tentara Karabakh mengatakan dua tentaranya
             * tewas" is a claim of its own) */
            if (!violent(ev->cameo) || ev->claimed_by != claim ||
                (ev->rule && strstr(ev->rule, "casualties")))
                continue;
            if (!target || ev->head_start < d->toks[i].start)
                target = &d->events[k];
        }
        const char *rule = coder_rule_string(c->w, v->rule);
        if (target) {
            if (target->target < 0 && victim >= 0 && victim != target->source)
                target->target = victim; /* "serangan Armenia menewaskan tiga
                                            tentara Azerbaijan" */
            if (dead && target->killed < 0)
                target->killed = count;
            else if (!dead && target->injured < 0)
                target->injured = count;
            target->casualties_approx |= q && q->approx;
            char num[32];
            snprintf(num, sizeof num, "%s %ld", dead ? "killed" : "injured",
                     count);
            target->why = fmt(c, "%s; %s", target->why, num);
            target->why = fmt(c, "%s (casualties: %s)", target->why, rule);
            continue;
        }
        /* a use of force against the victims' side. With no side named, the
         * fight the text reported just before ("Serangan itu menewaskan 89
         * orang"); with none, no event ("23 korban tewas" in a ferry
         * accident) */
        int from_fight = 0;
        if (attacker >= 0 && !d->actors[attacker].code[0])
            attacker = -1; /* "dia" nothing resolved */
        if (victim >= 0 && !d->actors[victim].code[0])
            victim = -1;
        if (attacker < 0 && victim < 0 && c->fight[0] >= 0 &&
            c->s->index - c->fight_sentence <= 2) {
            attacker = c->fight[0];
            victim = c->fight[1];
            from_fight = 1;
        }
        if (attacker < 0 && victim < 0)
            continue;
        /* English news reports deaths of every kind ("died of an
         * overdose"): a death alone is a use of force only with its cause
         * or its killer named */
        if (c->s->lang == SAKSI_LANG_EN && !cause_code && attacker < 0 && !from_fight &&
            (kind == CK_DEAD || kind == CK_WOUNDED))
            continue;
        saksi_event *e = new_event(c);
        if (!e)
            return -1;
        set_cameo(c, e, cause_code ? cause_code : "190");
        e->head_start = d->toks[i].start;
        e->head_end = d->toks[i + n - 1].end;
        e->source = attacker;
        e->target = victim;
        e->claimed_by = claim;
        /* soldiers with no country, reported by an official: his side's */
        if (victim >= 0 && d->ainfo[victim].role_only && e->claimed_by >= 0) {
            e->target = e->claimed_by;
        }
        if (dead)
            e->killed = count;
        else
            e->injured = count;
        e->casualties_approx = q && q->approx;
        const saksi_mention *tm = time_near(c, i);
        if (tm) {
            memcpy(e->date, tm->date, sizeof e->date);
            e->date_precision = tm->precision;
        }
        e->place = place_near(c, i);
        e->rule = rule;
        e->why = fmt(c, "casualties: %s; victims %s", rule,
                     actor_text(c, e->target));
        if (from_fight)
            e->why = fmt(c, "%s; %s", e->why,
                         "no side named: the fight reported just before");
        if (cause_code) {
            e->rule = coder_rule_string(c->w, m->verbs[cause.pattern].rule);
            e->why = fmt(c, "%s; the cause named after it (%s)", e->why,
                         e->rule);
            e->why = fmt(c, "%s; by %s", e->why, actor_text(c, e->source));
            e->head_start = d->toks[cause.head].start;
            e->head_end = d->toks[cause.head].end;
        }
    }
    return 0;
}

/* ---- the sentence ----------------------------------------------------------- */

static int same_code(const struct saksi_doc *d, long a, long b)
{
    if (a < 0 || b < 0)
        return a == b;
    return strcmp(d->actors[a].code, d->actors[b].code) == 0;
}

/* Merges events with the same source, target, CAMEO root, mood and claim. */
static void dedup(ctx *c)
{
    struct saksi_doc *d = c->d;
    size_t out = c->sent_first_event;
    for (size_t k = c->sent_first_event; k < d->nevents; k++) {
        saksi_event *e = &d->events[k];
        saksi_event *dup = NULL;
        for (size_t q = c->sent_first_event; q < out && !dup; q++) {
            saksi_event *f = &d->events[q];
            if (same_code(d, f->source, e->source) &&
                strncmp(f->cameo, e->cameo, 2) == 0 && f->mood == e->mood &&
                (same_code(d, f->target, e->target) || f->target < 0 ||
                 e->target < 0))
                dup = f;
        }
        if (dup) {
            if (dup->target < 0 && e->target >= 0) {
                /* the same event, now with its target: keep the fuller */
                saksi_event keep = *e;
                if (keep.killed < 0)
                    keep.killed = dup->killed;
                if (keep.injured < 0)
                    keep.injured = dup->injured;
                *dup = keep;
                continue;
            }
            if (dup->killed < 0)
                dup->killed = e->killed;
            if (dup->injured < 0)
                dup->injured = e->injured;
            if (!dup->date[0]) {
                memcpy(dup->date, e->date, sizeof dup->date);
                dup->date_precision = e->date_precision;
            }
            if (dup->claimed_by < 0)
                dup->claimed_by = e->claimed_by;
            if (dup->place < 0)
                dup->place = e->place;
            continue;
        }
        d->events[out++] = *e;
    }
    d->nevents = out;
}

/* The speaker of a quote that runs over several sentences: the one named
 * by the next sentence ("…,” kata X" ends the quote), else the previous
 * one's. */
static long quote_speaker(const ctx *c)
{
    size_t s = c->s->index;
    if (s + 1 < c->d->nsents && c->speakers[s + 1] >= 0)
        return c->speakers[s + 1];
    if (s > 0 && c->speakers[s - 1] >= 0)
        return c->speakers[s - 1];
    if (s + 2 < c->d->nsents && c->speakers[s + 2] >= 0)
        return c->speakers[s + 2];
    return -1;
}

/* Is actor k missing, or a role noun with no country to give it ("pria"
 * in an article that names no country)? */
static int countryless(const struct saksi_doc *d, long k)
{
    if (k < 0)
        return 1;
    const struct actor_info *i = &d->ainfo[k];
    return i->role_only && strcmp(d->actors[k].code, i->role) == 0;
}

/* A verb whose two sides do the same to each other: meeting, negotiating,
 * cooperating, fighting, done together (ber- verbs and bare roots: bertemu,
 * berperang, bentrok). */
static int symmetric_verb(const ctx *c, const vmatch *vm)
{
    const saksi_token *h = &c->d->toks[vm->head];
    if (h->n_affixes && !has_affix(h, AFF_BER))
        return 0;
    const char *code = saksi_model_str(c->w->m, c->w->m->verbs[vm->pattern].cameo);
    return strncmp(code, "04", 2) == 0 || strncmp(code, "05", 2) == 0 ||
           strncmp(code, "06", 2) == 0 || strncmp(code, "19", 2) == 0 ||
           strncmp(code, "145", 3) == 0;
}

/* The side actor k fought in the last violent event of the last three
 * sentences, or -1. */
static long opponent(const ctx *c, long k)
{
    if (c->fight[0] < 0 || c->s->index - c->fight_sentence > 3)
        return -1;
    if (same_code(c->d, c->fight[0], k))
        return c->fight[1];
    if (same_code(c->d, c->fight[1], k))
        return c->fight[0];
    return -1;
}

/* Events made of words about other events: statements, appeals, intents,
 * demands, disapproval, rejection, threats, protests (CAMEO 01-03, 10-14):
 * "berunjuk rasa menentang kenaikan harga" is one protest. */
static int speech_act(const char *code)
{
    static const char *const roots[] = {"01", "02", "03", "10", "11", "12", "13",
                                        "14"};
    for (size_t k = 0; k < sizeof roots / sizeof *roots; k++)
        if (strncmp(code, roots[k], 2) == 0)
            return 1;
    return 0;
}

/* Is the sentence about sport (data/lang/markers.tsv, "discard")? */
static int discarded(const ctx *c)
{
    for (size_t i = c->first; i < c->end; i++)
        if (tok_marked(&c->d->toks[i], SAKSI_MARK_DISCARD))
            return 1;
    for (size_t k = 0; k < c->d->nments; k++) {
        const saksi_mention *m = &c->d->ments[k];
        if (m->sentence == c->s->index && m->kind == SAKSI_MENTION_MARKER &&
            (m->markers & SAKSI_MARK_DISCARD))
            return 1;
    }
    return 0;
}

static int code_sentence(ctx *c)
{
    struct saksi_doc *d = c->d;
    const saksi_model *m = c->w->m;
    if (discarded(c))
        return 0;
    find_boundaries(c);
    find_claims(c);
    int has_time;
    int historical = sentence_past(c, &has_time) ? 1 : 0;
    int present = 0;
    for (size_t i = c->first; i < c->end; i++) {
        if (tok_marked(&d->toks[i], SAKSI_MARK_HISTORICAL))
            historical = historical ? historical : 1;
        if (tok_marked(&d->toks[i], SAKSI_MARK_PRESENT))
            present = 1;
    }
    if (present)
        historical = 0;
    else if (!historical && !has_time && c->prev_historical > 0 &&
             c->prev_historical <= 2)
        historical = 2; /* background goes on */
    c->last_source = -1;
    size_t aim_from = 0, content_from = 0;
    for (size_t i = c->first; i < c->end; i++) {
        /* a new clause (not the aim's own) ends the aim */
        if (aim_from && i > aim_from && c->boundary[i - c->first] &&
            d->toks[i].cls != SAKSI_TOK_QUOTE &&
            !tok_marked(&d->toks[i], SAKSI_MARK_PURPOSE))
            aim_from = 0;
        /* so does a coordinated verb ("…, dan menyerang") end a content */
        if (content_from && i > content_from &&
            ((c->boundary[i - c->first] && d->toks[i].cls != SAKSI_TOK_QUOTE &&
              !tok_marked(&d->toks[i], SAKSI_MARK_PURPOSE |
                                           SAKSI_MARK_RELATIVE)) ||
             tok_marked(&d->toks[i], SAKSI_MARK_AND)))
            content_from = 0;
        /* "…, kata X …, dan menyerukan …": the speaker is the subject of
         * what is coordinated after the reporting word */
        if (tok_marked(&d->toks[i], SAKSI_MARK_REPORTING) &&
            actor_covering(d, i) < 0) {
            long sp = actor_after(c, i + 1, 2);
            if (sp >= 0)
                c->last_source = sp;
        }
        if (c->in_actor[i - c->first])
            continue;
        vmatch vm = {0, 0, 0, 0};
        if (!verb_at(c, i, &vm))
            continue;
        const verb_pattern *vp = &m->verbs[vm.pattern];
        const char *code = saksi_model_str(m, vp->cameo);
        /* the peers' null codes: "---" matched but no event, "###" and
         * "+++" (discard, complex): no event either */
        if (code && (code[0] == '-' || code[0] == '#' || code[0] == '+')) {
            note_skip(c, &vm, "the pattern's code says no event (---, ###, +++)");
            i = vm.last;
            continue;
        }
        /* a reporting verb alone is the frame of a claim, not an event */
        if (vp->nelem == 1 && tok_marked(&d->toks[i], SAKSI_MARK_REPORTING))
            continue;
        /* what an accusation, appeal, demand or threat is about is its
         * content, not an event ("menuduh Ukraina melanggar kesepakatan",
         * "mengancam akan menyerang Guam") */
        if (content_from && i > content_from) {
            note_skip(c, &vm, "the content of the statement, accusation, "
                              "demand or threat before it");
            i = vm.last;
            continue;
        }
        /* after an event, what follows untuk/agar is its aim; so is any
         * verb right after one ("setiap upaya untuk melanggar") */
        if (aim_from && i > aim_from) {
            note_skip(c, &vm, "the aim of the event before it (untuk, agar)");
            continue;
        }
        if (i > c->first && tok_marked(&d->toks[i - 1], SAKSI_MARK_PURPOSE)) {
            note_skip(c, &vm, "an aim (after untuk, agar)");
            continue;
        }
        if (i > c->first && d->toks[i].n_affixes == 0 &&
            tok_marked(&d->toks[i - 1], SAKSI_MARK_PREPOSITION)) {
            note_skip(c, &vm, "a bare word after a preposition: a circumstance "
                              "(dalam operasi …, dengan gas air mata)");
            i = vm.last;
            continue;
        }
        if (head_is_noun(c, i) && !noun_is_event(c, i, vm.last)) {
            note_skip(c, &vm, "a noun with neither a light verb before it nor "
                              "its author after it, or the object of a verb");
            i = vm.last; /* its words are used up ("operasi tangkap tangan") */
            continue;
        }
        roles r = find_roles(c, &vm);
        long claim = c->claimant[i - c->first];
        /* a claim without its own subject is the speaker's */
        if (r.source < 0 && claim >= 0 && !is_passive(&d->toks[i])) {
            r.source = claim;
            r.why_source = "the speaker of the claim";
        }
        /* a clause without a subject shares the sentence's last one */
        if (r.source < 0 && c->last_source >= 0 && !is_passive(&d->toks[i]) &&
            !r.relative && !relative_clause_at(c, i)) {
            r.source = c->last_source;
            r.why_source = "the subject shared with the clause before";
        }
        /* first person inside a quote: the speaker, of this sentence or of
         * the quote it belongs to */
        if (r.source >= 0 && d->ainfo[r.source].kind == AK_PRONOUN &&
            d->actors[r.source].antecedent < 0) {
            long sp = claim >= 0 ? claim : quote_speaker(c);
            if (sp >= 0) {
                r.source = sp;
                claim = sp;
                r.why_source = claim >= 0 ? "we/I in the speaker's quote"
                                          : "we/I in a quote whose speaker is "
                                            "named in a sentence next to it";
            }
        }
        /* one side of a fight named: the other is who it fought just
         * before ("Pagi tadi pasukan Irak mulai menyerang" after "tentara
         * Irak gempur ISIS") */
        if (violent(code) && r.source < 0 && r.target < 0 &&
            c->fight[0] >= 0 && c->s->index - c->fight_sentence <= 3) {
            /* "Serangan itu …": the fight the text has been reporting */
            r.source = c->fight[0];
            r.target = c->fight[1];
            r.why_source = r.why_target = "the fight the text reports";
        }
        if (violent(code) && (r.source < 0) != (r.target < 0)) {
            long other = opponent(c, r.source >= 0 ? r.source : r.target);
            if (other >= 0 && r.source < 0) {
                r.source = other;
                r.why_source = "the other side of the fight the text reports";
            } else if (other >= 0) {
                r.target = other;
                r.why_target = "the other side of the fight the text reports";
            }
        }
        /* a pronoun nothing resolved ("saya" with no speaker) is no actor */
        if (r.source >= 0 && !d->actors[r.source].code[0] &&
            d->ainfo[r.source].kind != AK_DYAD)
            r.source = -1;
        if (r.target >= 0 && !d->actors[r.target].code[0] &&
            d->ainfo[r.target].kind != AK_DYAD)
            r.target = -1;
        if (countryless(d, r.source) && countryless(d, r.target)) {
            note_skip(c, &vm, "no country for either side (a role noun alone "
                              "in an article that names no country)");
            continue;
        }
        if (r.source < 0 && r.target < 0) {
            note_skip(c, &vm, "no actor for either side");
            continue; /* a verb with no actor is no event */
        }
        if (r.source >= 0)
            c->last_source = r.source;
        if (speech_act(code) && (!tok_marked(&d->toks[i], SAKSI_MARK_DENIAL) ||
                                 m->peer_dicts))
            content_from = vm.last; /* a denial's content is coded, negated
                                       (not with the peers' dictionaries,
                                       which have no negated events) */
        /* the aim after this event (untuk, agar) is part of it */
        for (size_t q = vm.last + 1; q < c->end && !aim_from; q++) {
            if (c->boundary[q - c->first] && !tok_marked(&d->toks[q],
                                                          SAKSI_MARK_PURPOSE) &&
                d->toks[q].cls != SAKSI_TOK_QUOTE)
                break;
            if (tok_marked(&d->toks[q], SAKSI_MARK_PURPOSE))
                aim_from = q;
        }
        int reciprocal = 0;
        for (size_t q = i > c->first + 2 ? i - 2 : c->first; q < i; q++)
            reciprocal |= tok_marked(&d->toks[q], SAKSI_MARK_RECIPROCAL);
        /* English puts it after the verb: "accused each other" */
        if (c->s->lang == SAKSI_LANG_EN)
            for (size_t q = vm.last + 1; q < c->end && q <= vm.last + 3; q++)
                if (tok_marked(&d->toks[q], SAKSI_MARK_RECIPROCAL)) {
                    reciprocal = 1;
                    if (r.target >= 0 && d->ainfo[r.target].kind == AK_DYAD)
                        r.target = -1;
                }
        long src[8], tgt[8];
        size_t ns = 1, nt = 1;
        src[0] = r.source;
        tgt[0] = r.target;
        if (!r.symmetric) { /* "antara A dan B" is one event, both sides */
            ns = members(c, r.source, src, 8);
            nt = members(c, r.target, tgt, 8);
        }
        const char *why_mood;
        saksi_mood mood = mood_of(c, i, &why_mood, historical);
        const saksi_mention *tm = time_near(c, i);
        const char *rule = coder_rule_string(c->w, vp->rule);
        /* saling / kedua belah pihak: both directions */
        if ((reciprocal || (r.source >= 0 && d->ainfo[r.source].kind == AK_DYAD)) &&
            ns == 2 && r.target < 0) {
            tgt[0] = src[1];
            tgt[1] = src[0];
            nt = 2;
        }
        /* "Armenia dan Azerbaijan berperang": one event between the two */
        if (!reciprocal && ns == 2 && r.target < 0 && symmetric_verb(c, &vm)) {
            tgt[0] = src[1];
            nt = 1;
            ns = 1;
            r.why_target = "the other side of a symmetric verb (berperang, bertemu)";
        }
        for (size_t x = 0; x < ns; x++) {
            for (size_t y = 0; y < nt; y++) {
                if (reciprocal && nt == 2 && ns == 2 && x != y)
                    continue; /* pairs, not the cross product */
                if (src[x] >= 0 && src[x] == tgt[y])
                    continue;
                if (src[x] >= 0 && tgt[y] >= 0 && same_code(d, src[x], tgt[y]))
                    continue; /* an actor acting on itself is no event */
                if (src[x] < 0 && tgt[y] < 0)
                    continue; /* "semua pihak" with no sides named: no one */
                saksi_event *e = new_event(c);
                if (!e)
                    return -1;
                set_cameo(c, e, code);
                e->head_start = d->toks[i].start;
                e->head_end = d->toks[vm.head].end;
                e->source = src[x];
                e->target = tgt[y];
                e->claimed_by = claim;
                e->mood = mood;
                if (violent(code) && src[x] >= 0 && tgt[y] >= 0 &&
                    mood == SAKSI_MOOD_ASSERTED) {
                    c->fight[0] = src[x];
                    c->fight[1] = tgt[y];
                    c->fight_sentence = c->s->index;
                }
                if (tm) {
                    memcpy(e->date, tm->date, sizeof e->date);
                    e->date_precision = tm->precision;
                }
                e->place = place_near(c, i);
                e->rule = rule;
                char roles_why[300];
                snprintf(roles_why, sizeof roles_why,
                         "source %s (%s); target %s (%s); ",
                         actor_text(c, e->source), r.why_source,
                         actor_text(c, e->target),
                         e->target >= 0 ? r.why_target : "none found");
                e->why = fmt(c, "%s%s", roles_why, why_mood);
                if (claim >= 0)
                    e->why = fmt(c, "%s; claimed by %s (reported speech)",
                                 e->why, actor_text(c, claim));
            }
        }
        i = vm.last; /* the pattern's words are used up */
    }
    if (code_casualties(c))
        return -1;
    dedup(c);
    c->prev_historical = historical ? c->prev_historical + 1 : 0;
    return 0;
}

static int setup_sentence(ctx *cp, size_t s);

/* An article that names no country through its actors may name one
 * through its places ("a Dallas County jury", "in Hanoi"): the country
 * most of its places are in becomes its home country, and role nouns
 * alone take it ("police" → USACOP). */
static void home_from_places(struct saksi_doc *d)
{
    if (d->home[0] || !d->nplaces)
        return;
    const char *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < d->nplaces; i++) {
        const char *ci = d->places[i].country;
        if (!ci[0])
            continue;
        size_t n = 0;
        for (size_t k = 0; k < d->nplaces; k++)
            n += strcmp(d->places[k].country, ci) == 0;
        if (n > best_n) {
            best = ci;
            best_n = n;
        }
    }
    if (!best || strlen(best) != 3)
        return;
    memcpy(d->home, best, 4);
    for (size_t k = 0; k < d->nactors; k++) {
        struct actor_info *i = &d->ainfo[k];
        saksi_actor *a = &d->actors[k];
        if (i->role_only && strcmp(a->code, i->role) == 0) {
            char tmp[sizeof a->code];
            snprintf(tmp, sizeof tmp, "%.3s%s", best, i->role);
            memcpy(a->code, tmp, sizeof tmp);
        }
    }
}

int saksi_events(saksi_worker *w, struct saksi_doc *d)
{
    ctx c;
    memset(&c, 0, sizeof c);
    home_from_places(d);
    c.w = w;
    c.d = d;
    d->events = NULL;
    d->nevents = 0;
    d->notes = NULL;
    d->nnotes = d->notes_cap = 0;
    c.fight[0] = c.fight[1] = -1;
    c.speakers = saksi_arena_alloc(&w->arena,
                                   (d->nsents ? d->nsents : 1) * sizeof *c.speakers);
    if (!c.speakers)
        return -1;
    /* first who speaks in each sentence, for quotes over several */
    for (size_t s = 0; s < d->nsents; s++) {
        c.speakers[s] = -1;
        int ok = setup_sentence(&c, s);
        if (ok < 0)
            return -1;
        if (!ok)
            continue;
        find_boundaries(&c);
        find_claims(&c);
        for (size_t q = 0; q < c.end - c.first && c.speakers[s] < 0; q++)
            c.speakers[s] = c.claimant[q];
    }
    c.act_first = 0;
    for (size_t s = 0; s < d->nsents; s++) {
        int ok = setup_sentence(&c, s);
        if (ok < 0)
            return -1;
        if (!ok)
            continue;
        c.sent_first_event = d->nevents;
        if (code_sentence(&c))
            return -1;
    }
    return 0;
}

/* Sets the context up for sentence s: 1 to code it, 0 to skip it, -1 when
 * out of memory. */
static int setup_sentence(ctx *cp, size_t s)
{
    ctx c = *cp;
    struct saksi_doc *d = c.d;
    saksi_worker *w = c.w;
    {
        const saksi_sentence *st = &d->sents[s];
        if (st->kind == SAKSI_SENT_DATELINE ||
            (st->lang != SAKSI_LANG_ID && st->lang != SAKSI_LANG_EN))
            return 0;
        c.s = st;
        c.first = st->first_token;
        c.end = st->first_token + st->n_tokens;
        size_t n = st->n_tokens ? st->n_tokens : 1;
        c.claimant = saksi_arena_alloc(&w->arena, n * sizeof *c.claimant);
        c.boundary = saksi_arena_alloc(&w->arena, n);
        c.in_actor = saksi_arena_calloc(&w->arena, n, 1);
        if (!c.claimant || !c.boundary || !c.in_actor)
            return -1;
        for (size_t q = c.first; q < c.end; q++) {
            int32_t a = d->tok_actor[q];
            c.in_actor[q - c.first] = a >= 0 && d->ainfo[a].kind != AK_PRONOUN;
        }
        while (c.act_first < d->nactors && d->actors[c.act_first].sentence < s)
            c.act_first++;
        c.act_end = c.act_first;
        while (c.act_end < d->nactors && d->actors[c.act_end].sentence == s)
            c.act_end++;
    }
    *cp = c;
    return 1;
}

size_t saksi_doc_event_count(const saksi_doc *d)
{
    return d->nevents;
}

const saksi_event *saksi_doc_event(const saksi_doc *d, size_t i)
{
    return i < d->nevents ? &d->events[i] : NULL;
}

const char *saksi_mood_name(saksi_mood m)
{
    static const char *const names[] = {"asserted", "future", "negated",
                                        "hypothetical", "historical"};
    return (unsigned)m < sizeof names / sizeof *names ? names[m] : "asserted";
}
