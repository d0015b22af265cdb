/*
 * timex.c — time expressions to dates, given the publication date:
 * "Kamis (4/8)" → 2022-08-04, "pada hari Rabu" → the Wednesday before,
 * "akan … pada hari Jumat" → the Friday after, "kemarin", "dua hari lalu",
 * "pekan lalu" (a week: its Monday), "bulan lalu", "pada Mei", "tahun
 * 2020", "tahun 1990-an" (a decade), "on Monday", "Aug. 4", "last year",
 * "the 1990s". Each result has a precision: day, week, month, year,
 * decade.
 *
 * The words are data (data/lang/time.tsv); the resolution rules are here:
 * a bare weekday is the most recent such day on or before publication, or
 * the next one after it when the clause is future; a day/month without a
 * year is in the publication's year unless that puts it over two months
 * ahead (then the year before); a month name alone is the latest such
 * month (or the next one, in the future).
 */
#include "../core/internal.h"
#include "../core/date.h"

#include <stdio.h>
#include <string.h>

/* The time phrases matched at a few positions: parsing one expression
 * asks for a dozen kinds at the same token (day? weekend? month? …), and
 * each would walk the phrase trie again. */
enum { MATCH_MEMO = 4, MATCH_HITS = 16 };
typedef struct {
    size_t at[MATCH_MEMO];   /* token + 1; 0: empty */
    size_t nhits[MATCH_MEMO];
    phrase_hit hits[MATCH_MEMO][MATCH_HITS];
    unsigned next;           /* the slot to fill next */
} match_memo;

typedef struct {
    const saksi_model *m;
    const struct saksi_doc *d;
    size_t end;
    saksi_lang lang;
    int future;
    int64_t pub;
    int py, pm, pd, pwd; /* publication year, month, day, weekday 1..7 */
    match_memo *memo;
} ctx;

/* Every phrase at token i (phrase_match, in the mode phrase_find uses for
 * time phrases), from the memo when it holds them. */
static const phrase_hit *hits_at(const ctx *c, size_t i, size_t *n)
{
    match_memo *mm = c->memo;
    for (unsigned k = 0; k < MATCH_MEMO; k++)
        if (mm->at[k] == i + 1) {
            *n = mm->nhits[k];
            return mm->hits[k];
        }
    unsigned k = mm->next++ % MATCH_MEMO;
    mm->at[k] = i + 1;
    mm->nhits[k] = phrase_match(&c->m->phrases, c->d->toks, i, c->end,
                                mm->hits[k], MATCH_HITS, PM_STRICT);
    *n = mm->nhits[k];
    return mm->hits[k];
}

/* The longest time phrase of `kind` (0: any) at token i, as phrase_find
 * finds it: the same hits, chosen by the same rule. */
static size_t find(const ctx *c, size_t i, int kind, const phrase_val **v)
{
    if (i >= c->end)
        return 0;
    if (!c->memo)
        return phrase_find(&c->m->phrases, c->d->toks, i, c->end, PT_TIME,
                           kind, c->lang, v);
    size_t n;
    const phrase_hit *hits = hits_at(c, i, &n);
    const phrase_trie *t = &c->m->phrases;
    while (n--) {
        for (uint32_t k = hits[n].val; k; k = t->vals[k].next) {
            const phrase_val *pv = &t->vals[k];
            if (pv->table != PT_TIME || (kind && pv->kind != kind))
                continue;
            if (pv->lang && c->lang != SAKSI_LANG_UNKNOWN &&
                pv->lang != c->lang)
                continue;
            if (v)
                *v = pv;
            return hits[n].len;
        }
    }
    return 0;
}

static const saksi_token *tok(const ctx *c, size_t i)
{
    return i < c->end ? &c->d->toks[i] : NULL;
}

static int tok_is(const ctx *c, size_t i, const char *s)
{
    const saksi_token *t = tok(c, i);
    return t && t->norm_len == strlen(s) && memcmp(t->norm, s, t->norm_len) == 0;
}

/* A plain integer token ("4", "2022"); -1 otherwise. */
static long int_at(const ctx *c, size_t i)
{
    const saksi_token *t = tok(c, i);
    if (!t || t->cls != SAKSI_TOK_NUMBER || t->norm_len > 9)
        return -1;
    long v = 0;
    for (size_t k = 0; k < t->norm_len; k++) {
        char ch = t->norm[k];
        if (ch < '0' || ch > '9')
            return -1;
        v = v * 10 + (ch - '0');
    }
    return v;
}

/* "4/8", "4/8/2022", "25/04": day, month and (0 or) year. */
static int dm_at(const ctx *c, size_t i, int *d, int *m, int *y)
{
    const saksi_token *t = tok(c, i);
    if (!t || t->cls != SAKSI_TOK_NUMBER)
        return 0;
    int parts[3] = {0, 0, 0}, np = 0, digits = 0;
    for (size_t k = 0; k < t->norm_len; k++) {
        char ch = t->norm[k];
        if (ch >= '0' && ch <= '9') {
            if (++digits > 4)
                return 0;
            parts[np] = parts[np] * 10 + (ch - '0');
        } else if (ch == '/' && digits && np < 2) {
            np++;
            digits = 0;
        } else {
            return 0;
        }
    }
    if (!digits)
        return 0;
    np++; /* parts used */
    if (np < 2 || parts[1] < 1 || parts[1] > 12 || parts[0] < 1)
        return 0;
    *d = parts[0];
    *m = parts[1];
    *y = np == 3 ? (parts[2] < 100 ? 2000 + parts[2] : parts[2]) : 0;
    return *d <= saksi_days_in_month(*y ? *y : 2000, *m);
}

/* "1990-an", "1990s": the decade's first year, else -1. */
static long decade_at(const ctx *c, size_t i)
{
    const saksi_token *t = tok(c, i);
    if (!t || t->cls != SAKSI_TOK_NUMBER || t->norm_len < 5)
        return -1;
    long y = 0;
    for (int k = 0; k < 4; k++) {
        if (t->norm[k] < '0' || t->norm[k] > '9')
            return -1;
        y = y * 10 + (t->norm[k] - '0');
    }
    const char *rest = t->norm + 4;
    size_t rn = t->norm_len - 4;
    if (y % 10 || !((rn == 3 && memcmp(rest, "-an", 3) == 0) ||
                    (rn == 1 && rest[0] == 's') ||
                    (rn == 2 && memcmp(rest, "'s", 2) == 0)))
        return -1;
    return y;
}

static int is_year(long v)
{
    return v >= 1000 && v <= 2199;
}

/* ---- results ---------------------------------------------------------- */

/* Writes a date string; years outside 0…9999 are clamped (no news
 * expression produces them, but the buffer must never overflow). */
static void put_date(saksi_mention *o, const char *fmt, long y, int m, int d)
{
    char tmp[48];
    if (y < 0)
        y = 0;
    if (y > 9999)
        y = 9999;
    snprintf(tmp, sizeof tmp, fmt, y, m, d);
    snprintf(o->date, sizeof o->date, "%.11s", tmp);
}

static void set_day(saksi_mention *o, int64_t days, saksi_precision p)
{
    int y, m, d;
    saksi_civil_from_days(days, &y, &m, &d);
    put_date(o, "%04ld-%02d-%02d", y, m, d);
    o->precision = p;
}

static void set_month(saksi_mention *o, int y, int m)
{
    while (m < 1) {
        m += 12;
        y--;
    }
    while (m > 12) {
        m -= 12;
        y++;
    }
    put_date(o, "%04ld-%02d", y, m, 0);
    o->precision = SAKSI_PREC_MONTH;
}

static void set_year(saksi_mention *o, long y)
{
    put_date(o, "%04ld", y, 0, 0);
    o->precision = SAKSI_PREC_YEAR;
}

static void set_decade(saksi_mention *o, long y)
{
    put_date(o, "%04lds", y, 0, 0);
    o->precision = SAKSI_PREC_DECADE;
}

/* A day and month without a year: the publication's year, unless that is
 * ahead of publication by more than two months, or by more than a week in
 * a clause that is not future (then the year before), or more than ten
 * months behind (then the year after). */
static int64_t day_month(const ctx *c, int d, int m, int y)
{
    if (y)
        return saksi_days_from_civil(y, m, d);
    y = c->py;
    int64_t z = saksi_days_from_civil(y, m, d <= saksi_days_in_month(y, m)
                                                 ? d
                                                 : saksi_days_in_month(y, m));
    if (z > c->pub + (c->future ? 62 : 7))
        z = saksi_days_from_civil(y - 1, m, d);
    else if (z < c->pub - 300)
        z = saksi_days_from_civil(y + 1, m, d);
    return z;
}

/* A weekday (1 = Monday): the latest on or before publication, or the
 * first after it in the future. */
static int64_t weekday(const ctx *c, int wd, int future)
{
    if (future) {
        int ahead = (wd - c->pwd + 7) % 7;
        return c->pub + (ahead ? ahead : 7);
    }
    return c->pub - (c->pwd - wd + 7) % 7;
}

static int64_t monday(const ctx *c, int weeks)
{
    return c->pub - (c->pwd - 1) + 7 * (int64_t)weeks;
}

/* ---- the grammar ------------------------------------------------------- */

/* "(4/8)", "4/8/2022": an explicit day. */
static size_t explicit_dm(const ctx *c, size_t j, saksi_mention *o)
{
    int d, m, y;
    size_t k = j;
    int paren = tok_is(c, k, "(");
    if (paren)
        k++;
    if (!dm_at(c, k, &d, &m, &y))
        return 0;
    k++;
    if (paren) {
        if (!tok_is(c, k, ")"))
            return 0;
        k++;
    }
    set_day(o, day_month(c, d, m, y), SAKSI_PREC_DAY);
    o->relative = !y;
    return k - j;
}

/* The direction after a period or weekday: -1 past (lalu, silam, ago),
 * +1 next (depan, mendatang), 0 this (ini); *len its length. */
static int direction(const ctx *c, size_t i, size_t *len, int *found)
{
    const phrase_val *v;
    size_t n;
    *found = 1;
    if ((n = find(c, i, TK_PAST, &v))) {
        *len = n;
        return -1;
    }
    if ((n = find(c, i, TK_NEXT, &v))) {
        *len = n;
        return 1;
    }
    if ((n = find(c, i, TK_THIS, &v))) {
        *len = n;
        return 0;
    }
    *found = 0;
    *len = 0;
    return 0;
}

/* A period moved by `by` (weeks, months, years) from publication. */
static void set_period(const ctx *c, saksi_mention *o, int unit, int by)
{
    if (unit == 1)
        set_day(o, c->pub + by, SAKSI_PREC_DAY);
    else if (unit == 7)
        set_day(o, monday(c, by), SAKSI_PREC_WEEK);
    else if (unit == 30)
        set_month(o, c->py, c->pm + by);
    else
        set_year(o, c->py + by);
    o->relative = 1;
}

/* A count: digits or number words (dua, three). */
static size_t count_at(const ctx *c, size_t i, double *value)
{
    long v = int_at(c, i);
    if (v >= 0) {
        if (v > 100000)
            return 0;
        *value = (double)v;
        return 1;
    }
    saksi_mention q;
    size_t n = saksi_quantity_at(c->m, c->d, i, c->end, c->lang, &q);
    if (!n || q.unknown || q.approx || q.value > 100000)
        return 0; /* "two days ago", not "two million days" */
    *value = q.value;
    return n;
}

static size_t core_at(const ctx *c, size_t j, saksi_mention *o, int led)
{
    const phrase_val *v, *u;
    size_t n, k, len;
    int found;
    long num;

    /* (4/8), 4/8/2022 */
    if ((n = explicit_dm(c, j, o)))
        return n;
    /* 1990-an, 1990s */
    if ((num = decade_at(c, j)) >= 0) {
        set_decade(o, num);
        return 1;
    }
    /* "hari itu": the day the text last named */
    if ((n = find(c, j, TK_SAME, &v)) && c->d->has_last_day) {
        set_day(o, c->d->last_day, SAKSI_PREC_DAY);
        o->relative = 1;
        return n;
    }
    /* relative days: kemarin, hari ini, besok, yesterday */
    if ((n = find(c, j, TK_DAY, &v))) {
        set_day(o, c->pub + v->ival, SAKSI_PREC_DAY);
        o->relative = 1;
        return n;
    }
    /* akhir pekan [ini|lalu], (this|last) weekend */
    if ((n = find(c, j, TK_WEEKEND, &v))) {
        int dir = direction(c, j + n, &len, &found);
        int fut = found ? dir >= 0 : c->future;
        int64_t sat = weekday(c, 6, fut);
        set_day(o, sat, SAKSI_PREC_DAY);
        o->relative = 1;
        return n + len;
    }
    /* last/next/this week, month, year (English order) */
    if ((find(c, j, TK_LAST, &v) || find(c, j, TK_NEXT, &v) ||
                       find(c, j, TK_THIS, &v))) {
        int dir = v->kind == TK_LAST ? -1 : v->kind == TK_NEXT ? 1 : 0;
        size_t a = find(c, j, v->kind, &v);
        if ((n = find(c, j + a, TK_UNIT, &u)) && u->ival > 1) {
            set_period(c, o, u->ival, dir);
            return a + n;
        }
        if ((n = find(c, j + a, TK_WEEKEND, &u))) {
            set_day(o, weekday(c, 6, dir >= 0), SAKSI_PREC_DAY);
            o->relative = 1;
            return a + n;
        }
        if ((n = find(c, j + a, TK_WEEKDAY, &u))) {
            set_day(o, weekday(c, u->ival, dir >= 0), SAKSI_PREC_DAY);
            o->relative = 1;
            return a + n;
        }
    }
    /* pekan lalu, bulan depan, tahun ini, minggu lalu */
    if ((n = find(c, j, TK_UNIT, &u)) && u->ival > 1) {
        int dir = direction(c, j + n, &len, &found);
        if (found) {
            set_period(c, o, u->ival, dir);
            return n + len;
        }
    }
    /* dua hari lalu, three years ago; in two days */
    {
        double cnt;
        size_t a = count_at(c, j, &cnt);
        if (a && (n = find(c, j + a, TK_UNIT, &u))) {
            int dir = direction(c, j + a + n, &len, &found);
            int by = (int)cnt;
            if (found && dir < 0) {
                if (u->ival == 1)
                    set_day(o, c->pub - by, SAKSI_PREC_DAY);
                else
                    set_period(c, o, u->ival, -by);
                o->relative = 1;
                return a + n + len;
            }
            if (led && !found) { /* "in two days" */
                if (u->ival == 1)
                    set_day(o, c->pub + by, SAKSI_PREC_DAY);
                else
                    set_period(c, o, u->ival, by);
                o->relative = 1;
                return a + n;
            }
        }
    }
    /* 4 Agustus 2022, 13 September */
    if ((num = int_at(c, j)) >= 1 && num <= 31 && (n = find(c, j + 1, TK_MONTH, &v))) {
        k = j + 1 + n;
        if (tok_is(c, k, "."))
            k++;
        long yr = int_at(c, k);
        if (is_year(yr)) {
            set_day(o, saksi_days_from_civil((int)yr, v->ival, (int)num),
                    SAKSI_PREC_DAY);
            return k + 1 - j;
        }
        set_day(o, day_month(c, (int)num, v->ival, 0), SAKSI_PREC_DAY);
        o->relative = 1;
        return k - j;
    }
    /* a month: August 4[, 2022]; Mei 2017; Juli tahun lalu; pada Mei */
    if ((n = find(c, j, TK_MONTH, &v))) {
        int mo = v->ival;
        k = j + n;
        if (tok_is(c, k, "."))
            k++; /* Aug. */
        long day = int_at(c, k);
        if (day >= 1 && day <= 31 && !is_year(day)) {
            size_t e = k + 1;
            if (tok_is(c, e, ","))
                e++;
            long yr = int_at(c, e);
            if (is_year(yr)) {
                set_day(o, saksi_days_from_civil((int)yr, mo, (int)day),
                        SAKSI_PREC_DAY);
                return e + 1 - j;
            }
            /* December 16 last year */
            if ((n = find(c, k + 1, TK_LAST, &u)) &&
                find(c, k + 1 + n, TK_UNIT, &u) && u->ival == 365) {
                set_day(o, saksi_days_from_civil(c->py - 1, mo, (int)day),
                        SAKSI_PREC_DAY);
                o->relative = 1;
                return k + 1 + n + 1 - j;
            }
            set_day(o, day_month(c, (int)day, mo, 0), SAKSI_PREC_DAY);
            o->relative = 1;
            return k + 1 - j;
        }
        k = j + n;
        long yr = int_at(c, k);
        if (is_year(yr)) {
            set_month(o, (int)yr, mo);
            return k + 1 - j;
        }
        /* Juli tahun lalu */
        if ((n = find(c, k, TK_UNIT, &u)) && u->ival == 365) {
            int dir = direction(c, k + n, &len, &found);
            if (found) {
                set_month(o, c->py + dir, mo);
                o->relative = 1;
                return k + n + len - j;
            }
        }
        /* a bare month needs a lead or a capital (not the modal "may") */
        if (!led && c->d->toks[j].cls != SAKSI_TOK_CAPITALIZED)
            return 0;
        int past_y = mo <= c->pm ? c->py : c->py - 1;
        int fut_y = mo >= c->pm ? c->py : c->py + 1;
        /* Juni lalu, Agustus mendatang, Mei ini say which one */
        int dir = direction(c, k, &len, &found);
        int fut = found ? dir > 0 : c->future;
        set_month(o, found && dir == 0 ? c->py : fut ? fut_y : past_y, mo);
        o->relative = 1;
        return k + len - j;
    }
    /* a weekday, with its date, a part of day, or a direction */
    if ((n = find(c, j, TK_WEEKDAY, &v))) {
        int wd = v->ival;
        k = j + n;
        if (find(c, k, TK_PART, &u))
            k += find(c, k, TK_PART, &u); /* Senin malam (26/9) */
        if (tok_is(c, k, ","))
            k++;
        size_t e = explicit_dm(c, k, o);
        if (e)
            return k + e - j;
        if ((num = int_at(c, k)) >= 1 && num <= 31 &&
            (n = find(c, k + 1, TK_MONTH, &u))) {
            size_t e2 = core_at(c, k, o, 1); /* Kamis, 4 Agustus 2022 */
            if (e2)
                return k + e2 - j;
        }
        k = j + n;
        /* Rabu pekan lalu, Senin depan, Kamis besok, Rabu mendatang */
        size_t pn;
        if ((pn = find(c, k, TK_UNIT, &u)) && u->ival == 7) {
            int dir = direction(c, k + pn, &len, &found);
            if (found) {
                set_day(o, monday(c, dir) + wd - 1, SAKSI_PREC_DAY);
                o->relative = 1;
                return k + pn + len - j;
            }
        }
        int dir = direction(c, k, &len, &found);
        if (!found && (pn = find(c, k, TK_FUTURE, &u)))
            len = pn, found = 1, dir = 1;
        if (found && dir != 0) {
            set_day(o, weekday(c, wd, dir > 0), SAKSI_PREC_DAY);
            o->relative = 1;
            return k + len - j;
        }
        /* "Minggu" alone is a weekday only with a capital or a lead */
        if (!led && c->d->toks[j].cls != SAKSI_TOK_CAPITALIZED)
            return 0;
        set_day(o, weekday(c, wd, c->future), SAKSI_PREC_DAY);
        o->relative = 1;
        return k - j;
    }
    /* akhir Agustus, the end of August */
    if ((n = find(c, j, TK_END, &v))) {
        size_t e = core_at(c, j + n, o, 1);
        if (e && o->precision == SAKSI_PREC_MONTH)
            return n + e;
        return 0;
    }
    /* the 1990s */
    if ((n = find(c, j, TK_DECADE, &v)) && (num = decade_at(c, j + n)) >= 0) {
        set_decade(o, num);
        return n + 1;
    }
    /* a year after a lead: pada 2012, tahun 2005, in 2003, sejak 1998 */
    if (led && is_year(num = int_at(c, j))) {
        set_year(o, num);
        return 1;
    }
    return 0;
}

size_t saksi_time_at(const saksi_model *m, const struct saksi_doc *d,
                     size_t i, size_t end, saksi_lang lang, int future,
                     saksi_mention *out)
{
    if (i >= end)
        return 0;
    const saksi_token *t0 = &d->toks[i];
    if (t0->cls != SAKSI_TOK_NUMBER &&
        !saksi_model_starts(m, t0, WF_PH_TIME | WF_PH_NUMBER) &&
        !(t0->norm_len == 1 && t0->norm[0] == '('))
        return 0; /* the common case, decided without a lookup */
    ctx c;
    memset(&c, 0, sizeof c);
    match_memo memo;
    memset(memo.at, 0, sizeof memo.at);
    memo.next = 0;
    c.memo = &memo;
    c.m = m;
    c.d = d;
    c.end = end;
    c.lang = lang;
    c.future = future;
    /* Without a publication date, relative expressions are still found
     * (against a stand-in date) but get no date: precision none. */
    c.pub = d->has_pub ? d->pub : saksi_days_from_civil(2000, 6, 14);
    saksi_civil_from_days(c.pub, &c.py, &c.pm, &c.pd);
    c.pwd = saksi_weekday(c.pub) + 1;
    saksi_mention o;
    memset(&o, 0, sizeof o);
    /* leads first (pada hari, sejak, on, in); without them if that fails
     * ("tahun lalu": "tahun" is a lead and a period) */
    size_t j = i, n;
    const phrase_val *v;
    while (j < end && (n = find(&c, j, TK_LEAD, &v)))
        j += n;
    size_t core = j > i ? core_at(&c, j, &o, 1) : 0;
    if (!core) {
        j = i;
        core = core_at(&c, j, &o, 0);
    }
    if (!core)
        return 0;
    if (o.relative && !d->has_pub) {
        o.date[0] = '\0';
        o.precision = SAKSI_PREC_NONE;
    }
    o.kind = SAKSI_MENTION_TIME;
    o.first_token = i;
    o.n_tokens = j + core - i;
    o.start = d->toks[i].start;
    o.end = d->toks[j + core - 1].end;
    *out = o;
    return o.n_tokens;
}
