/*
 * gazetteer.h — the offline gazetteer: every place saksi can put on the
 * map, and the names that lead to it.
 *
 * Loaded once with the model from data/places/ (see gazetteer.c for the
 * files); read-only afterwards, shared by all workers. A name is looked up
 * by its folded form ("moskow", "laçın", "kabupaten nduga" is looked up as
 * "nduga"), and leads to every entry of that name: the caller chooses among
 * them by context.
 */
#ifndef SAKSI_GAZETTEER_H
#define SAKSI_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

typedef struct saksi_gazetteer saksi_gazetteer;

enum {
    GZ_PLACE = 1, /* a populated place (GeoNames) */
    GZ_COUNTRY,   /* a country */
    GZ_ADMIN1,    /* a first-level region: state, province, oblast */
    GZ_REGION,    /* a region, territory, sea or island we wrote down */
    GZ_AREA       /* an Indonesian regency, city or district */
};

typedef struct {
    int32_t geonameid;   /* 0 when it has none */
    float lat, lon;      /* NAN when unknown */
    char country[4];     /* ISO 3166 alpha-3, "" for a multi-country region */
    int32_t admin1;      /* the entry of its first-level region, or -1 */
    uint32_t population;
    uint32_t name;       /* offset of its name in the name pool */
    uint8_t kind;        /* GZ_* */
    uint8_t precision;   /* saksi_place_precision */
    uint8_t rank;        /* 5 capital, 4 first-level seat, 3 second-level
                            seat, 2 lower seat, 1 other, 0 not a place */
} gz_entry;

/* Loads data/places/ under `dir`: the binary index gazetteer.idx when it is
 * sound and as new as the text files, else the text files. NULL with a
 * message "file:line: fault" in err when a file is missing or malformed. */
saksi_gazetteer *gz_load(const char *dir, char *err, size_t errlen);
/* The text files only (the slow way, and what the index is made from). */
saksi_gazetteer *gz_load_text(const char *dir, char *err, size_t errlen);
/* Writes the index of a gazetteer loaded from `dir`'s text files. */
int gz_write_index(const saksi_gazetteer *g, const char *dir, const char *path,
                   char *err, size_t errlen);
/* A gazetteer over index bytes `b` (taken: freed, or unmapped when
 * `mapped`, on failure and by gz_free), or NULL when its header or
 * sections do not hold; `stamp` NULL skips the freshness check. What the
 * sections hold is checked as it is used. */
saksi_gazetteer *gz_from_index(char *b, size_t len, const uint64_t *stamp,
                               int mapped);
void gz_free(saksi_gazetteer *g);

/* The entries named `key` (folded, words separated by one blank): their
 * count, and *ids pointing at that many entry indexes. */
size_t gz_lookup(const saksi_gazetteer *g, const char *key, size_t n,
                 const uint32_t **ids);
/* The same in two steps: the name's index (-1 when no entry has it), then
 * its entries (none for -1). */
long gz_find(const saksi_gazetteer *g, const char *key, size_t n);
size_t gz_entries(const saksi_gazetteer *g, long k, const uint32_t **ids);
/* 0 when no name of several words begins with `word` and a blank ("san"
 * begins "san francisco"); else 1 (rarely without such a name). */
int gz_may_start(const saksi_gazetteer *g, const char *word, size_t n);

const gz_entry *gz_entry_at(const saksi_gazetteer *g, uint32_t i);
const char *gz_name(const saksi_gazetteer *g, const gz_entry *e);
size_t gz_count(const saksi_gazetteer *g);
/* The entry of the country with ISO alpha-3 code `alpha3`, or -1. */
long gz_country(const saksi_gazetteer *g, const char *alpha3);

/* The longest name a lookup may be, in words. */
enum { GZ_MAX_WORDS = 5 };

/* Parses one data file's bytes (for the fuzz target): kind is the file's
 * name under data/places/. Returns 0, or -1 with a message. */
int gz_parse_buffer(saksi_gazetteer *g, const char *file, const char *bytes,
                    size_t n, char *err, size_t errlen);
saksi_gazetteer *gz_new(void);
/* Finishes a gazetteer after parsing: centres of regions, the index. */
int gz_finish(saksi_gazetteer *g, char *err, size_t errlen);

#endif
