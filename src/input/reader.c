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
    json_t *json;          /* the current JSONL article */
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

/* An optional string field; -1 when present with another type. */
static int opt_string(json_t *o, const char *key, const char **out)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    *out = json_string_value(v);
    return 0;
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
    json_error_t jerr;
    json_t *o = json_loadb(s + start, len - start, JSON_REJECT_DUPLICATES,
                           &jerr);
    if (!o)
        return reject(r, diag, ln, r->line_off + start + (long long)jerr.position,
                      "not valid JSON at byte %lld of the line: %s",
                      (long long)(start + (size_t)jerr.position), jerr.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return reject(r, diag, ln, r->line_off, "not a JSON object");
    }
    r->json = o;
    static const char *const required[] = {"id", "date", "text"};
    for (size_t k = 0; k < 3; k++) {
        json_t *v = json_object_get(o, required[k]);
        if (!json_is_string(v))
            return reject(r, diag, ln, r->line_off,
                          "field \"%s\" must be a string, is %s", required[k],
                          json_type_name(v));
    }
    memset(a, 0, sizeof *a);
    a->id = json_string_value(json_object_get(o, "id"));
    if (!*a->id)
        return reject(r, diag, ln, r->line_off, "field \"id\" is empty");
    const char *date = json_string_value(json_object_get(o, "date"));
    if (check_date(r, date, &a->date))
        return reject(r, diag, ln, r->line_off,
                      "article '%s': date '%.40s' is not a valid YYYY-MM-DD date",
                      a->id, date);
    json_t *text = json_object_get(o, "text");
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    if (memchr(a->text, '\0', a->text_len))
        return reject(r, diag, ln, r->line_off,
                      "article '%s': text contains a NUL character", a->id);
    if (is_blank(a->text, a->text_len))
        return reject(r, diag, ln, r->line_off, "article '%s': empty text",
                      a->id);
    static const char *const optional[] = {"lang", "title", "url", "source"};
    const char **slot[] = {&a->lang, &a->title, &a->url, &a->source};
    for (size_t k = 0; k < 4; k++)
        if (opt_string(o, optional[k], slot[k]))
            return reject(r, diag, ln, r->line_off,
                          "article '%s': field \"%s\" must be a string, is %s",
                          a->id, optional[k],
                          json_type_name(json_object_get(o, optional[k])));
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
