/*
 * fuzz_peers.c — libFuzzer target for the readers of TABARI's and
 * PETRARCH's dictionaries (src/dict/peers.c): the first byte chooses the
 * kind of file, the rest is its text, read into an empty model. Whatever
 * the bytes, the reader may not crash, leak or read out of bounds, and
 * what it writes must hold together: verb patterns inside the element
 * array, heads in the trie, recorded peer patterns where they say.
 *
 *   make fuzz && build/fuzz/fuzz_peers -max_total_time=600 fuzz/seeds/fuzz_peers
 */
#include "dict/peers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void warn(void *ctx, const saksi_diag *w, const char *kind)
{
    size_t *n = ctx;
    if (!w->file || !kind || !kind[0] || strlen(w->message) >= sizeof w->message)
        abort();
    (*n)++;
}

static void check(const saksi_model *m)
{
    for (uint32_t i = 0; i < m->nverbs; i++) {
        const verb_pattern *vp = &m->verbs[i];
        if ((size_t)vp->elem + vp->nelem > m->nvelems || vp->nhead == 0 ||
            vp->nhead > vp->nelem || vp->rule >= m->nrules)
            abort();
        for (uint16_t e = 0; e < vp->nelem; e++) {
            uint32_t id = m->velems[vp->elem + e].id;
            if (id != VERB_GAP && id >= m->words.n)
                abort();
            if (e < vp->nhead && id == VERB_GAP)
                abort();
        }
        if (m->velems[vp->elem + vp->nelem - 1].id == VERB_GAP)
            abort();
        peer_pattern pp;
        if (!peers_pattern(m, i, &pp))
            abort(); /* every pattern here comes from the peer file */
        size_t verbs = 0;
        for (size_t k = 0; k < pp.n; k++) {
            uint32_t id = pp.elems[k].id;
            verbs += id == PEER_EL_VERB;
            if (id < PEER_EL_MAGIC && id >= m->words.n)
                abort();
        }
        if (verbs != 1)
            abort();
        if (!saksi_model_str(m, vp->cameo)[0])
            abort();
    }
    const phrase_trie *t = &m->phrases;
    for (size_t k = 1; k < t->nvals; k++) {
        const phrase_val *v = &t->vals[k];
        if (v->next >= t->nvals)
            abort();
        if (v->table == PT_VERB && (v->ival < 0 || (size_t)v->ival >= m->nverbs))
            abort();
        if ((v->table == PT_ACTOR || v->table == PT_AGENT) &&
            !saksi_model_str(m, v->str)[0])
            abort();
        if (v->table == PT_ACTOR && v->from > v->to)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    int kind = PEER_TABARI_ACTORS + data[0] % (PEER_NKINDS - PEER_TABARI_ACTORS);
    saksi_model *m = peers_bare_model();
    if (!m)
        return 0;
    size_t nwarn = 0;
    saksi_dict_stats st;
    memset(&st, 0, sizeof st);
    char err[256];
    if (peers_load_buffer(m, kind, "fuzz", (const char *)data + 1, size - 1, warn,
                          &nwarn, &st, err, sizeof err) == 0) {
        if (nwarn != st.warnings)
            abort();
        check(m);
    }
    saksi_model_close(m);
    return 0;
}
