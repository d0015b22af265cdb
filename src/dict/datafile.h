/*
 * datafile.h — reading saksi's human-editable data files.
 *
 * Every file in data/ is UTF-8 text, one entry a line, fields separated by
 * TAB; '#' starts a comment line; blank lines are skipped. The reader hands
 * each entry's fields to a callback and turns any fault into a message that
 * names file:line, so a dictionary editor sees exactly what to fix.
 */
#ifndef SAKSI_DATAFILE_H
#define SAKSI_DATAFILE_H

#include <stddef.h>

#include <stdio.h>

#define DATAFILE_MAX_FIELDS 16

typedef struct {
    const char *path;      /* as opened */
    const char *name;      /* relative name used in messages: data/… */
    unsigned long line;
    size_t nfields;
    const char *field[DATAFILE_MAX_FIELDS];
    size_t len[DATAFILE_MAX_FIELDS];
} datafile_entry;

/* Called per entry; returns 0 to go on, or -1 after writing a message into
 * err (without the file:line prefix, which the reader adds). */
typedef int (*datafile_fn)(void *ctx, const datafile_entry *e, char *err,
                           size_t errlen);

/* Reads dir/name. Returns 0, or -1 with "data/name:line: message" in err. */
int datafile_read(const char *dir, const char *name, datafile_fn fn,
                  void *ctx, char *err, size_t errlen);

/* Reads an open stream the same way; `path` names it in messages. */
int datafile_read_stream(FILE *f, const char *path, const char *name,
                         datafile_fn fn, void *ctx, char *err, size_t errlen);

#endif
