/*
 * jobs.h — the command-line program's main loop, on one thread or on
 * several (`saksi COMMAND -j N`).
 *
 * Articles are read in order on the calling thread, coded on N threads
 * (each with its own worker over the shared, read-only model) and written
 * in input order, with each rejected record reported on stderr in its
 * place among them: the output, the messages and the exit status are
 * exactly those of one thread.
 */
#ifndef SAKSI_CLI_JOBS_H
#define SAKSI_CLI_JOBS_H

#include "saksi.h"

#include <stdio.h>

/* Writes one document (saksi_write_events and the other writers). */
typedef int (*jobs_writer)(const saksi_doc *d, FILE *f);
/* Reports one rejected record on stderr. */
typedef void (*jobs_reporter)(const saksi_diag *d);

/* The most threads -j accepts. */
enum { JOBS_MAX = 256 };

/* Reads every article of `r`, codes it on `threads` threads (1: on this
 * one) and writes it with `write` to `out`. Returns the exit status: 0 all
 * input accepted, 1 a record rejected or output not written, 2 out of
 * memory. */
int jobs_run(const saksi_model *m, saksi_reader *r, jobs_writer write,
             jobs_reporter report, FILE *out, unsigned threads);

#endif
