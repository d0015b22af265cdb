/*
 * quantity.c — number expressions to values: "sekitar 2.000" → 2000
 * (approximate), "1,5 juta" → 1500000, "dua puluh tiga" → 23, "seorang"
 * → 1, "puluhan ribu" → 10000 (approximate), "beberapa" → unknown,
 * "at least twenty-two" → 22 (a bound), "tens of thousands" → 10000.
 *
 * The words and what they do are data (data/lang/numbers.tsv); this file
 * is the arithmetic. Number words accumulate the usual way: units add up,
 * "belas" adds ten, "puluh" and "ratus"/"hundred" multiply the unit before
 * them into the current group below a thousand, and "ribu"/"juta"/
 * "thousand" multiply everything before them. Digits follow the sentence's
 * language: Indonesian groups thousands with '.' and writes decimals with
 * ',' (2.000; 1,5), English the other way round (2,000; 1.5). Vague
 * quantities take ACLED's conservative value and are approximate.
 */
#include "../core/internal.h"
#include "../core/hash.h"

#include <math.h>
#include <string.h>

/* The value of a digit token ("2.000", "1,5", "160,000", "12.5"), or -1
 * when it is not a plain number (4/8, 09.40, 1990-an, 10km). */
static double digits_value(const char *s, size_t n, saksi_lang lang)
{
    if (n == 0 || s[0] < '0' || s[0] > '9')
        return -1;
    if (n > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9')
        return -1; /* 09.40, 08.00: clock times */
    size_t ndot = 0, ncomma = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            ndot++;
        else if (s[i] == ',')
            ncomma++;
        else if (s[i] < '0' || s[i] > '9')
            return -1;
    }
    char group = lang == SAKSI_LANG_EN ? ',' : '.';
    char decimal = lang == SAKSI_LANG_EN ? '.' : ',';
    /* separators used the other way round: "12.5" in Indonesian text is a
     * decimal when the groups after it are not of three digits */
    size_t ngroup = group == '.' ? ndot : ncomma;
    if (ngroup) {
        size_t run = 0, first = 1;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || s[i] == group || s[i] == decimal) {
                if (!first && run != 3) {
                    if (ngroup == 1 && (group == '.' ? ncomma : ndot) == 0) {
                        char t = group;
                        group = decimal;
                        decimal = t;
                    } else {
                        return -1;
                    }
                    break;
                }
                if (i < n && s[i] == decimal)
                    break;
                first = 0;
                run = 0;
            } else {
                run++;
            }
        }
    }
    double v = 0, scale = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == group)
            continue;
        if (c == decimal) {
            if (scale)
                return -1;
            scale = 1;
            continue;
        }
        if (scale)
            v += (c - '0') / pow(10, scale++);
        else
            v = v * 10 + (c - '0');
    }
    return v;
}

typedef struct {
    const saksi_model *m;
    const struct saksi_doc *d;
    size_t end;
    saksi_lang lang;
} ctx;

static size_t find(const ctx *c, size_t i, int kind, const phrase_val **v)
{
    if (i >= c->end)
        return 0;
    return phrase_find(&c->m->phrases, c->d->toks, i, c->end, PT_NUMBER, kind,
                       c->lang, v);
}

/* A number word's value in `kind`, looking inside hyphenated English
 * numbers (twenty-two). */
static int hyphen_number(const ctx *c, const saksi_token *t, double *out)
{
    const char *s = t->norm;
    const char *h = memchr(s, '-', t->norm_len);
    if (!h)
        return 0;
    double v = 0;
    const char *p = s, *end = s + t->norm_len;
    while (p < end) {
        const char *q = memchr(p, '-', (size_t)(end - p));
        size_t n = q ? (size_t)(q - p) : (size_t)(end - p);
        uint32_t id = saksi_intern_find(&c->m->words, p, n,
                                        saksi_hash(p, n));
        if (id == SAKSI_NO_WORD)
            return 0;
        saksi_token probe = *t;
        probe.word = probe.root = id;
        phrase_hit hit;
        if (!phrase_match(&c->m->phrases, &probe, 0, 1, &hit, 1, PM_STRICT))
            return 0;
        const phrase_val *pv = NULL;
        for (uint32_t k = hit.val; k; k = c->m->phrases.vals[k].next)
            if (c->m->phrases.vals[k].table == PT_NUMBER &&
                c->m->phrases.vals[k].kind == NK_UNIT)
                pv = &c->m->phrases.vals[k];
        if (!pv)
            return 0;
        v += pv->fval;
        p += n + (q != NULL);
    }
    *out = v;
    return 1;
}

size_t saksi_quantity_at(const saksi_model *m, const struct saksi_doc *d,
                         size_t i, size_t end, saksi_lang lang,
                         saksi_mention *out)
{
    if (i >= end)
        return 0;
    const saksi_token *t0 = &d->toks[i];
    if (t0->cls != SAKSI_TOK_NUMBER && !saksi_model_starts(m, t0, WF_PH_NUMBER) &&
        !memchr(t0->norm, '-', t0->norm_len))
        return 0; /* the common case, decided without a lookup */
    ctx c = {m, d, end, lang};
    const phrase_val *v;
    size_t j = i, n;
    int approx = 0, lead_unknown = 0;
    /* leads: sekitar, lebih dari, at least, sebanyak, Rp, US$ */
    for (;;) {
        if ((n = find(&c, j, NK_APPROX, &v))) {
            approx = 1;
            const phrase_val *u;
            lead_unknown = find(&c, j, NK_UNKNOWN, &u) == n; /* "some" */
        } else if (!(n = find(&c, j, NK_EXACT, &v)) &&
                   !(n = find(&c, j, NK_CURRENCY, &v))) {
            break;
        }
        j += n;
    }
    size_t core = j;
    double total = 0, group = 0, unit = 0, last_unit = 0;
    int have = 0, digits = 0, words = 0, vague = 0, unknown = 0;
    while (j < end) {
        const saksi_token *t = &d->toks[j];
        double dv;
        if (t->cls == SAKSI_TOK_NUMBER) {
            dv = digits_value(d->article.text + t->start, t->end - t->start,
                              lang);
            if (dv < 0 || (have && unit) || vague)
                break;
            unit += dv;
            last_unit = dv;
            have = digits = 1;
            j++;
            continue;
        }
        if (hyphen_number(&c, t, &dv)) {
            if ((have && unit) || vague)
                break;
            unit += dv;
            last_unit = dv;
            have = words = 1;
            j++;
            continue;
        }
        if (!(n = find(&c, j, 0, &v)))
            break;
        /* a word may have several kinds ("some": approx, unknown): take
         * the one that fits here */
        const phrase_val *pv;
        int kind = v->kind;
        if (find(&c, j, NK_UNIT, &pv) == n)
            kind = NK_UNIT, v = pv;
        switch (kind) {
        case NK_UNIT:
            if (vague || (unit && !(last_unit >= 20 &&
                                    fmod(last_unit, 10) == 0 && v->fval < 10)))
                goto done; /* "dua tiga" is two numbers; "fifty five" one */
            unit += v->fval;
            last_unit = v->fval;
            have = words = 1;
            break;
        case NK_TEEN:
            if (!unit)
                goto done;
            unit += v->fval;
            break;
        case NK_TENS:
            if (!unit)
                goto done;
            group += unit * v->fval;
            unit = 0;
            break;
        case NK_HUNDRED:
            group += (unit ? unit : 1) * v->fval;
            unit = 0;
            have = 1;
            break;
        case NK_BIG:
            if (vague) {
                total = total * v->fval; /* puluhan ribu */
            } else {
                double g = group + unit;
                total += (g ? g : 1) * v->fval;
                group = unit = 0;
            }
            have = 1;
            break;
        case NK_DOZEN:
            unit = (unit ? unit : 1) * v->fval;
            have = 1;
            break;
        case NK_ONE:
            if (have)
                goto done;
            unit = v->fval;
            have = 1;
            j += n;
            goto done; /* seorang: the classifier is the number */
        case NK_VAGUE:
            if (have && !vague)
                goto done;
            if (vague) {
                /* hundreds of thousands */
                total *= v->fval;
            } else {
                total = v->fval;
            }
            vague = have = 1;
            approx = 1;
            break;
        case NK_UNKNOWN:
            if (have)
                goto done;
            unknown = have = 1;
            approx = 1;
            j += n;
            goto done;
        case NK_ARTICLE: {
            /* "a" stands for one before hundred, thousand, dozen */
            const phrase_val *nx;
            size_t k = find(&c, j + n, 0, &nx);
            if (have || !k ||
                (nx->kind != NK_HUNDRED && nx->kind != NK_BIG &&
                 nx->kind != NK_DOZEN))
                goto done;
            unit = 1;
            break;
        }
        case NK_AND:
        case NK_OF: {
            /* "one hundred and nine", "tens of thousands" */
            const phrase_val *nx;
            size_t k = find(&c, j + n, 0, &nx);
            if (!have || !k ||
                (nx->kind != NK_UNIT && nx->kind != NK_BIG &&
                 nx->kind != NK_VAGUE))
                goto done;
            break;
        }
        default:
            goto done;
        }
        j += n;
    }
done:
    if (!have && lead_unknown) {
        unknown = have = 1; /* "some people" */
        approx = 1;
        core = i;
    }
    if (!have || j == core)
        return 0;
    double value = vague ? total : total + group + unit;
    /* a bare year (four digits, no separator) is a date, not a count */
    if (!approx && digits && !words && j == core + 1 && value >= 1800 &&
        value <= 2100 && d->toks[core].end - d->toks[core].start == 4 &&
        !(j < end && find(&c, j, NK_CLASS, &v)))
        return 0;
    /* a classifier and a trailing "lebih" belong to the quantity */
    if ((n = find(&c, j, NK_CLASS, &v))) {
        const phrase_val *a;
        size_t k = find(&c, j + n, NK_AFTER, &a);
        if (k) {
            j += n + k;
            approx = 1;
        } else if (!unknown) {
            j += n;
        }
    } else if ((n = find(&c, j, NK_AFTER, &v))) {
        j += n;
        approx = 1;
    }
    memset(out, 0, sizeof *out);
    out->kind = SAKSI_MENTION_QUANTITY;
    out->first_token = i;
    out->n_tokens = j - i;
    out->start = d->toks[i].start;
    out->end = d->toks[j - 1].end;
    out->value = unknown ? 0 : value;
    out->approx = approx;
    out->unknown = unknown;
    return j - i;
}
