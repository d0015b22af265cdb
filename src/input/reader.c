/*
 * reader.c — articles from files or stdin, one at a time.
 *
 * Two input forms: JSON Lines (one article object a line, the format of
 * ../shared/eval/README.md) and plain text (one article a file). With
 * SAKSI_FORMAT_AUTO each input is told apart by its first non-blank byte.
 *
 * The reader streams: it holds one line (one JSON article) or one text file
 * at a time, so memory is bounded by the largest article whatever the size
 * of the input. Every bad record is reported with file, line, byte offset
 * and the fault, counted, and skipped; the next call carries on with the
 * rest. Ids are remembered as 64-bit hashes (8 bytes an article) to reject
 * duplicates across all inputs of one reader.
 *
 * JSON is parsed by jansson, except for the common record, an object whose
 * values are all strings: that is parsed here, in one pass that copies the
 * strings out, about twenty times faster. Whatever that pass does not
 * accept exactly as jansson would (any other value, a duplicate key, an
 * unusual escape, a syntax error) goes to jansson, so what is accepted and
 * every message are jansson's.
 */
#include "saksi.h"
#include "../core/buf.h"
#include "../core/date.h"
#include "../core/hash.h"
#include "../text/utf8.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t *slots; /* 0 = empty; hashes are forced non-zero */
    size_t mask, n;
} idset;

struct saksi_reader {
    char **paths;
    size_t npaths, next_path;
    FILE *f;
    int owns_f;
    const char *name;      /* current input's name */
    saksi_format fmt;      /* resolved format of the current input */
    unsigned long line;    /* last line read (1-based) */
    long long line_off;    /* file offset of that line */
    long long next_off;    /* file offset after it */
    char *line_buf;
    size_t line_cap;
    saksi_buf text;        /* a plain-text article, or carried-over lines */
    int pending_line;      /* line_buf holds an unprocessed first line */
    ssize_t pending_len;
    json_t *json;          /* the current JSONL article (jansson) */
    saksi_buf strings;     /* …or its strings (the fast path) */
    char date[11];
    char id_buf[1024];
    saksi_format opt_format;
    char *opt_date, *opt_id, *opt_lang;
    idset ids;
    size_t rejected;
};

/* ---- id set ---------------------------------------------------------- */

static int idset_add(idset *s, const char *id, size_t n)
{
    uint64_t h = saksi_hash(id, n) | 1;
    if (!s->slots || (s->n + 1) * 2 > s->mask + 1) {
        size_t nslots = s->slots ? (s->mask + 1) * 2 : 1024;
        uint64_t *slots = calloc(nslots, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t k = 0; s->slots && k <= s->mask; k++) {
            if (!s->slots[k])
                continue;
            size_t i = s->slots[k] & (nslots - 1);
            while (slots[i])
                i = (i + 1) & (nslots - 1);
            slots[i] = s->slots[k];
        }
        free(s->slots);
        s->slots = slots;
        s->mask = nslots - 1;
    }
    size_t i = h & s->mask;
    while (s->slots[i]) {
        if (s->slots[i] == h)
            return 1;
        i = (i + 1) & s->mask;
    }
    s->slots[i] = h;
    s->n++;
    return 0;
}

/* ---- construction ---------------------------------------------------- */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static saksi_reader *reader_alloc(const saksi_reader_options *opts)
{
    saksi_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    saksi_buf_init(&r->text);
    saksi_buf_init(&r->strings);
    if (opts) {
        r->opt_format = opts->format;
        r->opt_date = dup_or_null(opts->date);
        r->opt_id = dup_or_null(opts->id);
        r->opt_lang = dup_or_null(opts->lang);
        if ((opts->date && !r->opt_date) || (opts->id && !r->opt_id) ||
            (opts->lang && !r->opt_lang)) {
            saksi_reader_free(r);
            return NULL;
        }
    }
    return r;
}

saksi_reader *saksi_reader_new(const char *const *paths, size_t n,
                               const saksi_reader_options *opts)
{
    saksi_reader *r = reader_alloc(opts);
    if (!r)
        return NULL;
    static const char *const stdin_only[] = {"-"};
    if (n == 0) {
        paths = stdin_only;
        n = 1;
    }
    r->paths = calloc(n, sizeof *r->paths);
    if (!r->paths) {
        saksi_reader_free(r);
        return NULL;
    }
    r->npaths = n;
    for (size_t i = 0; i < n; i++)
        if (!(r->paths[i] = strdup(paths[i]))) {
            saksi_reader_free(r);
            return NULL;
        }
    return r;
}

saksi_reader *saksi_reader_from_stream(FILE *f, const char *name,
                                       const saksi_reader_options *opts)
{
    saksi_reader *r = reader_alloc(opts);
    if (!r)
        return NULL;
    r->paths = calloc(1, sizeof *r->paths);
    if (!r->paths || !(r->paths[0] = strdup(name ? name : "-"))) {
        saksi_reader_free(r);
        return NULL;
    }
    r->npaths = 1;
    r->next_path = 1;
    r->f = f;
    r->owns_f = 0;
    r->name = r->paths[0];
    r->fmt = SAKSI_FORMAT_AUTO;
    return r;
}

static void close_input(saksi_reader *r)
{
    if (r->f && r->owns_f)
        fclose(r->f);
    r->f = NULL;
    r->pending_line = 0;
}

void saksi_reader_free(saksi_reader *r)
{
    if (!r)
        return;
    close_input(r);
    if (r->json)
        json_decref(r->json);
    for (size_t i = 0; r->paths && i < r->npaths; i++)
        free(r->paths[i]);
    free(r->paths);
    free(r->line_buf);
    saksi_buf_free(&r->text);
    saksi_buf_free(&r->strings);
    free(r->ids.slots);
    free(r->opt_date);
    free(r->opt_id);
    free(r->opt_lang);
    free(r);
}

size_t saksi_reader_rejected(const saksi_reader *r)
{
    return r->rejected;
}

/* ---- diagnostics ----------------------------------------------------- */

static saksi_status reject(saksi_reader *r, saksi_diag *diag,
                           unsigned long line, long long byte,
                           const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static saksi_status reject(saksi_reader *r, saksi_diag *diag,
                           unsigned long line, long long byte,
                           const char *fmt, ...)
{
    r->rejected++;
    if (diag) {
        diag->file = r->name;
        diag->line = line;
        diag->byte = byte;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(diag->message, sizeof diag->message, fmt, ap);
        va_end(ap);
    }
    return SAKSI_REJECTED;
}

/* ---- inputs ---------------------------------------------------------- */

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]))
            return 0;
    return 1;
}

/* Reads one line into line_buf; returns its length or -1 at the end. */
static ssize_t read_line(saksi_reader *r)
{
    if (r->pending_line) {
        r->pending_line = 0;
        return r->pending_len;
    }
    errno = 0;
    ssize_t got = getline(&r->line_buf, &r->line_cap, r->f);
    if (got < 0)
        return -1;
    r->line++;
    r->line_off = r->next_off;
    r->next_off += got;
    return got;
}

/* Opens the next path. Returns 1 when an input is open, 0 at the end, or
 * REJECTED through *st when a path could not be opened. */
static int open_next(saksi_reader *r, saksi_diag *diag, saksi_status *st)
{
    if (r->next_path >= r->npaths)
        return 0;
    const char *path = r->paths[r->next_path++];
    r->name = path;
    r->line = 0;
    r->line_off = r->next_off = 0;
    r->fmt = SAKSI_FORMAT_AUTO;
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
        r->owns_f = 0;
        return 1;
    }
    r->f = fopen(path, "rb");
    if (!r->f) {
        *st = reject(r, diag, 0, -1, "cannot open: %s", strerror(errno));
        return -1;
    }
    r->owns_f = 1;
    return 1;
}

/* Default id of a plain-text article: the file name without its directory
 * and extension; "stdin" for standard input. */
static const char *text_id(saksi_reader *r)
{
    if (r->opt_id)
        return r->opt_id;
    if (strcmp(r->name, "-") == 0)
        return "stdin";
    const char *base = strrchr(r->name, '/');
    base = base ? base + 1 : r->name;
    snprintf(r->id_buf, sizeof r->id_buf, "%s", base);
    char *dot = strrchr(r->id_buf, '.');
    if (dot && dot != r->id_buf)
        *dot = '\0';
    return r->id_buf;
}

/* 1-based line number of byte `off` in s. */
static unsigned long line_of(const char *s, size_t off)
{
    unsigned long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

static int check_date(saksi_reader *r, const char *s, const char **out)
{
    int y, m, d;
    if (saksi_parse_iso_date(s, &y, &m, &d))
        return -1;
    snprintf(r->date, sizeof r->date, "%04d-%02d-%02d", y, m, d);
    *out = r->date;
    return 0;
}

/* The rest of the current input as one plain-text article. */
static saksi_status next_text(saksi_reader *r, saksi_article *a,
                              saksi_diag *diag)
{
    /* r->text may already hold the blank lines read while sniffing */
    if (r->pending_line) {
        saksi_buf_cat(&r->text, r->line_buf, (size_t)r->pending_len);
        r->pending_line = 0;
    }
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, r->f)) > 0)
        saksi_buf_cat(&r->text, chunk, got);
    int err = ferror(r->f);
    close_input(r);
    if (r->text.oom)
        return SAKSI_ENOMEM;
    if (err)
        return reject(r, diag, 0, -1, "read error: %s", strerror(errno));
    const char *s = r->text.data ? r->text.data : "";
    size_t n = r->text.len, skip = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        skip = 3; /* a byte-order mark is not part of the text */
    size_t bad;
    if (!saksi_utf8_valid(s, n, 1, &bad))
        return reject(r, diag, line_of(s, bad), (long long)bad,
                      "%s at byte %zu: the text is not valid UTF-8",
                      s[bad] ? "invalid byte" : "NUL byte", bad);
    if (is_blank(s + skip, n - skip))
        return reject(r, diag, 0, -1, "empty text");
    memset(a, 0, sizeof *a);
    a->id = text_id(r);
    a->lang = r->opt_lang;
    a->text = s + skip;
    a->text_len = n - skip;
    if (r->opt_date && check_date(r, r->opt_date, &a->date))
        return reject(r, diag, 0, -1, "--date '%s' is not a valid YYYY-MM-DD date",
                      r->opt_date);
    int dup = idset_add(&r->ids, a->id, strlen(a->id));
    if (dup < 0)
        return SAKSI_ENOMEM;
    if (dup)
        return reject(r, diag, 0, -1, "duplicate article id '%s'", a->id);
    return SAKSI_OK;
}

static const char *json_type_name(json_t *v)
{
    if (!v)
        return "missing";
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: case JSON_REAL: return "a number";
    case JSON_TRUE: case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "of an unknown type";
}

/* ---- the fast path: objects of strings ------------------------------ */

/* A record's fields: decoded key and value, offsets into r->strings. */
enum { FAST_FIELDS = 32 };
typedef struct {
    size_t key, klen, val, vlen;
} fast_field;

typedef struct {
    fast_field f[FAST_FIELDS];
    size_t n;
} fast_record;

static int json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int hex4(const char *s, size_t n, size_t i, unsigned *out)
{
    if (i + 4 > n)
        return -1;
    unsigned v = 0;
    for (size_t k = i; k < i + 4; k++) {
        char c = s[k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static void put_utf8(saksi_buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    saksi_buf_cat(b, u, n);
}

/* The escape at s[*i] (after the backslash), decoded into b; -1 for what
 * jansson rejects (a bad escape, \u0000, a lone surrogate). */
static int fast_escape(const char *s, size_t n, size_t *i, saksi_buf *b)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (*i >= n)
        return -1;
    const char *e = strchr(from, s[*i]);
    if (e && s[*i]) {
        saksi_buf_catc(b, to[e - from]);
        (*i)++;
        return 0;
    }
    unsigned cp, lo;
    if (s[*i] != 'u' || hex4(s, n, *i + 1, &cp) || cp == 0)
        return -1;
    *i += 5;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return -1;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (*i + 1 >= n || s[*i] != '\\' || s[*i + 1] != 'u' ||
            hex4(s, n, *i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
            return -1;
        *i += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    put_utf8(b, cp);
    return 0;
}

/* The string whose opening quote is at s[*i], decoded into b (NUL after
 * it); its offset and length. -1 for what the fast path leaves to
 * jansson. The line is valid UTF-8 already. */
static int fast_string(const char *s, size_t n, size_t *i, saksi_buf *b,
                       size_t *off, size_t *len)
{
    size_t k = *i + 1;
    *off = b->len;
    for (;;) {
        size_t run = k;
        while (k < n && s[k] != '"' && s[k] != '\\' &&
               (unsigned char)s[k] >= 0x20)
            k++;
        saksi_buf_cat(b, s + run, k - run);
        if (k >= n || (unsigned char)s[k] < 0x20)
            return -1;
        if (s[k] == '"')
            break;
        k++;
        if (fast_escape(s, n, &k, b))
            return -1;
    }
    *len = b->len - *off;
    saksi_buf_catc(b, '\0');
    *i = k + 1;
    return b->oom ? -1 : 0;
}

static void skip_space(const char *s, size_t n, size_t *i)
{
    while (*i < n && json_space(s[*i]))
        (*i)++;
}

/* Parses s[0..n) when it is one object of string values, each key once,
 * with only blank space around: 0, else -1 (then jansson decides). */
static int fast_parse(const char *s, size_t n, saksi_buf *b, fast_record *rec)
{
    size_t i = 0;
    saksi_buf_clear(b);
    rec->n = 0;
    skip_space(s, n, &i);
    if (i >= n || s[i++] != '{')
        return -1;
    skip_space(s, n, &i);
    if (i < n && s[i] == '}') {
        i++;
    } else {
        for (;;) {
            if (rec->n == FAST_FIELDS || i >= n || s[i] != '"')
                return -1;
            fast_field *f = &rec->f[rec->n];
            if (fast_string(s, n, &i, b, &f->key, &f->klen))
                return -1;
            skip_space(s, n, &i);
            if (i >= n || s[i++] != ':')
                return -1;
            skip_space(s, n, &i);
            if (i >= n || s[i] != '"' ||
                fast_string(s, n, &i, b, &f->val, &f->vlen))
                return -1;
            for (size_t k = 0; k < rec->n; k++) /* a duplicate: jansson's */
                if (rec->f[k].klen == f->klen &&
                    memcmp(b->data + rec->f[k].key, b->data + f->key,
                           f->klen) == 0)
                    return -1;
            rec->n++;
            skip_space(s, n, &i);
            if (i < n && s[i] == ',') {
                i++;
                skip_space(s, n, &i);
                continue;
            }
            if (i < n && s[i] == '}') {
                i++;
                break;
            }
            return -1;
        }
    }
    skip_space(s, n, &i);
    return i == n ? 0 : -1;
}

/* The value of field `key` of a fast record, or NULL. */
static const char *fast_get(const saksi_buf *b, const fast_record *rec,
                            const char *key, size_t *len)
{
    size_t kn = strlen(key);
    for (size_t k = 0; k < rec->n; k++)
        if (rec->f[k].klen == kn &&
            memcmp(b->data + rec->f[k].key, key, kn) == 0) {
            if (len)
                *len = rec->f[k].vlen;
            return b->data + rec->f[k].val;
        }
    return NULL;
}

/* ---- records --------------------------------------------------------- */

/* A field of the current record, from either parse: its string (NULL when
 * absent, null or not a string) and, for messages, its type's name. */
typedef struct {
    json_t *o;               /* jansson's object, or NULL */
    const saksi_buf *b;      /* …else the fast record */
    const fast_record *rec;
} record;

static const char *json_type_name(json_t *v);

static const char *field(const record *rc, const char *key, size_t *len,
                         const char **type)
{
    if (!rc->o) {
        const char *v = fast_get(rc->b, rc->rec, key, len);
        *type = v ? "a string" : "missing";
        return v;
    }
    json_t *v = json_object_get(rc->o, key);
    *type = json_type_name(v);
    if (!json_is_string(v))
        return NULL;
    if (len)
        *len = json_string_length(v);
    return json_string_value(v);
}

/* One JSON Lines record: line_buf[0..len). */
static saksi_status parse_record(saksi_reader *r, size_t len, saksi_article *a,
                                 saksi_diag *diag)
{
    const char *s = r->line_buf;
    unsigned long ln = r->line;
    size_t start = 0;
    if (ln == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    size_t bad;
    if (!saksi_utf8_valid(s, len, 0, &bad))
        return reject(r, diag, ln, r->line_off + (long long)bad,
                      "invalid UTF-8 byte 0x%02X at byte %zu of the line "
                      "(byte %lld of the file)",
                      (unsigned char)s[bad], bad, r->line_off + (long long)bad);
    fast_record fast;
    record rc = {NULL, &r->strings, &fast};
    if (fast_parse(s + start, len - start, &r->strings, &fast)) {
        if (r->strings.oom)
            return SAKSI_ENOMEM;
        json_error_t jerr;
        json_t *o = json_loadb(s + start, len - start, JSON_REJECT_DUPLICATES,
                               &jerr);
        if (!o)
            return reject(r, diag, ln,
                          r->line_off + start + (long long)jerr.position,
                          "not valid JSON at byte %lld of the line: %s",
                          (long long)(start + (size_t)jerr.position), jerr.text);
        if (!json_is_object(o)) {
            json_decref(o);
            return reject(r, diag, ln, r->line_off, "not a JSON object");
        }
        r->json = rc.o = o;
    }
    static const char *const required[] = {"id", "date", "text"};
    const char *type;
    for (size_t k = 0; k < 3; k++)
        if (!field(&rc, required[k], NULL, &type))
            return reject(r, diag, ln, r->line_off,
                          "field \"%s\" must be a string, is %s", required[k],
                          type);
    memset(a, 0, sizeof *a);
    a->id = field(&rc, "id", NULL, &type);
    if (!*a->id)
        return reject(r, diag, ln, r->line_off, "field \"id\" is empty");
    const char *date = field(&rc, "date", NULL, &type);
    if (check_date(r, date, &a->date))
        return reject(r, diag, ln, r->line_off,
                      "article '%s': date '%.40s' is not a valid YYYY-MM-DD date",
                      a->id, date);
    a->text = field(&rc, "text", &a->text_len, &type);
    if (memchr(a->text, '\0', a->text_len))
        return reject(r, diag, ln, r->line_off,
                      "article '%s': text contains a NUL character", a->id);
    if (is_blank(a->text, a->text_len))
        return reject(r, diag, ln, r->line_off, "article '%s': empty text",
                      a->id);
    static const char *const optional[] = {"lang", "title", "url", "source"};
    const char **slot[] = {&a->lang, &a->title, &a->url, &a->source};
    for (size_t k = 0; k < 4; k++) {
        *slot[k] = field(&rc, optional[k], NULL, &type);
        /* absent or null: none; another type: a fault */
        if (!*slot[k] && strcmp(type, "missing") && strcmp(type, "null"))
            return reject(r, diag, ln, r->line_off,
                          "article '%s': field \"%s\" must be a string, is %s",
                          a->id, optional[k], type);
    }
    int dup = idset_add(&r->ids, a->id, strlen(a->id));
    if (dup < 0)
        return SAKSI_ENOMEM;
    if (dup)
        return reject(r, diag, ln, r->line_off, "duplicate article id '%s'",
                      a->id);
    return SAKSI_OK;
}

/* Decides the format of a freshly opened input from its first non-blank
 * byte, keeping what was read. */
static void sniff(saksi_reader *r)
{
    saksi_buf_clear(&r->text);
    if (r->opt_format != SAKSI_FORMAT_AUTO) {
        r->fmt = r->opt_format;
        return;
    }
    ssize_t got;
    while ((got = read_line(r)) >= 0) {
        const char *s = r->line_buf;
        size_t n = (size_t)got, b = 0;
        if (r->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            b = 3;
        while (b < n && strchr(" \t\r\n\f\v", s[b]))
            b++;
        if (b == n) {
            saksi_buf_cat(&r->text, s, n); /* blank: keep for text mode */
            continue;
        }
        r->fmt = s[b] == '{' ? SAKSI_FORMAT_JSONL : SAKSI_FORMAT_TEXT;
        r->pending_line = 1;
        r->pending_len = got;
        return;
    }
    r->fmt = SAKSI_FORMAT_TEXT; /* empty or blank input */
}

saksi_status saksi_reader_next(saksi_reader *r, saksi_article *a,
                               saksi_diag *diag)
{
    if (r->json) {
        json_decref(r->json);
        r->json = NULL;
    }
    for (;;) {
        if (!r->f) {
            saksi_status st = SAKSI_OK;
            int got = open_next(r, diag, &st);
            if (got == 0)
                return SAKSI_END;
            if (got < 0)
                return st;
            r->fmt = SAKSI_FORMAT_AUTO;
        }
        if (r->fmt == SAKSI_FORMAT_AUTO)
            sniff(r);
        if (r->fmt == SAKSI_FORMAT_TEXT) {
            /* an input stream given directly is read once */
            return next_text(r, a, diag);
        }
        ssize_t got = read_line(r);
        if (got < 0) {
            int err = ferror(r->f);
            int e = errno;
            close_input(r);
            if (err)
                return reject(r, diag, r->line + 1, r->next_off,
                              "read error: %s", strerror(e));
            continue;
        }
        size_t n = (size_t)got;
        while (n && (r->line_buf[n - 1] == '\n' || r->line_buf[n - 1] == '\r'))
            n--;
        if (is_blank(r->line_buf, n))
            continue;
        return parse_record(r, n, a, diag);
    }
}
