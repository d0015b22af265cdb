/*
 * gazetteer.c — loads the offline gazetteer (data/places/) and finds
 * places by name.
 *
 * Files, all generated or written as data (docs/dictionaries.md):
 *   gazetteer.tsv  GeoNames populated places with their other names
 *                  (tools/build-gazetteer.js; CC BY 4.0)
 *   countries.tsv  every country with its Indonesian and English names and
 *                  a centre point (generated; ODbL)
 *   admin1.tsv     first-level regions by the GeoNames admin1 code their
 *                  towns carry (written by us); the centre of a region is
 *                  the mean of its towns
 *   regions.tsv    regions, territories, seas and islands GeoNames'
 *                  populated places do not hold, and Indonesian exonyms
 *                  (written by us)
 *   idn-areas.tsv  Indonesia's provinces, regencies, cities and districts
 *                  (generated from idn-area-data; ODbL)
 *
 * The idea: every name of every entry is folded once at load time (the
 * same folding the tokenizer applies) and put into one open-addressing
 * table from folded name to the list of entries it names. A lookup is one
 * hash and a short string compare; choosing among the entries is the
 * caller's job (places.c). Beside it, a set of the first words of the
 * names of several words ("san" of "san francisco") lets the caller skip
 * most lookups of several words without touching the big table.
 */
#include "gazetteer.h"
#include "../core/internal.h"
#include "../dict/datafile.h"
#include "../text/utf8.h"

#include <math.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t key;   /* offset of the folded name in keys */
    uint32_t len;
    uint32_t head;  /* first posting, or UINT32_MAX */
    uint32_t count;
} gz_key;

typedef struct {
    uint32_t entry;
    uint32_t next;
} gz_posting;

/* a slot of the name table: the key's index + 1 (0 empty) and the high
 * bits of its hash, compared before the key is touched */
typedef struct {
    uint32_t key;
    uint32_t tag;
} gz_slot;

/* a first-level region's towns, to place it at their centre */
typedef struct {
    char country[4];
    char code[12];
    double lat, lon;   /* the sums of its towns' coordinates */
    uint32_t n;
    int32_t entry; /* its admin1 entry, or -1 */
} gz_region_sum;

struct saksi_gazetteer {
    gz_entry *e;
    size_t n, cap;
    saksi_buf names;       /* canonical names, NUL-terminated */
    saksi_buf keys;        /* folded names, NUL-terminated */
    gz_key *k;
    size_t nk, capk;
    gz_slot *slots;        /* open addressing over the names */
    size_t mask;
    gz_posting *post;
    size_t npost, cappost;
    uint32_t *flat;        /* after gz_finish: postings per key, contiguous */
    size_t nflat;
    gz_region_sum *sums;   /* (country, admin1) of the towns */
    size_t nsums, capsums;
    uint32_t *sum_slots;   /* hash of sums: index + 1 */
    size_t sum_mask;
    saksi_buf fold, scratch;
    int finished;
    uint32_t country0, ncountry; /* the countries' entries, by alpha-3 */
    struct { char code[16]; int32_t entry; } *areas; /* idn-areas codes */
    size_t nareas, capareas;
    uint64_t *first;       /* hashes of first words of names of several
                              words: open addressing, 0 = empty */
    size_t first_mask;
    char *blob;            /* loaded from the index: everything lives here */
    size_t blob_len;
    int mapped;            /* …mapped from the file, else malloc'd */
};

/* ---- small tools ---------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

static int parse_u32(const char *s, uint32_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *end || v > UINT32_MAX || *s == '-')
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static int is_alpha3(const char *s, size_t n)
{
    return n == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

/* ---- the name index ------------------------------------------------------- */

static int rehash(saksi_gazetteer *g, size_t nslots)
{
    gz_slot *s = calloc(nslots, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < g->nk; i++) {
        const gz_key *k = &g->k[i];
        uint64_t hv = hash_bytes(g->keys.data + k->key, k->len);
        size_t h = (size_t)hv & (nslots - 1);
        while (s[h].key)
            h = (h + 1) & (nslots - 1);
        s[h].key = (uint32_t)i + 1;
        s[h].tag = (uint32_t)(hv >> 32);
    }
    free(g->slots);
    g->slots = s;
    g->mask = nslots - 1;
    return 0;
}

static long find_key(const saksi_gazetteer *g, const char *key, size_t n,
                     size_t *slot, uint32_t *tag_out)
{
    uint64_t hv = hash_bytes(key, n);
    uint32_t tag = (uint32_t)(hv >> 32);
    if (tag_out)
        *tag_out = tag;
    if (!g->slots)
        return -1;
    size_t h = (size_t)hv & g->mask;
    for (size_t probes = 0; probes <= g->mask && g->slots[h].key; probes++) {
        /* an index read from disk is checked as it is used */
        if (g->slots[h].key > g->nk)
            return -1;
        if (g->slots[h].tag == tag) {
            const gz_key *k = &g->k[g->slots[h].key - 1];
            if (k->len == n && k->key <= g->keys.len &&
                n <= g->keys.len - k->key &&
                memcmp(g->keys.data + k->key, key, n) == 0) {
                if (slot)
                    *slot = h;
                return (long)g->slots[h].key - 1;
            }
        }
        h = (h + 1) & g->mask;
    }
    if (slot)
        *slot = h;
    return -1;
}

/* ---- first words ---------------------------------------------------------- */

static uint64_t first_hash(const char *s, size_t n)
{
    uint64_t h = hash_bytes(s, n);
    return h ? h : 1;
}

/* The set of the first words of every name of several words. */
static int build_first(saksi_gazetteer *g)
{
    size_t count = 0;
    for (size_t i = 0; i < g->nk; i++)
        count += memchr(g->keys.data + g->k[i].key, ' ', g->k[i].len) != NULL;
    size_t nslots = 64;
    while (nslots < 2 * count + 2)
        nslots *= 2;
    uint64_t *set = calloc(nslots, sizeof *set);
    if (!set)
        return -1;
    for (size_t i = 0; i < g->nk; i++) {
        const char *key = g->keys.data + g->k[i].key;
        const char *sp = memchr(key, ' ', g->k[i].len);
        if (!sp)
            continue;
        uint64_t h = first_hash(key, (size_t)(sp - key));
        size_t j = (size_t)h & (nslots - 1);
        while (set[j] && set[j] != h)
            j = (j + 1) & (nslots - 1);
        set[j] = h;
    }
    free(g->first);
    g->first = set;
    g->first_mask = nslots - 1;
    return 0;
}

int gz_may_start(const saksi_gazetteer *g, const char *word, size_t n)
{
    if (!g->first)
        return 1;
    uint64_t h = first_hash(word, n);
    size_t j = (size_t)h & g->first_mask;
    for (size_t probes = 0; probes <= g->first_mask; probes++) {
        if (g->first[j] == h)
            return 1;
        if (!g->first[j])
            return 0;
        j = (j + 1) & g->first_mask;
    }
    return 1;
}

/* Files the entry under the folded form of `name`. */
static int index_name(saksi_gazetteer *g, const char *name, size_t n,
                      uint32_t entry)
{
    saksi_buf_clear(&g->fold);
    if (saksi_fold(name, n, &g->fold, &g->scratch))
        return -1;
    /* one blank between words */
    char *f = g->fold.data;
    size_t w = 0;
    for (size_t r = 0; r < g->fold.len; r++) {
        char c = f[r];
        if (c == ' ' || c == '\t') {
            if (w && f[w - 1] != ' ')
                f[w++] = ' ';
            continue;
        }
        f[w++] = c;
    }
    while (w && f[w - 1] == ' ')
        w--;
    if (!w)
        return 0;
    if (!g->slots || (g->nk + 1) * 2 > g->mask + 1)
        if (rehash(g, g->slots ? (g->mask + 1) * 2 : 1u << 16))
            return -1;
    size_t slot;
    uint32_t tag;
    long k = find_key(g, f, w, &slot, &tag);
    if (k < 0) {
        if (grow((void **)&g->k, &g->capk, g->nk + 1, sizeof *g->k))
            return -1;
        size_t off = g->keys.len;
        saksi_buf_cat(&g->keys, f, w);
        saksi_buf_catc(&g->keys, '\0');
        if (g->keys.oom)
            return -1;
        g->k[g->nk] = (gz_key){(uint32_t)off, (uint32_t)w, UINT32_MAX, 0};
        g->slots[slot].key = (uint32_t)g->nk + 1;
        g->slots[slot].tag = tag;
        k = (long)g->nk++;
    }
    gz_key *key = &g->k[k];
    /* the same entry twice under one name (Sochi|sochi): once; an entry's
     * names are filed together, so a repeat is at the head */
    if (key->head != UINT32_MAX && g->post[key->head].entry == entry)
        return 0;
    if (grow((void **)&g->post, &g->cappost, g->npost + 1, sizeof *g->post))
        return -1;
    g->post[g->npost] = (gz_posting){entry, key->head};
    key->head = (uint32_t)g->npost++;
    key->count++;
    return 0;
}

/* Files the entry under each "|"-separated name. */
static int index_names(saksi_gazetteer *g, const char *list, size_t n,
                       uint32_t entry)
{
    size_t a = 0;
    while (a <= n) {
        size_t b = a;
        while (b < n && list[b] != '|')
            b++;
        if (b > a && index_name(g, list + a, b - a, entry))
            return -1;
        a = b + 1;
    }
    return 0;
}

static long add_entry(saksi_gazetteer *g, const gz_entry *proto,
                      const char *name, size_t n)
{
    if (grow((void **)&g->e, &g->cap, g->n + 1, sizeof *g->e))
        return -1;
    gz_entry *e = &g->e[g->n];
    *e = *proto;
    e->name = (uint32_t)g->names.len;
    saksi_buf_cat(&g->names, name, n);
    saksi_buf_catc(&g->names, '\0');
    if (g->names.oom)
        return -1;
    return (long)g->n++;
}

static size_t first_name_len(const char *list, size_t n)
{
    const char *bar = memchr(list, '|', n);
    return bar ? (size_t)(bar - list) : n;
}

/* ---- first-level regions: where their towns are ---------------------------- */

static gz_region_sum *region_sum(saksi_gazetteer *g, const char *country,
                                 const char *code, int create)
{
    char key[20];
    int kn = snprintf(key, sizeof key, "%s/%s", country, code);
    if (kn <= 0 || (size_t)kn >= sizeof key)
        return NULL;
    if (!g->sum_slots) {
        if (!create)
            return NULL;
        g->sum_slots = calloc(1u << 14, sizeof *g->sum_slots);
        if (!g->sum_slots)
            return NULL;
        g->sum_mask = (1u << 14) - 1;
    }
    size_t h = (size_t)hash_bytes(key, (size_t)kn) & g->sum_mask;
    while (g->sum_slots[h]) {
        gz_region_sum *r = &g->sums[g->sum_slots[h] - 1];
        if (strcmp(r->country, country) == 0 && strcmp(r->code, code) == 0)
            return r;
        h = (h + 1) & g->sum_mask;
    }
    if (!create || g->nsums * 2 >= g->sum_mask)
        return NULL; /* full: more regions than any country list has */
    if (grow((void **)&g->sums, &g->capsums, g->nsums + 1, sizeof *g->sums))
        return NULL;
    gz_region_sum *r = &g->sums[g->nsums];
    memset(r, 0, sizeof *r);
    snprintf(r->country, sizeof r->country, "%s", country);
    snprintf(r->code, sizeof r->code, "%s", code);
    r->entry = -1;
    g->sum_slots[h] = (uint32_t)++g->nsums;
    return r;
}

/* ---- the files -------------------------------------------------------------- */

static uint8_t rank_of(const char *fcode)
{
    if (strcmp(fcode, "PPLC") == 0)
        return 5;
    if (strcmp(fcode, "PPLA") == 0)
        return 4;
    if (strcmp(fcode, "PPLA2") == 0)
        return 3;
    if (strncmp(fcode, "PPLA", 4) == 0)
        return 2;
    return 1;
}

/* geonameid lat lon country admin1 feature population names */
static int load_place(void *ctx, const datafile_entry *e, char *err, size_t len)
{
    saksi_gazetteer *g = ctx;
    if (e->nfields != 8) {
        snprintf(err, len, "expected 8 fields "
                 "(geonameid, lat, lon, country, admin1, feature, population, names)");
        return -1;
    }
    gz_entry p;
    memset(&p, 0, sizeof p);
    uint32_t id, pop;
    double lat, lon;
    if (parse_u32(e->field[0], &id) || id == 0 || id > INT32_MAX) {
        snprintf(err, len, "bad geonameid '%s'", e->field[0]);
        return -1;
    }
    if (parse_double(e->field[1], -90, 90, &lat) ||
        parse_double(e->field[2], -180, 180, &lon)) {
        snprintf(err, len, "bad coordinates '%s' '%s'", e->field[1], e->field[2]);
        return -1;
    }
    if (!is_alpha3(e->field[3], e->len[3])) {
        snprintf(err, len, "country '%s' is not an ISO alpha-3 code", e->field[3]);
        return -1;
    }
    if (parse_u32(e->field[6], &pop)) {
        snprintf(err, len, "bad population '%s'", e->field[6]);
        return -1;
    }
    if (e->len[4] >= sizeof ((gz_region_sum *)0)->code || !e->len[7]) {
        snprintf(err, len, "admin1 code too long or no name");
        return -1;
    }
    p.geonameid = (int32_t)id;
    p.lat = (float)lat;
    p.lon = (float)lon;
    memcpy(p.country, e->field[3], 4);
    p.admin1 = -1;
    p.population = pop;
    p.kind = GZ_PLACE;
    p.precision = SAKSI_PLACE_POINT;
    p.rank = rank_of(e->field[5]);
    long k = add_entry(g, &p, e->field[7], first_name_len(e->field[7], e->len[7]));
    if (k < 0 || index_names(g, e->field[7], e->len[7], (uint32_t)k))
        goto oom;
    if (strcmp(e->field[4], "-") != 0) {
        gz_region_sum *r = region_sum(g, p.country, e->field[4], 1);
        if (!r)
            goto oom;
        r->lat += lat;
        r->lon += lon;
        r->n++;
        /* the town's region, resolved in gz_finish */
        g->e[k].admin1 = -2 - (int32_t)(r - g->sums);
    }
    return 0;
oom:
    snprintf(err, len, "out of memory");
    return -1;
}

/* alpha3 lat lon names */
static int load_country(void *ctx, const datafile_entry *e, char *err, size_t len)
{
    saksi_gazetteer *g = ctx;
    if (!g->ncountry)
        g->country0 = (uint32_t)g->n;
    else if (g->country0 + g->ncountry != g->n ||
             strcmp(g->e[g->n - 1].country, e->field[0]) >= 0) {
        snprintf(err, len, "countries must come together, sorted by code");
        return -1;
    }
    double lat, lon;
    if (e->nfields != 4 || !is_alpha3(e->field[0], e->len[0]) || !e->len[3]) {
        snprintf(err, len, "expected alpha3, lat, lon, names");
        return -1;
    }
    if (parse_double(e->field[1], -90, 90, &lat) ||
        parse_double(e->field[2], -180, 180, &lon)) {
        snprintf(err, len, "bad coordinates");
        return -1;
    }
    gz_entry p;
    memset(&p, 0, sizeof p);
    p.lat = (float)lat;
    p.lon = (float)lon;
    memcpy(p.country, e->field[0], 4);
    p.admin1 = -1;
    p.kind = GZ_COUNTRY;
    p.precision = SAKSI_PLACE_COUNTRY;
    long k = add_entry(g, &p, e->field[3], first_name_len(e->field[3], e->len[3]));
    if (k < 0 || index_names(g, e->field[3], e->len[3], (uint32_t)k)) {
        snprintf(err, len, "out of memory");
        return -1;
    }
    g->ncountry++;
    return 0;
}

/* country admin1 names note */
static int load_admin1(void *ctx, const datafile_entry *e, char *err, size_t len)
{
    saksi_gazetteer *g = ctx;
    if (e->nfields < 3 || !is_alpha3(e->field[0], e->len[0]) || !e->len[1] ||
        !e->len[2] || e->len[1] >= sizeof ((gz_region_sum *)0)->code) {
        snprintf(err, len, "expected country, admin1 code, names[, note]");
        return -1;
    }
    gz_region_sum *r = region_sum(g, e->field[0], e->field[1], 0);
    if (!r || !r->n) {
        snprintf(err, len, "no town of %s carries admin1 code '%s'", e->field[0],
                 e->field[1]);
        return -1;
    }
    gz_entry p;
    memset(&p, 0, sizeof p);
    /* the mean of its towns: measured against our gold, nearer the points
     * people give a region than the middle of its towns' box (which a town
     * with an outdated code stretches) or their median */
    p.lat = (float)(r->lat / r->n);
    p.lon = (float)(r->lon / r->n);
    memcpy(p.country, e->field[0], 4);
    p.admin1 = -1;
    p.kind = GZ_ADMIN1;
    p.precision = SAKSI_PLACE_ADMIN;
    long k = add_entry(g, &p, e->field[2], first_name_len(e->field[2], e->len[2]));
    if (k < 0 || index_names(g, e->field[2], e->len[2], (uint32_t)k)) {
        snprintf(err, len, "out of memory");
        return -1;
    }
    g->e[k].admin1 = (int32_t)k;
    if (r->entry < 0)
        r->entry = (int32_t)k;
    return 0;
}

static int precision_of(const char *s)
{
    if (strcmp(s, "point") == 0)
        return SAKSI_PLACE_POINT;
    if (strcmp(s, "admin") == 0 || strcmp(s, "region") == 0)
        return SAKSI_PLACE_ADMIN;
    if (strcmp(s, "country") == 0)
        return SAKSI_PLACE_COUNTRY;
    return -1;
}

/* names country lat lon kind note */
static int load_region(void *ctx, const datafile_entry *e, char *err, size_t len)
{
    saksi_gazetteer *g = ctx;
    double lat, lon;
    if (e->nfields < 5 || !e->len[0]) {
        snprintf(err, len, "expected names, country, lat, lon, kind[, note]");
        return -1;
    }
    if (!(strcmp(e->field[1], "-") == 0 || is_alpha3(e->field[1], e->len[1]))) {
        snprintf(err, len, "country '%s' is neither an alpha-3 code nor '-'",
                 e->field[1]);
        return -1;
    }
    if (parse_double(e->field[2], -90, 90, &lat) ||
        parse_double(e->field[3], -180, 180, &lon)) {
        snprintf(err, len, "bad coordinates '%s' '%s'", e->field[2], e->field[3]);
        return -1;
    }
    int prec = precision_of(e->field[4]);
    if (prec < 0) {
        snprintf(err, len, "kind '%s' is not point, admin, region or country",
                 e->field[4]);
        return -1;
    }
    gz_entry p;
    memset(&p, 0, sizeof p);
    p.lat = (float)lat;
    p.lon = (float)lon;
    if (e->field[1][0] != '-')
        memcpy(p.country, e->field[1], 4);
    p.admin1 = -1;
    p.kind = GZ_REGION;
    p.precision = (uint8_t)prec;
    p.rank = strcmp(e->field[4], "point") == 0 ? 1 : 0;
    long k = add_entry(g, &p, e->field[0], first_name_len(e->field[0], e->len[0]));
    if (k < 0 || index_names(g, e->field[0], e->len[0], (uint32_t)k)) {
        snprintf(err, len, "out of memory");
        return -1;
    }
    return 0;
}

/* The entry an Indonesian area code stands for (provinces: their admin1
 * entry), or -1. Codes come in file order, parents first. */
static int32_t area_entry(const saksi_gazetteer *g, const char *code)
{
    for (size_t i = g->nareas; i-- > 0;)
        if (strcmp(g->areas[i].code, code) == 0)
            return g->areas[i].entry;
    return -1;
}

static int remember_area(saksi_gazetteer *g, const char *code, int32_t entry)
{
    if (strlen(code) >= sizeof g->areas[0].code)
        return 0;
    if (grow((void **)&g->areas, &g->capareas, g->nareas + 1, sizeof *g->areas))
        return -1;
    snprintf(g->areas[g->nareas].code, sizeof g->areas[0].code, "%s", code);
    g->areas[g->nareas++].entry = entry;
    return 0;
}

/* The admin1 entry of Indonesia named `name` ("Papua"), or -1. */
static int32_t province_named(saksi_gazetteer *g, const char *name, size_t n)
{
    saksi_buf_clear(&g->fold);
    if (saksi_fold(name, n, &g->fold, &g->scratch))
        return -1;
    long k = find_key(g, g->fold.data, g->fold.len, NULL, NULL);
    if (k < 0)
        return -1;
    for (uint32_t p = g->k[k].head; p != UINT32_MAX; p = g->post[p].next) {
        const gz_entry *x = &g->e[g->post[p].entry];
        if (x->kind == GZ_ADMIN1 && strcmp(x->country, "IDN") == 0)
            return (int32_t)g->post[p].entry;
    }
    return -1;
}

/* code level name parent geonameid lat lon */
static int load_area(void *ctx, const datafile_entry *e, char *err, size_t len)
{
    saksi_gazetteer *g = ctx;
    if (e->nfields != 7 || !e->len[0] || !e->len[2]) {
        snprintf(err, len, "expected code, level, name, parent, geonameid, lat, lon");
        return -1;
    }
    const char *level = e->field[1];
    if (strcmp(level, "province") == 0) {
        /* provinces come from admin1.tsv, with their centre: remember which
         * is which, for the regencies and districts under them */
        if (remember_area(g, e->field[0], province_named(g, e->field[2], e->len[2]))) {
            snprintf(err, len, "out of memory");
            return -1;
        }
        return 0;
    }
    if (strcmp(level, "kabupaten") && strcmp(level, "kota") &&
        strcmp(level, "kecamatan")) {
        snprintf(err, len, "unknown level '%s'", level);
        return -1;
    }
    gz_entry p;
    memset(&p, 0, sizeof p);
    p.lat = p.lon = NAN;
    if (strcmp(e->field[4], "-") != 0) {
        uint32_t id;
        double lat, lon;
        if (parse_u32(e->field[4], &id) || id > INT32_MAX ||
            parse_double(e->field[5], -90, 90, &lat) ||
            parse_double(e->field[6], -180, 180, &lon)) {
            snprintf(err, len, "bad geonameid or coordinates");
            return -1;
        }
        p.geonameid = (int32_t)id;
        p.lat = (float)lat;
        p.lon = (float)lon;
    }
    memcpy(p.country, "IDN", 4);
    p.admin1 = -1;
    /* its parent: the province (an admin1 entry) or the regency */
    int32_t parent = area_entry(g, e->field[3]);
    if (parent >= 0) {
        const gz_entry *pe = &g->e[parent];
        p.admin1 = pe->kind == GZ_ADMIN1 ? parent : pe->admin1;
        if (isnan(p.lat)) { /* no point of its own: its parent's */
            p.lat = pe->lat;
            p.lon = pe->lon;
        }
    }
    p.kind = GZ_AREA;
    p.precision = strcmp(level, "kota") == 0 ? SAKSI_PLACE_POINT : SAKSI_PLACE_ADMIN;
    p.rank = strcmp(level, "kecamatan") == 0 ? 1 : 3;
    long k = add_entry(g, &p, e->field[2], e->len[2]);
    if (k < 0 || index_name(g, e->field[2], e->len[2], (uint32_t)k) ||
        remember_area(g, e->field[0], (int32_t)k)) {
        snprintf(err, len, "out of memory");
        return -1;
    }
    return 0;
}

typedef struct {
    const char *file;
    datafile_fn fn;
    int required;
} gz_file;

static const gz_file FILES[] = {
    {"gazetteer.tsv", load_place, 1},   /* first: admin1 centres need it */
    {"countries.tsv", load_country, 1},
    {"admin1.tsv", load_admin1, 0},
    {"regions.tsv", load_region, 0},
    {"idn-areas.tsv", load_area, 1},
};

saksi_gazetteer *gz_new(void)
{
    saksi_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    saksi_buf_init(&g->names);
    saksi_buf_init(&g->keys);
    saksi_buf_init(&g->fold);
    saksi_buf_init(&g->scratch);
    return g;
}

static const gz_file *file_of(const char *name)
{
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++)
        if (strcmp(FILES[i].file, name) == 0)
            return &FILES[i];
    return NULL;
}

int gz_parse_buffer(saksi_gazetteer *g, const char *file, const char *bytes,
                    size_t n, char *err, size_t errlen)
{
    const gz_file *f = file_of(file);
    if (!f) {
        snprintf(err, errlen, "%s: not a gazetteer file", file);
        return -1;
    }
    FILE *s = fmemopen((void *)bytes, n ? n : 1, "rb");
    if (!s) {
        snprintf(err, errlen, "%s: cannot read", file);
        return -1;
    }
    if (!n) {
        fclose(s);
        return 0;
    }
    int rc = datafile_read_stream(s, file, file, f->fn, g, err, errlen);
    fclose(s);
    return rc;
}

int gz_finish(saksi_gazetteer *g, char *err, size_t errlen)
{
    /* each town's first-level region */
    for (size_t i = 0; i < g->n; i++) {
        gz_entry *e = &g->e[i];
        if (e->admin1 <= -2)
            e->admin1 = g->sums[-2 - e->admin1].entry;
    }
    /* postings contiguous per name */
    g->flat = malloc((g->npost ? g->npost : 1) * sizeof *g->flat);
    if (!g->flat) {
        snprintf(err, errlen, "gazetteer: out of memory");
        return -1;
    }
    size_t w = 0;
    for (size_t i = 0; i < g->nk; i++) {
        gz_key *k = &g->k[i];
        uint32_t start = (uint32_t)w;
        for (uint32_t p = k->head; p != UINT32_MAX; p = g->post[p].next)
            g->flat[w++] = g->post[p].entry;
        k->head = start;
    }
    g->nflat = w;
    free(g->post);
    g->post = NULL;
    g->npost = g->cappost = 0;
    free(g->sum_slots);
    g->sum_slots = NULL;
    free(g->areas);
    g->areas = NULL;
    g->nareas = g->capareas = 0;
    saksi_buf_free(&g->fold);
    saksi_buf_free(&g->scratch);
    if (build_first(g)) {
        snprintf(err, errlen, "gazetteer: out of memory");
        return -1;
    }
    g->finished = 1;
    return 0;
}

/* Sizes the tables for the gazetteer file `f` at once: growing them line
 * by line costs more than reading the file. About 70 bytes a place and 2.5
 * names a place. */
static int presize(saksi_gazetteer *g, FILE *f)
{
    if (fseek(f, 0, SEEK_END))
        return 0;
    long size = ftell(f);
    rewind(f);
    if (size <= 0)
        return 0;
    size_t places = (size_t)size / 60 + 1024, names = places * 3;
    size_t slots = 1u << 16;
    while (slots < names * 2)
        slots *= 2;
    if (grow((void **)&g->e, &g->cap, places, sizeof *g->e) ||
        grow((void **)&g->k, &g->capk, names, sizeof *g->k) ||
        grow((void **)&g->post, &g->cappost, names, sizeof *g->post) ||
        saksi_buf_reserve(&g->keys, (size_t)size / 2) ||
        saksi_buf_reserve(&g->names, (size_t)size / 5) || rehash(g, slots))
        return -1;
    return 0;
}

/* ---- the binary index ---------------------------------------------------------
 *
 * Parsing and indexing the text files takes a few hundred milliseconds;
 * `make` therefore writes the finished tables to data/places/gazetteer.idx
 * (tools/gzindex.c), and loading reads that file back when its stamp (the
 * sizes and times of the text files) still holds. Every offset and count
 * in it is checked before use, so a damaged index is rejected, never
 * trusted: then the text files are read instead. */

#define GZ_MAGIC "SAKSIGZ1"
enum { GZ_VERSION = 3, GZ_NSTAMP = 2 * (sizeof FILES / sizeof *FILES) };

typedef struct {
    char magic[8];
    uint32_t version, endian;
    uint64_t stamp[GZ_NSTAMP];
    uint64_t n, nk, npost, names_len, keys_len, nslots, country0, ncountry;
    uint64_t nfirst;
    uint64_t off_e, off_names, off_keys, off_k, off_flat, off_slots, off_first;
    uint64_t total;
} gz_header;

static void stamp_of(const char *dir, uint64_t *stamp)
{
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++) {
        char path[4200];
        struct stat st;
        snprintf(path, sizeof path, "%s/places/%s", dir, FILES[i].file);
        if (stat(path, &st)) {
            stamp[2 * i] = stamp[2 * i + 1] = UINT64_MAX;
            continue;
        }
        stamp[2 * i] = (uint64_t)st.st_size;
        stamp[2 * i + 1] = (uint64_t)st.st_mtime;
    }
}

static void release(char *b, size_t len, int mapped)
{
    if (mapped)
        munmap(b, len);
    else
        free(b);
}

static uint64_t align8(uint64_t x)
{
    return (x + 7) & ~(uint64_t)7;
}

int gz_write_index(const saksi_gazetteer *g, const char *dir, const char *path,
                   char *err, size_t errlen)
{
    gz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GZ_MAGIC, 8);
    h.version = GZ_VERSION;
    h.endian = 0x01020304;
    stamp_of(dir, h.stamp);
    h.n = g->n;
    h.nk = g->nk;
    h.npost = 0;
    for (size_t i = 0; i < g->nk; i++)
        h.npost += g->k[i].count;
    h.names_len = g->names.len + 1;
    h.keys_len = g->keys.len + 1;
    h.nslots = g->mask + 1;
    h.country0 = g->country0;
    h.ncountry = g->ncountry;
    h.nfirst = g->first ? g->first_mask + 1 : 0;
    uint64_t off = align8(sizeof h);
    h.off_e = off;
    off = align8(off + h.n * sizeof *g->e);
    h.off_names = off;
    off = align8(off + h.names_len);
    h.off_keys = off;
    off = align8(off + h.keys_len);
    h.off_k = off;
    off = align8(off + h.nk * sizeof *g->k);
    h.off_flat = off;
    off = align8(off + h.npost * sizeof *g->flat);
    h.off_slots = off;
    off = align8(off + h.nslots * sizeof *g->slots);
    h.off_first = off;
    off = align8(off + h.nfirst * sizeof *g->first);
    h.total = off;
    char *b = calloc(1, h.total);
    if (!b) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    memcpy(b, &h, sizeof h);
    memcpy(b + h.off_e, g->e, h.n * sizeof *g->e);
    memcpy(b + h.off_names, g->names.data ? g->names.data : "", h.names_len - 1);
    memcpy(b + h.off_keys, g->keys.data ? g->keys.data : "", h.keys_len - 1);
    memcpy(b + h.off_k, g->k, h.nk * sizeof *g->k);
    memcpy(b + h.off_flat, g->flat, h.npost * sizeof *g->flat);
    memcpy(b + h.off_slots, g->slots, h.nslots * sizeof *g->slots);
    if (h.nfirst)
        memcpy(b + h.off_first, g->first, h.nfirst * sizeof *g->first);
    char tmp[4300];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(b, 1, h.total, f) == h.total;
    if (f && fclose(f))
        ok = 0;
    free(b);
    if (!ok || rename(tmp, path)) {
        snprintf(err, errlen, "%s: cannot write", path);
        remove(tmp);
        return -1;
    }
    return 0;
}

/* Checks an index's bytes and, when every count and offset holds, makes a
 * gazetteer over them (taking `b`). NULL otherwise, `b` freed. */
saksi_gazetteer *gz_from_index(char *b, size_t len, const uint64_t *stamp,
                               int mapped)
{
    gz_header h;
    saksi_gazetteer *g = NULL;
    if (len < sizeof h)
        goto bad;
    memcpy(&h, b, sizeof h);
    if (memcmp(h.magic, GZ_MAGIC, 8) || h.version != GZ_VERSION ||
        h.endian != 0x01020304 || h.total != len)
        goto bad;
    if (stamp && memcmp(h.stamp, stamp, sizeof h.stamp))
        goto bad; /* the text files changed since */
    /* every section inside the file, in order, its size fitting */
    const uint64_t lim = 1ull << 40;
    if (h.n > lim || h.nk > lim || h.npost > lim || h.nslots > lim ||
        h.names_len > lim || h.keys_len > lim || !h.names_len || !h.keys_len)
        goto bad;
    if (h.nslots < 2 || (h.nslots & (h.nslots - 1)))
        goto bad;
    if (h.nfirst > lim || (h.nfirst & (h.nfirst - 1)))
        goto bad;
    struct { uint64_t off, size; } sec[] = {
        {h.off_e, h.n * sizeof(gz_entry)}, {h.off_names, h.names_len},
        {h.off_keys, h.keys_len}, {h.off_k, h.nk * sizeof(gz_key)},
        {h.off_flat, h.npost * sizeof(uint32_t)},
        {h.off_slots, h.nslots * sizeof(gz_slot)},
        {h.off_first, h.nfirst * sizeof(uint64_t)}};
    uint64_t at = sizeof h;
    for (size_t i = 0; i < sizeof sec / sizeof *sec; i++) {
        if (sec[i].off % 8 || sec[i].off < at || sec[i].off > len ||
            sec[i].size > len - sec[i].off)
            goto bad;
        at = sec[i].off + sec[i].size;
    }
    /* the pools end with NUL; everything else is checked where it is
     * used (find_key, gz_lookup, gz_entry_at, gz_name, places.c), so that
     * loading touches only the pages a lookup needs */
    if (b[h.off_names + h.names_len - 1] || b[h.off_keys + h.keys_len - 1])
        goto bad;
    g = calloc(1, sizeof *g);
    if (!g)
        goto bad;
    g->blob = b;
    g->blob_len = len;
    g->mapped = mapped;
    g->e = (gz_entry *)(void *)(b + h.off_e);
    g->n = g->cap = h.n;
    g->names.data = b + h.off_names;
    g->names.len = h.names_len - 1;
    g->keys.data = b + h.off_keys;
    g->keys.len = h.keys_len - 1;
    g->k = (gz_key *)(void *)(b + h.off_k);
    g->nk = g->capk = h.nk;
    g->flat = (uint32_t *)(void *)(b + h.off_flat);
    g->nflat = h.npost;
    g->slots = (gz_slot *)(void *)(b + h.off_slots);
    g->mask = h.nslots - 1;
    g->first = h.nfirst ? (uint64_t *)(void *)(b + h.off_first) : NULL;
    g->first_mask = h.nfirst ? h.nfirst - 1 : 0;
    if (h.ncountry > h.n || h.country0 > h.n - h.ncountry)
        goto bad2;
    g->country0 = (uint32_t)h.country0;
    g->ncountry = (uint32_t)h.ncountry;
    g->finished = 1;
    return g;
bad2:
    free(g);
bad:
    release(b, len, mapped);
    return NULL;
}

static saksi_gazetteer *read_index(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/places/gazetteer.idx", dir);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *b = MAP_FAILED;
    if (!fstat(fd, &st) && st.st_size > 0)
        b = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (b == MAP_FAILED)
        return NULL;
    uint64_t stamp[GZ_NSTAMP];
    stamp_of(dir, stamp);
    return gz_from_index(b, (size_t)st.st_size, stamp, 1);
}

saksi_gazetteer *gz_load(const char *dir, char *err, size_t errlen)
{
    saksi_gazetteer *idx = read_index(dir);
    if (idx)
        return idx;
    return gz_load_text(dir, err, errlen);
}

saksi_gazetteer *gz_load_text(const char *dir, char *err, size_t errlen)
{
    saksi_gazetteer *g = gz_new();
    if (!g) {
        snprintf(err, errlen, "gazetteer: out of memory");
        return NULL;
    }
    char sub[4096];
    if (snprintf(sub, sizeof sub, "%s/places", dir) >= (int)sizeof sub) {
        snprintf(err, errlen, "%s: path too long", dir);
        gz_free(g);
        return NULL;
    }
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", sub, FILES[i].file);
        FILE *f = fopen(path, "rb");
        if (!f) {
            if (!FILES[i].required)
                continue;
            snprintf(err, errlen, "%s: cannot open: the gazetteer is missing "
                     "(tools/build-gazetteer.js makes it)", path);
            gz_free(g);
            return NULL;
        }
        if (i == 0 && presize(g, f)) {
            snprintf(err, errlen, "gazetteer: out of memory");
            fclose(f);
            gz_free(g);
            return NULL;
        }
        char name[64];
        snprintf(name, sizeof name, "places/%s", FILES[i].file);
        int rc = datafile_read_stream(f, path, name, FILES[i].fn, g, err, errlen);
        fclose(f);
        if (rc) {
            gz_free(g);
            return NULL;
        }
    }
    if (gz_finish(g, err, errlen)) {
        gz_free(g);
        return NULL;
    }
    return g;
}

void gz_free(saksi_gazetteer *g)
{
    if (!g)
        return;
    if (g->blob) {
        release(g->blob, g->blob_len, g->mapped);
        free(g);
        return;
    }
    free(g->e);
    saksi_buf_free(&g->names);
    saksi_buf_free(&g->keys);
    free(g->k);
    free(g->slots);
    free(g->post);
    free(g->flat);
    free(g->sums);
    free(g->sum_slots);
    free(g->areas);
    free(g->first);
    saksi_buf_free(&g->fold);
    saksi_buf_free(&g->scratch);
    free(g);
}

long gz_find(const saksi_gazetteer *g, const char *key, size_t n)
{
    return g->finished ? find_key(g, key, n, NULL, NULL) : -1;
}

size_t gz_entries(const saksi_gazetteer *g, long k, const uint32_t **ids)
{
    if (k < 0 || (size_t)k >= g->nk || !g->finished)
        return 0;
    const gz_key *r = &g->k[k];
    if (r->head > g->nflat || r->count > g->nflat - r->head)
        return 0; /* a damaged index */
    *ids = g->flat + r->head;
    return r->count;
}

size_t gz_lookup(const saksi_gazetteer *g, const char *key, size_t n,
                 const uint32_t **ids)
{
    return gz_entries(g, gz_find(g, key, n), ids);
}

const gz_entry *gz_entry_at(const saksi_gazetteer *g, uint32_t i)
{
    return i < g->n ? &g->e[i] : NULL;
}

const char *gz_name(const saksi_gazetteer *g, const gz_entry *e)
{
    return e->name < g->names.len ? g->names.data + e->name : "";
}

size_t gz_count(const saksi_gazetteer *g)
{
    return g->n;
}

long gz_country(const saksi_gazetteer *g, const char *alpha3)
{
    size_t lo = 0, hi = g->ncountry;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const gz_entry *e = &g->e[g->country0 + mid];
        int c = strncmp(e->country, alpha3, 3);
        if (!c)
            return (long)(g->country0 + mid);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
