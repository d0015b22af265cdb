/*
 * datafile.c — the line reader behind every data file (see datafile.h).
 *
 * Checks what every data file must satisfy — valid UTF-8, no stray blank
 * fields, not too many fields — before the per-file callback sees a line.
 */
#include "datafile.h"
#include "../text/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int datafile_read(const char *dir, const char *name, datafile_fn fn,
                  void *ctx, char *err, size_t errlen)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        snprintf(err, errlen, "%s/%s: path too long", dir, name);
        return -1;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    int rc = datafile_read_stream(f, path, name, fn, ctx, err, errlen);
    fclose(f);
    return rc;
}

int datafile_read_stream(FILE *f, const char *path, const char *name,
                         datafile_fn fn, void *ctx, char *err, size_t errlen)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    datafile_entry e;
    e.path = path;
    e.name = name;
    e.line = 0;
    int rc = 0;
    char msg[512];
    while ((got = getline(&line, &cap, f)) >= 0) {
        e.line++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        size_t bad;
        if (!saksi_utf8_valid(line, n, 1, &bad)) {
            snprintf(err, errlen, "%s:%lu: invalid UTF-8 at byte %zu of the line",
                     path, e.line, bad);
            rc = -1;
            break;
        }
        size_t b = 0;
        while (b < n && (line[b] == ' ' || line[b] == '\t'))
            b++;
        if (b == n || line[b] == '#')
            continue;
        e.nfields = 0;
        char *p = line;
        for (;;) {
            char *tab = memchr(p, '\t', n - (size_t)(p - line));
            size_t flen = tab ? (size_t)(tab - p) : n - (size_t)(p - line);
            if (e.nfields == DATAFILE_MAX_FIELDS) {
                snprintf(err, errlen, "%s:%lu: more than %d fields", path,
                         e.line, DATAFILE_MAX_FIELDS);
                rc = -1;
                goto done;
            }
            p[flen] = '\0';
            e.field[e.nfields] = p;
            e.len[e.nfields] = flen;
            e.nfields++;
            if (!tab)
                break;
            p = tab + 1;
        }
        msg[0] = '\0';
        if (fn(ctx, &e, msg, sizeof msg)) {
            snprintf(err, errlen, "%s:%lu: %s", path, e.line,
                     msg[0] ? msg : "malformed entry");
            rc = -1;
            break;
        }
    }
    if (rc == 0 && ferror(f)) {
        snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
        rc = -1;
    }
done:
    free(line);
    return rc;
}
