/*
 * saksi.h — the whole public API of libsaksi.
 *
 * saksi reads news articles (Indonesian and English) and codes political
 * events in the CAMEO ontology, each event carrying the evidence it was coded
 * from. The data flows one way:
 *
 *     bytes → articles → sentences → tokens → mentions → events → output
 *
 * Handles and their lifetimes:
 *
 *   saksi_model   the loaded data files (word lists, dictionaries). Opened
 *                 once, never changed afterwards: one model may be shared by
 *                 any number of threads.
 *   saksi_worker  the per-thread state: an arena for the article being
 *                 processed, a word interner and caches. Use one worker per
 *                 thread; a worker is not thread-safe, workers are
 *                 independent of each other.
 *   saksi_doc     the result of processing one article. It lives in its
 *                 worker's arena and stays valid until the next
 *                 saksi_process() call on that worker or saksi_worker_free().
 *   saksi_reader  a stream of articles read from files or stdin, one at a
 *                 time, so memory stays bounded by the largest article.
 *
 * All offsets are byte offsets into the UTF-8 text of the article, end
 * exclusive. All strings are UTF-8. Functions that can fail return a
 * saksi_status and, where there is more to say, fill a message buffer.
 */
#ifndef SAKSI_H
#define SAKSI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SAKSI_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Status codes                                                         */
/* ------------------------------------------------------------------ */

typedef enum {
    SAKSI_OK = 0,        /* success; for saksi_reader_next: an article */
    SAKSI_END = 1,       /* saksi_reader_next: no more input */
    SAKSI_REJECTED = 2,  /* saksi_reader_next: one input record was bad */
    SAKSI_ENOMEM = -1,   /* out of memory */
    SAKSI_EIO = -2,      /* a file could not be read */
    SAKSI_EDATA = -3,    /* a data file is missing or malformed */
    SAKSI_EINVAL = -4    /* an argument is invalid */
} saksi_status;

/* A short English description of a status code (static string). */
const char *saksi_status_string(saksi_status st);

/* The library version, SAKSI_VERSION at build time. */
const char *saksi_version(void);

/* Parses a date "YYYY-MM-DD" (a time part after 'T' or ' ' is allowed and
 * ignored). Returns 0 and the parts, or -1 when it is not a date or names a
 * day that does not exist (2022-02-30). Any of y, m, d may be NULL. */
int saksi_parse_date(const char *s, int *y, int *m, int *d);

/* ------------------------------------------------------------------ */
/* Articles and the reader                                              */
/* ------------------------------------------------------------------ */

/* One article as the coder sees it. All pointers stay owned by whoever
 * filled the struct (the reader, or the caller). `text` need not be
 * NUL-terminated; the other strings are NUL-terminated or NULL. */
typedef struct {
    const char *id;     /* unique article id (required) */
    const char *date;   /* publication date "YYYY-MM-DD", or NULL */
    const char *lang;   /* "id", "en", another tag, or NULL to detect */
    const char *title;  /* optional, not coded */
    const char *url;    /* optional */
    const char *source; /* optional */
    const char *text;   /* the article body, UTF-8 */
    size_t text_len;    /* its length in bytes */
} saksi_article;

/* Input formats. SAKSI_FORMAT_AUTO looks at the first non-blank byte of
 * each input: '{' means JSON Lines, anything else one plain-text article. */
typedef enum {
    SAKSI_FORMAT_AUTO = 0,
    SAKSI_FORMAT_TEXT = 1,
    SAKSI_FORMAT_JSONL = 2
} saksi_format;

typedef struct {
    saksi_format format;
    const char *date; /* publication date for plain-text articles, or NULL */
    const char *id;   /* id for a plain-text article (default: file name
                         without directory and extension; "stdin") */
    const char *lang; /* language for plain-text articles, or NULL */
} saksi_reader_options;

/* What was wrong with a rejected input record. `file` is the input's name
 * ("-" for stdin), `line` the 1-based line (0 when the whole file is at
 * fault), `byte` the 0-based byte offset in the file where the fault is, or
 * -1 when it has none. `message` is one sentence without the location. */
typedef struct {
    const char *file;          /* valid until the reader is freed */
    unsigned long line;
    long long byte;
    char message[256];
} saksi_diag;

typedef struct saksi_reader saksi_reader;

/* A reader over `n` input paths read one after the other ("-" is stdin;
 * n == 0 reads stdin). Options may be NULL. Ids are checked for duplicates
 * across all inputs of one reader. Returns NULL only when out of memory. */
saksi_reader *saksi_reader_new(const char *const *paths, size_t n,
                               const saksi_reader_options *opts);

/* The next article. SAKSI_OK: *out is filled and valid until the next call.
 * SAKSI_REJECTED: *diag says which record was bad and why; call again for
 * the rest. SAKSI_END: no more input. SAKSI_ENOMEM: give up. */
saksi_status saksi_reader_next(saksi_reader *r, saksi_article *out,
                               saksi_diag *diag);

/* How many records were rejected so far. */
size_t saksi_reader_rejected(const saksi_reader *r);

void saksi_reader_free(saksi_reader *r);

/* Reads articles from an open stream instead of paths (for tests and
 * embedding): `name` is used in messages. The stream is not closed. */
saksi_reader *saksi_reader_from_stream(FILE *f, const char *name,
                                       const saksi_reader_options *opts);

/* ------------------------------------------------------------------ */
/* The model and workers                                                */
/* ------------------------------------------------------------------ */

typedef struct saksi_model saksi_model;
typedef struct saksi_worker saksi_worker;
typedef struct saksi_doc saksi_doc;

/* Opens the data directory (see docs/dictionaries.md). `data_dir` NULL
 * means $SAKSI_DATA, else the directory compiled in at build time. On
 * failure returns NULL and writes a message naming the file and line into
 * err (which may be NULL). */
saksi_model *saksi_model_open(const char *data_dir, char *err, size_t errlen);
void saksi_model_close(saksi_model *m);

/* The directory the model was loaded from. */
const char *saksi_model_data_dir(const saksi_model *m);

/* The peers' dictionaries (TABARI and PETRARCH; docs/dictionaries.md,
 * "Reading TABARI and PETRARCH dictionaries").
 *
 * A warning about one line of a peer dictionary that was not taken as it
 * is written: `w->file` is the file as named, `w->line` its 1-based line
 * (0: the file as a whole), `w->byte` the byte offset in the file of a byte
 * read as Latin-1 (else -1), `w->message` what was ignored, approximated or
 * converted. `kind` is a short, stable name of the sort of warning
 * ("encoding", "syntax", "ignored", "approximated", "skipped", …; the
 * documentation lists them) for grouping. Both are valid during the call
 * only. */
typedef void (*saksi_dict_warn_fn)(void *ctx, const saksi_diag *w,
                                   const char *kind);

/* What was loaded from the peers' dictionaries. */
typedef struct {
    size_t files;         /* dictionary files read */
    size_t actors;        /* actor phrases: names and their synonyms */
    size_t actor_codes;   /* their codes (each dated code counts) */
    size_t agents;        /* agent phrases (role nouns), plural forms too */
    size_t verbs;         /* verbs and verb forms */
    size_t patterns;      /* verb pattern lines read */
    size_t verb_patterns; /* saksi verb patterns made of verbs and pattern
                             lines (synsets and alternatives expanded) */
    size_t pre_verb;      /* of them, with words before the verb: matched
                             from the verb on, the words recorded */
    size_t discards;      /* discard phrases */
    size_t synsets;       /* synonym sets */
    size_t skipped;       /* lines skipped: malformed or not supported */
    size_t warnings;      /* warnings reported */
} saksi_dict_stats;

/* Opens the data directory like saksi_model_open(), but with the actor,
 * agent and verb dictionaries (and the discards, when a discards file is
 * among them) of TABARI or PETRARCH instead of saksi's own; the language
 * data, the places and the CAMEO codebook stay saksi's. Each of the `n`
 * paths is a TABARI project file (.project), a dictionary file (.actors,
 * .verbs, .agents, .options; *.actors.txt, *.agents.txt, *.discards.txt,
 * a PETRARCH verb file such as CAMEO.2.0.txt) or a directory (every
 * dictionary file in it except the peers' test sets, *Validate* and
 * *Demo*, which are read when named). n == 0 is saksi_model_open().
 *
 * What a reader cannot take as written (Latin-1 bytes, syntax saksi does
 * not model, malformed lines) is reported to `warn` (may be NULL) and the
 * rest is loaded; counts go to *stats (may be NULL; filled when n > 0 and
 * the model opens). Returns NULL with a message in err when the data
 * directory is unusable, a path cannot be read, a file's kind cannot be
 * told, or no dictionary was found. */
saksi_model *saksi_model_open_dicts(const char *data_dir,
                                    const char *const *dict_paths, size_t n,
                                    saksi_dict_warn_fn warn, void *ctx,
                                    saksi_dict_stats *stats, char *err,
                                    size_t errlen);

saksi_worker *saksi_worker_new(const saksi_model *m);
void saksi_worker_free(saksi_worker *w);

/* Processes one article through every stage the library has. On SAKSI_OK
 * *out is the result, valid until the next call on this worker. */
saksi_status saksi_process(saksi_worker *w, const saksi_article *a,
                           const saksi_doc **out);

/* ------------------------------------------------------------------ */
/* Results: sentences and tokens                                        */
/* ------------------------------------------------------------------ */

typedef enum {
    SAKSI_LANG_UNKNOWN = 0,
    SAKSI_LANG_ID = 1, /* Indonesian */
    SAKSI_LANG_EN = 2  /* English */
} saksi_lang;

/* "id", "en" or "und". */
const char *saksi_lang_tag(saksi_lang l);

typedef enum {
    SAKSI_SENT_BODY = 0,     /* an ordinary sentence */
    SAKSI_SENT_HEADLINE = 1, /* a line without terminal punctuation */
    SAKSI_SENT_DATELINE = 2  /* "JAKARTA, KOMPAS.com –" opening an article */
} saksi_sentence_kind;

/* "body", "headline", "dateline". */
const char *saksi_sentence_kind_name(saksi_sentence_kind k);

typedef enum {
    SAKSI_TOK_WORD = 0,        /* a lower-case or mixed-case word */
    SAKSI_TOK_CAPITALIZED = 1, /* a word with an upper-case initial */
    SAKSI_TOK_ACRONYM = 2,     /* no lower case; 2+ letters or a digit */
    SAKSI_TOK_NUMBER = 3,      /* starts with a digit: 2.000, 1,5, 4/8/2022 */
    SAKSI_TOK_PUNCT = 4,       /* . , ; : ! ? … - – — ( ) [ ] */
    SAKSI_TOK_QUOTE = 5,       /* “ ” " ‘ ’ ' « » */
    SAKSI_TOK_SYMBOL = 6       /* % $ € @ # & + = / and other symbols */
} saksi_token_class;

/* "word", "capitalized", "acronym", "number", "punctuation", "quote",
 * "symbol". */
const char *saksi_token_class_name(saksi_token_class c);

/* How a token's root was found (saksi_token.morph). */
#define SAKSI_MORPH_ANALYZED 0x01    /* an Indonesian word that was analysed */
#define SAKSI_MORPH_LEXICON 0x02     /* its root is in the lexicon */
#define SAKSI_MORPH_LICENSED 0x04    /* the lexicon licenses its affixes */
#define SAKSI_MORPH_LEXICALIZED 0x08 /* pemerintah: root_alt is "perintah" */
#define SAKSI_MORPH_PROPER 0x10      /* a name, not stemmed */
#define SAKSI_MORPH_GUESS 0x20       /* root not in the lexicon: the word */

/* Function-word categories (saksi_token.markers; data/lang/markers.tsv). */
#define SAKSI_MARK_NEGATION 0x01    /* tidak, belum, bukan, not, never */
#define SAKSI_MARK_FUTURE 0x02      /* akan, bakal, will, is to */
#define SAKSI_MARK_INTENT 0x04      /* hendak, berencana, plans to */
#define SAKSI_MARK_CONDITION 0x08   /* jika, kalau, apabila, if, unless */
#define SAKSI_MARK_REPORTING 0x10   /* mengatakan, kata, menurut, said */
#define SAKSI_MARK_RECIPROCAL 0x20  /* saling, kedua belah pihak, each other */
#define SAKSI_MARK_PRONOUN 0x40     /* dia, ia, mereka, pihaknya, he, they */
#define SAKSI_MARK_DENIAL 0x80      /* membantah, menyangkal, denied */
#define SAKSI_MARK_CLAUSE 0x100     /* opens a new clause: bahwa, that */
#define SAKSI_MARK_ANAPHOR 0x200    /* tersebut, itu after a role noun */
#define SAKSI_MARK_HISTORICAL 0x400 /* perang terakhir, dulu: background */
#define SAKSI_MARK_PRESENT 0x800    /* baru-baru ini, kini: today's news */
#define SAKSI_MARK_BETWEEN 0x1000   /* antara, between: both sides follow */
#define SAKSI_MARK_TOWARD 0x2000    /* terhadap, atas, kepada, against */
#define SAKSI_MARK_BY 0x4000        /* oleh, by: a passive verb's agent */
#define SAKSI_MARK_AND 0x8000       /* dan, serta, and: joins a compound */
#define SAKSI_MARK_PLACE 0x10000    /* di, ke, in, at: a place follows */
#define SAKSI_MARK_FIRST_PERSON 0x20000 /* kami, saya, we, I */
#define SAKSI_MARK_PERSONAL 0x40000 /* dia, ia, beliau, he, she */
#define SAKSI_MARK_ACCORDING 0x80000 /* menurut, according to: the speaker
                                        follows and the claim after him */
#define SAKSI_MARK_PURPOSE 0x100000 /* untuk, agar, supaya: what follows is
                                       the aim, not another event */
#define SAKSI_MARK_LIGHT 0x200000   /* melakukan, menggelar: a light verb
                                       whose event is the noun after it */
#define SAKSI_MARK_PREPOSITION 0x400000 /* pada, dalam, sebagai: an event
                                           noun after it is no event */
#define SAKSI_MARK_ADVERB 0x800000  /* juga, pun, kemudian: may stand between
                                       a subject and its verb */
#define SAKSI_MARK_RELATIVE 0x1000000 /* yang, which, who: a relative clause
                                         describing the noun before it */
#define SAKSI_MARK_DISCARD 0x2000000 /* laga, Piala Dunia, striker: a sentence
                                        about sport, not politics */
#define SAKSI_MARK_RECEIVE 0x4000000 /* mendapat, menuai, menerima: the event
                                        noun after it comes to the subject */
#define SAKSI_MARK_DIRECTION 0x8000000 /* utara, bagian, northern, of: may
                                          stand between "di" and a place */
#define SAKSI_MARK_ROUTE 0x10000000 /* dari, from, to, into: a place may follow
                                       (a weaker cue than "di": an actor may
                                       follow too) */

typedef struct {
    size_t start, end;       /* byte span in the article text */
    saksi_token_class cls;
    unsigned newlines;       /* line breaks in the blank space before it */
    uint32_t word;           /* interned id of `norm`: equal ids, equal words */
    const char *norm;        /* NFC + Unicode case folding, NUL-terminated */
    size_t norm_len;
    /* Morphology (words of Indonesian sentences; other tokens have
     * root == word and morph == 0). */
    uint32_t root;           /* interned id of the root */
    const char *root_str;
    uint32_t root_alt;       /* lexicalized words: the deeper root, else
                                SAKSI_NO_ROOT */
    const char *root_alt_str;
    unsigned morph;          /* SAKSI_MORPH_* */
    unsigned char n_affixes; /* affixes peeled off, outer prefix first */
    unsigned char affixes[7];/* codes: saksi_affix_name() */
    unsigned markers;        /* SAKSI_MARK_* of a one-word function word */
    uint32_t base;           /* interned id of the word without its clitics
                                and particles (pengusahanya → pengusaha);
                                `word` when it has none */
} saksi_token;

#define SAKSI_NO_ROOT UINT32_MAX

/* The name of an affix code: "meN-", "di-", "-kan", "-nya", "redup". */
const char *saksi_affix_name(int code);

/* The morphological analysis of one Indonesian word (any case; folded
 * first), as saksi_process() would give it outside a sentence: fills the
 * root, root_alt, morph and affix fields of *out (the root strings stay
 * valid until the worker is freed). Returns 0, or -1 out of memory. */
int saksi_analyze_word(saksi_worker *w, const char *word, size_t len,
                       saksi_token *out);

typedef struct {
    size_t index;            /* 0-based within the article */
    size_t start, end;       /* byte span: first to last token */
    size_t first_token;      /* index of its first token */
    size_t n_tokens;
    size_t paragraph;        /* 0-based paragraph (blank-line separated) */
    saksi_lang lang;
    saksi_sentence_kind kind;
} saksi_sentence;

/* ------------------------------------------------------------------ */
/* Results: mentions                                                    */
/* ------------------------------------------------------------------ */

typedef enum {
    SAKSI_MENTION_QUANTITY = 1, /* sekitar 2.000; dua orang; at least 22 */
    SAKSI_MENTION_TIME = 2,     /* Kamis (4/8); pekan lalu; in 2020 */
    SAKSI_MENTION_MARKER = 3    /* a function phrase: kedua belah pihak */
} saksi_mention_kind;

typedef enum {
    SAKSI_PREC_NONE = 0, /* a relative time with no publication date */
    SAKSI_PREC_DAY,
    SAKSI_PREC_WEEK,     /* date is the week's Monday */
    SAKSI_PREC_MONTH,
    SAKSI_PREC_YEAR,
    SAKSI_PREC_DECADE
} saksi_precision;

/* "none", "day", "week", "month", "year", "decade". */
const char *saksi_precision_name(saksi_precision p);

typedef struct {
    saksi_mention_kind kind;
    size_t sentence;           /* index of its sentence */
    size_t first_token, n_tokens;
    size_t start, end;         /* byte span */
    /* SAKSI_MENTION_QUANTITY */
    double value;              /* the number (0 when unknown) */
    int approx;                /* an estimate or a bound: sekitar, at least,
                                  puluhan (→ 10, ACLED's conservative way) */
    int unknown;               /* a count without a number: beberapa */
    /* SAKSI_MENTION_TIME */
    char date[12];             /* "2022-08-05", "2022-08", "2022", "1990s";
                                  a week is given by its Monday */
    saksi_precision precision;
    int relative;              /* resolved against the publication date */
    /* SAKSI_MENTION_MARKER */
    unsigned markers;          /* SAKSI_MARK_* */
} saksi_mention;

size_t saksi_doc_mention_count(const saksi_doc *d);
const saksi_mention *saksi_doc_mention(const saksi_doc *d, size_t i);

/* Parses `text` (a short expression such as "sekitar 2.000 orang" or
 * "Kamis (4/8)") on its own: lang "id" or "en" (NULL: detect); for times
 * the publication date "YYYY-MM-DD" and whether the clause is future.
 * Returns 1 and *out when the text starts with a quantity / time
 * expression, 0 when it does not, -1 out of memory. Uses the worker's
 * document: a saksi_doc from it is no longer valid afterwards. */
int saksi_parse_quantity(saksi_worker *w, const char *text, size_t len,
                         const char *lang, saksi_mention *out);
int saksi_parse_time(saksi_worker *w, const char *text, size_t len,
                     const char *lang, const char *pubdate, int future,
                     saksi_mention *out);

/* ------------------------------------------------------------------ */
/* Results: actors and events                                           */
/* ------------------------------------------------------------------ */

/* A place the text names ("di distrik Lachin", "resor Laut Hitam Sochi",
 * a dateline). */
typedef enum {
    SAKSI_PLACE_POINT = 0,   /* a town, village, resort */
    SAKSI_PLACE_ADMIN = 1,   /* a district, regency, province, region */
    SAKSI_PLACE_COUNTRY = 2
} saksi_place_precision;

/* "point", "admin", "country". */
const char *saksi_place_precision_name(saksi_place_precision p);

typedef struct {
    size_t sentence;
    size_t start, end;        /* byte span of the name */
    size_t first_token, n_tokens;
    const char *canonical;    /* the gazetteer's name, or NULL */
    char country[4];          /* ISO 3166 alpha-3, "" when unknown */
    char admin1[48];          /* first-level region, "" when unknown */
    long geonameid;           /* GeoNames id, 0 when unknown */
    double lat, lon;          /* NAN when unknown */
    saksi_place_precision precision;
    int dateline;             /* the article's dateline */
} saksi_place;

size_t saksi_doc_place_count(const saksi_doc *d);
const saksi_place *saksi_doc_place(const saksi_doc *d, size_t i);

/* An actor as the text names it, with its CAMEO code. */
typedef struct {
    char code[16];           /* "RUSGOV", "IDNCOP", "IGOUNO"; "" unknown */
    size_t sentence;
    size_t start, end;       /* byte span of the words that name it */
    size_t first_token, n_tokens;
    const char *rule;        /* "data/actors/people.tsv:12" — the entry */
    int peacekeeping;        /* pasukan penjaga perdamaian */
    /* A pronoun (dia, mereka, -nya) or an anaphor (kontingen tersebut,
     * kedua belah pihak) resolved to an earlier actor: its span is the
     * pronoun's, `antecedent` the earlier actor's index, else -1. */
    long antecedent;
} saksi_actor;

size_t saksi_doc_actor_count(const saksi_doc *d);
const saksi_actor *saksi_doc_actor(const saksi_doc *d, size_t i);

typedef enum {
    SAKSI_MOOD_ASSERTED = 0,
    SAKSI_MOOD_FUTURE,       /* akan, bakal, will, scheduled */
    SAKSI_MOOD_NEGATED,      /* tidak, belum, denied */
    SAKSI_MOOD_HYPOTHETICAL, /* jika, apabila, if */
    SAKSI_MOOD_HISTORICAL    /* background of years before publication */
} saksi_mood;

/* "asserted", "future", "negated", "hypothetical", "historical". */
const char *saksi_mood_name(saksi_mood m);

/* One coded event, with the evidence it was coded from. */
typedef struct {
    size_t sentence;
    size_t start, end;        /* byte span of the sentence */
    size_t head_start, head_end; /* the event word ("menyerukan") */
    long source, target;      /* actor indexes, -1 for none */
    long claimed_by;          /* who the report attributes it to, or -1 */
    char cameo[8];            /* "0256" */
    const char *cameo_name;   /* "Appeal for de-escalation of military …" */
    double goldstein;
    int quad;                 /* 1 verbal coop … 4 material conflict */
    const char *plover;       /* "CONSULT", "FIGHT", "-" */
    saksi_mood mood;
    long killed, injured;     /* -1 when the text gives no number */
    int casualties_approx;    /* sekitar, setidaknya, puluhan */
    char date[12];            /* the event's own date, "" when unknown */
    saksi_precision date_precision;
    long place;               /* place index (clause, sentence, dateline),
                                 or -1 */
    const char *rule;         /* "data/verbs/id.tsv:57"; casualty-only
                                 events: "data/lang/casualties.tsv:3" */
    const char *why;          /* how source, target, mood and claim were
                                 found, for `saksi explain` */
} saksi_event;

size_t saksi_doc_event_count(const saksi_doc *d);
const saksi_event *saksi_doc_event(const saksi_doc *d, size_t i);

const saksi_article *saksi_doc_article(const saksi_doc *d);
saksi_lang saksi_doc_lang(const saksi_doc *d);
size_t saksi_doc_sentence_count(const saksi_doc *d);
const saksi_sentence *saksi_doc_sentence(const saksi_doc *d, size_t i);
size_t saksi_doc_token_count(const saksi_doc *d);
const saksi_token *saksi_doc_token(const saksi_doc *d, size_t i);

/* ------------------------------------------------------------------ */
/* Output                                                               */
/* ------------------------------------------------------------------ */

/* JSON Lines renderings of a document, written to `f`: one object per
 * sentence, per token (formats in docs/output.md). Return 0, or -1 when
 * writing failed. */
int saksi_write_sentences(const saksi_doc *d, FILE *f);
int saksi_write_tokens(const saksi_doc *d, FILE *f);
int saksi_write_mentions(const saksi_doc *d, FILE *f);
/* Place mentions, one object a line ({"article","span","name",
 * "canonical","geonameid","admin1","country","lat","lon","precision"}). */
int saksi_write_places(const saksi_doc *d, FILE *f);
/* Events in the format of docs/output.md, one object a line. */
int saksi_write_events(const saksi_doc *d, FILE *f);
/* A human-readable account of each sentence: tokens with roots, mentions,
 * the patterns that fired and why each event got its source, target,
 * mood, claim and casualties. */
int saksi_write_explain(const saksi_doc *d, FILE *f);

#ifdef __cplusplus
}
#endif
#endif /* SAKSI_H */
