/*
 * endata.c — loaders of the English language data: irregular forms
 * (data/lang/en-irregular.tsv) and the grammar words that tell a verb from
 * a noun (data/lang/en-grammar.tsv). See lang/english.c for their use.
 */
#include "dict.h"
#include "../lang/english.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int oom(char *err, size_t errlen)
{
    snprintf(err, errlen, "out of memory");
    return -1;
}

/* form<TAB>lemma<TAB>verb|noun|keep */
int load_en_irregular(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 3, err, errlen))
        return -1;
    uint8_t kind;
    if (e->len[2] == 4 && memcmp(e->field[2], "verb", 4) == 0)
        kind = EN_IRR_VERB;
    else if (e->len[2] == 4 && memcmp(e->field[2], "noun", 4) == 0)
        kind = EN_IRR_NOUN;
    else if (e->len[2] == 4 && memcmp(e->field[2], "keep", 4) == 0)
        kind = EN_IRR_KEEP;
    else {
        snprintf(err, errlen, "kind must be 'verb', 'noun' or 'keep', not '%s'",
                 e->field[2]);
        return -1;
    }
    if (memchr(e->field[0], ' ', e->len[0]) || memchr(e->field[1], ' ', e->len[1])) {
        snprintf(err, errlen, "a form and its lemma are single words");
        return -1;
    }
    uint32_t form = model_word(m, e->field[0], e->len[0]);
    uint32_t lemma = model_word(m, e->field[1], e->len[1]);
    if (form == SAKSI_NO_WORD || lemma == SAKSI_NO_WORD)
        return oom(err, errlen);
    m->wflags2[lemma] |= WF2_EN_LEMMA;
    if (m->nen_irr == m->cap_en_irr) {
        size_t cap = m->cap_en_irr ? m->cap_en_irr * 2 : 512;
        en_irregular *v = realloc(m->en_irr, cap * sizeof *v);
        if (!v)
            return oom(err, errlen);
        m->en_irr = v;
        m->cap_en_irr = cap;
    }
    m->en_irr[m->nen_irr].form = form;
    m->en_irr[m->nen_irr].lemma = kind == EN_IRR_KEEP ? form : lemma;
    m->en_irr[m->nen_irr].kind = kind;
    m->nen_irr++;
    return 0;
}

/* word<TAB>det|be|have|aux|of|poss */
int load_en_grammar(void *ctx, const datafile_entry *e, char *err, size_t errlen)
{
    saksi_model *m = ctx;
    if (need_fields(e, 2, err, errlen))
        return -1;
    static const struct {
        const char *name;
        uint16_t flag;
    } CLASSES[] = {{"det", WF2_EN_DET}, {"be", WF2_EN_BE}, {"have", WF2_EN_HAVE},
                   {"aux", WF2_EN_AUX}, {"of", WF2_EN_OF},
                   {"poss", WF2_EN_POSS}};
    for (size_t i = 0; i < sizeof CLASSES / sizeof *CLASSES; i++)
        if (strlen(CLASSES[i].name) == e->len[1] &&
            memcmp(CLASSES[i].name, e->field[1], e->len[1]) == 0) {
            uint32_t id = model_word(m, e->field[0], e->len[0]);
            if (id == SAKSI_NO_WORD)
                return oom(err, errlen);
            m->wflags2[id] |= CLASSES[i].flag;
            return 0;
        }
    snprintf(err, errlen, "class must be det, be, have, aux, of or poss, not '%s'", e->field[1]);
    return -1;
}

static int cmp_irr(const void *a, const void *b)
{
    const en_irregular *x = a, *y = b;
    return x->form < y->form ? -1 : x->form > y->form;
}

void endata_finish(saksi_model *m)
{
    if (m->nen_irr)
        qsort(m->en_irr, m->nen_irr, sizeof *m->en_irr, cmp_irr);
}

const en_irregular *en_irregular_find(const saksi_model *m, uint32_t form)
{
    size_t lo = 0, hi = m->nen_irr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->en_irr[mid].form < form)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nen_irr && m->en_irr[lo].form == form ? &m->en_irr[lo] : NULL;
}
