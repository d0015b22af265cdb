/*
 * fuzz_gazetteer.c — the gazetteer's two readers on arbitrary bytes: the
 * text files (the .tsv files of data/places, chosen by the first byte) and the binary
 * index (gazetteer.idx). Neither may crash or read out of bounds, whatever
 * the bytes; lookups on what they accept must stay in bounds too.
 */
#include "places/gazetteer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const FILES[] = {"gazetteer.tsv", "countries.tsv", "admin1.tsv",
                                    "regions.tsv", "idn-areas.tsv"};
static const char *const KEYS[] = {"lachin", "moskow", "a", "sochi", "nduga",
                                   "kabupaten nduga", ""};

static void probe(const saksi_gazetteer *g)
{
    for (size_t k = 0; k < sizeof KEYS / sizeof *KEYS; k++) {
        const uint32_t *ids;
        size_t n = gz_lookup(g, KEYS[k], strlen(KEYS[k]), &ids);
        for (size_t i = 0; i < n; i++) {
            const gz_entry *e = gz_entry_at(g, ids[i]);
            if (e && !gz_name(g, e))
                abort();
        }
    }
    for (uint32_t i = 0; i < 16 && i < gz_count(g); i++) {
        const gz_entry *e = gz_entry_at(g, i);
        if (!e || !gz_name(g, e))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    /* the text readers: a gazetteer file always first, then the chosen one */
    saksi_gazetteer *g = gz_new();
    if (!g)
        return 0;
    char err[512];
    const char *file = FILES[data[0] % 5];
    if (gz_parse_buffer(g, file, (const char *)data + 1, size - 1, err,
                        sizeof err) == 0 &&
        gz_finish(g, err, sizeof err) == 0)
        probe(g);
    gz_free(g);
    /* the binary reader on the same bytes */
    char *copy = malloc(size);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    saksi_gazetteer *x = gz_from_index(copy, size, NULL, 0);
    if (x) {
        probe(x);
        gz_free(x);
    }
    return 0;
}
