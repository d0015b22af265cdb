/*
 * dict.h — helpers shared by the loaders of the data files (model.c for
 * the language data, coderdata.c for the coder's dictionaries).
 */
#ifndef SAKSI_DICT_H
#define SAKSI_DICT_H

#include "../core/internal.h"
#include "datafile.h"

/* Interns a data word in its folded form (growing the flag arrays). */
uint32_t model_word(saksi_model *m, const char *s, size_t n);
/* Interns a code or name in the model's string table (case kept). */
uint32_t model_string(saksi_model *m, const char *s, size_t n);
/* The rule (e->name:e->line) of an entry, for the evidence of events;
 * UINT32_MAX when out of memory. */
uint32_t rule_add(saksi_model *m, const datafile_entry *e);
/* Checks an entry has exactly n non-empty fields. */
int need_fields(const datafile_entry *e, size_t n, char *err, size_t errlen);
/* "id", "en" → SAKSI_LANG_*; "*" → 0; else -1 with a message. */
int parse_lang(const char *s, uint8_t *out, char *err, size_t errlen);
/* Splits a phrase into interned words ("@root" words match by root). */
int phrase_words(saksi_model *m, const char *s, size_t n, phrase_word *out,
                 size_t max, char *err, size_t errlen);

/* The coder's dictionaries (coderdata.c). */
int load_cameo(void *ctx, const datafile_entry *e, char *err, size_t errlen);
int load_actor(void *ctx, const datafile_entry *e, char *err, size_t errlen);
int load_agent(void *ctx, const datafile_entry *e, char *err, size_t errlen);
int load_verb(void *ctx, const datafile_entry *e, char *err, size_t errlen);
int load_casualty(void *ctx, const datafile_entry *e, char *err,
                  size_t errlen);
int load_place_noun(void *ctx, const datafile_entry *e, char *err,
                    size_t errlen);
int load_facility(void *ctx, const datafile_entry *e, char *err,
                  size_t errlen);
int load_feature(void *ctx, const datafile_entry *e, char *err,
                 size_t errlen);
/* The English language data (endata.c). */
int load_en_irregular(void *ctx, const datafile_entry *e, char *err, size_t errlen);
int load_en_grammar(void *ctx, const datafile_entry *e, char *err, size_t errlen);
void endata_finish(saksi_model *m);
/* Checks what can only be checked once everything is loaded (every verb's
 * CAMEO code exists); sorts the CAMEO table. */
int coderdata_finish(saksi_model *m, char *err, size_t errlen);
void coderdata_free(saksi_model *m);

#endif
