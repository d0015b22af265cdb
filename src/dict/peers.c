/*
 * peers.c — the readers of TABARI's and PETRARCH's dictionaries (see
 * peers.h and docs/dictionaries.md, "Reading TABARI and PETRARCH
 * dictionaries").
 *
 * Each file is read whole, line by line: bytes that are not UTF-8 are read
 * as Latin-1 (Windows-1252) and reported; comments (';', '#', '<!-- -->')
 * are dropped; every line is then one of a few kinds per file type. A
 * line the reader cannot take is reported with its file:line and skipped;
 * the rest loads. Phrase words are split the way saksi's tokenizer splits
 * text ("U.S." stays one word, "(CA)" is three), so that a dictionary
 * phrase and the same words in an article meet in the trie.
 *
 * Verb patterns are parsed into sequences of atoms (words, the verb '*',
 * the actor markers $ + % ^), synonym sets and alternatives expanded, then
 * written head first: the verb's words and the words stuck to them are the
 * head (a trie path), the words after it the rest, '...' where the peer
 * lets other words come between. Words before the verb cannot be matched
 * by head-first patterns: they are recorded with the whole pattern
 * (peers_pattern()) and counted.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "peers.h"
#include "dict.h"
#include "../core/date.h"
#include "../core/hash.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Limits: a pattern line expands to at most MAX_VARIANTS patterns; a
 * pattern has at most MAX_ATOMS atoms, a saksi pattern at most MAX_HEAD
 * head words and MAX_ELEMS elements; files larger than MAX_FILE are not
 * read. */
enum {
    MAX_VARIANTS = 256,
    MAX_ATOMS = 48,
    MAX_HEAD = 16,
    MAX_ELEMS = 32,
    MAX_WORD_TOKENS = 16
};
#define MAX_FILE ((size_t)256 << 20)

/* ---- kinds ---------------------------------------------------------------- */

static const char *const KIND_NAMES[PEER_NKINDS] = {
    "unknown",          "TABARI project",   "TABARI actors",
    "TABARI verbs",     "TABARI agents",    "TABARI options",
    "PETRARCH actors",  "PETRARCH verbs",   "PETRARCH agents",
    "PETRARCH discards", "PETRARCH issues"};

const char *peers_kind_name(int kind)
{
    return kind > 0 && kind < PEER_NKINDS ? KIND_NAMES[kind] : "unknown";
}

static int is_petrarch(int kind)
{
    return kind >= PEER_PETR_ACTORS;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Is `word` one of the dot-separated parts of the name ("PETR.Validate.
 * actors.txt" has Validate and actors)? */
static int has_part(const char *base, const char *word)
{
    size_t k = strlen(word);
    for (const char *p = base; p; p = strchr(p, '.')) {
        if (*p == '.')
            p++;
        if (strncasecmp(p, word, k) == 0 && (p[k] == '.' || !p[k]))
            return 1;
    }
    return 0;
}

/* Looks at the first lines: a PETRARCH verb block header "--- X [C] ---",
 * or a TABARI project's "<actorsfile>"/"<verbsfile>". */
static int sniff(const char *head, size_t n)
{
    size_t i = 0;
    int lines = 0;
    while (i < n && lines < 2000) {
        size_t j = i;
        while (j < n && head[j] != '\n')
            j++;
        const char *l = head + i;
        size_t len = j - i;
        while (len && (l[len - 1] == '\r' || l[len - 1] == ' '))
            len--;
        if (len > 6 && memcmp(l, "---", 3) == 0 && l[3] != '-' &&
            memcmp(l + len - 3, "---", 3) == 0 && memchr(l, '[', len))
            return PEER_PETR_VERBS;
        if (len > 4 && (strncasecmp(l, "<actorfile", 10) == 0 ||
                        strncasecmp(l, "<actorsfile", 11) == 0 ||
                        strncasecmp(l, "<verbfile", 9) == 0 ||
                        strncasecmp(l, "<verbsfile", 10) == 0))
            return PEER_PROJECT;
        i = j + 1;
        lines++;
    }
    return PEER_UNKNOWN;
}

int peers_kind_of(const char *path, const char *head, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (ends_with(base, ".project"))
        return PEER_PROJECT;
    if (ends_with(base, ".actors"))
        return PEER_TABARI_ACTORS;
    if (ends_with(base, ".verbs"))
        return PEER_TABARI_VERBS;
    if (ends_with(base, ".agents"))
        return PEER_TABARI_AGENTS;
    if (ends_with(base, ".options"))
        return PEER_TABARI_OPTIONS;
    if (ends_with(base, ".txt")) {
        if (has_part(base, "actors"))
            return PEER_PETR_ACTORS;
        if (has_part(base, "agents"))
            return PEER_PETR_AGENTS;
        if (has_part(base, "verbs"))
            return PEER_PETR_VERBS;
        if (has_part(base, "discards"))
            return PEER_PETR_DISCARDS;
        if (has_part(base, "issues"))
            return PEER_PETR_ISSUES;
    }
    return head ? sniff(head, n) : PEER_UNKNOWN;
}

/* ---- the loader ----------------------------------------------------------- */

/* What a pattern is made of. */
enum { AT_WORD = 0, AT_VERB, AT_SOURCE, AT_TARGET, AT_BOTH, AT_SKIP };

/* Atom flags. */
enum {
    AF_GAP = 1,   /* other words may stand between this atom and the last */
    AF_EXACT = 2, /* a whole word ("IN_") */
    AF_STEM = 4,  /* TABARI: a stem ("SYRI", "BACK~") */
    AF_NOEND = 8  /* "BAN=": no regular endings */
};

typedef struct {
    uint32_t id; /* AT_WORD: model word id */
    uint8_t type, flags;
} atom;

typedef struct {
    atom *a;
    uint16_t n;
} seq;

typedef struct {
    seq *s;
    size_t n;
    int overflow; /* variants were dropped past MAX_VARIANTS */
} seqlist;

typedef struct {
    char *name; /* without '&' and a final '_' */
    seqlist list;
    unsigned long line;
    int no_plural; /* the label ends in '_': members take no plural */
} synset;

/* A code of a verb pattern: [X], [X:Y], [:Y], [X?], [X!]. */
typedef struct {
    char main[8], rev[8];
    unsigned flags; /* PEER_VF_PAIRED … DOMINANT */
} vcode;

/* A verb (or verb form) of a group. */
typedef struct {
    seq atoms;        /* its words and gaps; AT_WORD only */
    int verb_word;    /* index of the word that is the verb (lemma) */
    int regular;      /* regular forms are made of it (a lemma) */
    int stem;         /* TABARI stem: "+e" form too */
    int has_code;     /* its own code for the verb alone */
    vcode code;
    unsigned long line;
} vform;

typedef struct {
    char *text;
    unsigned long line;
} pline;

/* A verb group: a TABARI root (its forms) or a PETRARCH block (its verbs),
 * and the pattern lines under it. */
typedef struct {
    vform *forms;
    size_t nforms, capforms;
    pline *pats;
    size_t npats, cappats;
    vcode code;       /* the code of the verbs alone */
    unsigned long line;
    int open;
} vgroup;

/* An actor entry: its phrases (name, synonyms) and code blocks. */
typedef struct {
    char *text;
    unsigned long line;
} aphrase;

typedef struct {
    aphrase *ph;
    size_t nph, capph;
    char **blocks;
    unsigned long *block_line;
    size_t nblocks, capblocks;
    int open;
    int sep; /* a blank or comment line since the last line of the entry */
} agroup;

typedef struct {
    saksi_model *m;
    saksi_dict_warn_fn warn;
    void *ctx;
    saksi_dict_stats *st;
    saksi_worker *tok;       /* splits phrase words as text is split */
    saksi_arena farena;      /* per file: synsets, groups */
    saksi_arena larena;      /* per line or group */
    /* the file being read */
    const char *file;
    int kind;
    unsigned long line;
    long long line_byte;     /* offset of the line in the file */
    synset *syn;
    size_t nsyn, capsyn;
    int in_synset;           /* the last line defined a synset or member */
    int discards_replaced;   /* saksi's discard words are off */
    /* per file counts, reported once */
    size_t nocodebook;
    unsigned long nocodebook_line;
    char nocodebook_code[8];
    size_t labels;
    unsigned long labels_line;
    /* files already read (real paths) */
    char **seen;
    size_t nseen;
    saksi_buf buf;           /* scratch */
    char perr[96];           /* why a pattern was not taken */
} loader;

static void warnv(loader *L, unsigned long line, long long byte,
                  const char *kind, const char *fmt, va_list ap)
{
    if (L->st)
        L->st->warnings++;
    if (!L->warn)
        return;
    saksi_diag d;
    d.file = L->file ? L->file : "";
    d.line = line;
    d.byte = byte;
    vsnprintf(d.message, sizeof d.message, fmt, ap);
    L->warn(L->ctx, &d, kind);
}

__attribute__((format(printf, 4, 5))) static void
warn_at(loader *L, unsigned long line, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warnv(L, line, -1, kind, fmt, ap);
    va_end(ap);
}

/* An encoding warning about the current line, at a byte of the file. */
__attribute__((format(printf, 3, 4))) static void
warn_byte(loader *L, long long byte, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warnv(L, L->line, byte, "encoding", fmt, ap);
    va_end(ap);
}

/* A warning about the current line, which is skipped. */
__attribute__((format(printf, 3, 4))) static void
skip_line(loader *L, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warnv(L, L->line, -1, kind, fmt, ap);
    va_end(ap);
    if (L->st)
        L->st->skipped++;
}

static void *lalloc(loader *L, size_t n)
{
    return saksi_arena_alloc(&L->larena, n ? n : 1);
}

/* ---- rules and model entries ---------------------------------------------- */

static uint32_t rule_of(loader *L, unsigned long line)
{
    datafile_entry e;
    memset(&e, 0, sizeof e);
    e.name = L->file;
    e.path = L->file;
    e.line = line;
    return rule_add(L->m, &e);
}

/* Marks a word as an English lemma: the lemmatizer then reduces its
 * regular forms (-s, -es, -ed, -ing) to it. */
static void set_lemma(loader *L, uint32_t id)
{
    L->m->wflags2[id] |= WF2_EN_LEMMA;
}

/* Does a dictionary word look like an inflected form rather than a lemma
 * (a plural, a past, a participle)? Such words are matched as written and
 * not made lemmas, so that they do not hide the lemma of their forms. */
static int looks_inflected(const saksi_model *m, uint32_t id)
{
    size_t n;
    const char *s = saksi_intern_str(&m->words, id, &n);
    if (!s || n < 4)
        return 0;
    if (s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'u' && s[n - 2] != 'i')
        return 1;
    if (s[n - 2] == 'e' && s[n - 1] == 'd')
        return 1;
    return n >= 5 && memcmp(s + n - 3, "ing", 3) == 0;
}

/* ---- words ---------------------------------------------------------------- */

static int plain_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return 0;
    }
    return n > 0;
}

/* Splits one dictionary word (no blanks) into the tokens saksi's tokenizer
 * makes of the same text, as model word ids. Returns how many (0 when the
 * text has no token), or -1 out of memory. */
static int word_ids(loader *L, const char *s, size_t n, uint32_t *out,
                    size_t max)
{
    if (plain_ascii(s, n)) {
        uint32_t id = model_word(L->m, s, n);
        if (id == SAKSI_NO_WORD)
            return -1;
        out[0] = id;
        return 1;
    }
    if (!L->tok && !(L->tok = saksi_worker_new(L->m)))
        return -1;
    saksi_article a;
    memset(&a, 0, sizeof a);
    a.id = "";
    a.text = s;
    a.text_len = n;
    if (saksi_begin(L->tok, &a) != SAKSI_OK || saksi_run_stage(L->tok, 0) != SAKSI_OK)
        return -1;
    const struct saksi_doc *d = &L->tok->doc;
    size_t k = 0;
    for (size_t i = 0; i < d->ntoks && k < max; i++) {
        const saksi_token *t = &d->toks[i];
        uint32_t id = model_word(L->m, t->norm, t->norm_len);
        if (id == SAKSI_NO_WORD)
            return -1;
        out[k++] = id;
    }
    return (int)k;
}

/* ---- reading lines -------------------------------------------------------- */

static const uint16_t CP1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

/* Length of the valid UTF-8 sequence at s[i], or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > n)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

static void put_cp(saksi_buf *b, uint32_t cp)
{
    char u[3];
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        saksi_buf_cat(b, u, 2);
        return;
    }
    u[0] = (char)(0xE0 | cp >> 12);
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    saksi_buf_cat(b, u, 3);
}

/* Copies raw line bytes into L->buf as UTF-8 (NUL-terminated): bytes that
 * are not UTF-8 are read as Windows-1252 / Latin-1, NUL bytes as blanks,
 * each line with such bytes reported once. Returns -1 out of memory. */
static int decode_line(loader *L, const char *raw, size_t n)
{
    const unsigned char *s = (const unsigned char *)raw;
    saksi_buf *b = &L->buf;
    saksi_buf_clear(b);
    long long bad = -1, nul = -1;
    size_t nbad = 0;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_seq(s, n, i);
        if (s[i] == 0) {
            if (nul < 0)
                nul = L->line_byte + (long long)i;
            saksi_buf_catc(b, ' ');
            i++;
        } else if (len) {
            saksi_buf_cat(b, raw + i, len);
            i += len;
        } else {
            if (bad < 0)
                bad = L->line_byte + (long long)i;
            nbad++;
            put_cp(b, s[i] >= 0xA0 ? s[i] : CP1252[s[i] - 0x80]);
            i++;
        }
    }
    saksi_buf_cat(b, "", 0);
    if (b->oom || !b->data)
        return -1;
    if (bad >= 0)
        warn_byte(L, bad, "%zu byte%s not UTF-8, read as Latin-1 "
                          "(Windows-1252)", nbad, nbad == 1 ? "" : "s");
    if (nul >= 0)
        warn_byte(L, nul, "NUL bytes read as blanks");
    return 0;
}

/* Removes "<!-- … -->" comments (which may span lines: *in_xml) and
 * comments after ';' or '#' outside [...]; trims. Returns the line's
 * start; *indented tells whether it began with a blank or tab. */
static char *clean_line(char *s, int *in_xml, int *indented)
{
    /* XML comments */
    char *w = s;
    for (char *p = s; *p;) {
        if (*in_xml) {
            char *e = strstr(p, "-->");
            if (!e) {
                *w = '\0';
                break;
            }
            p = e + 3;
            *in_xml = 0;
            continue;
        }
        if (p[0] == '<' && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            *in_xml = 1;
            p += 4;
            continue;
        }
        *w++ = *p++;
    }
    *w = '\0';
    *indented = s[0] == ' ' || s[0] == '\t';
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '[')
            depth++;
        else if (*p == ']' && depth)
            depth--;
        else if ((*p == ';' || *p == '#') && !depth) {
            *p = '\0';
            break;
        } else if (*p == '\t' || *p == '\r' || *p == '\v' || *p == '\f')
            *p = ' ';
    }
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

/* ---- codes and dates ------------------------------------------------------ */

static int is_special(const char *c)
{
    return strcmp(c, "---") == 0 || strcmp(c, "###") == 0 ||
           strcmp(c, "+++") == 0;
}

/* Removes blanks; "- - -" → "---". */
static void squeeze(char *s)
{
    char *w = s;
    for (char *p = s; *p; p++)
        if (*p != ' ')
            *w++ = *p;
    *w = '\0';
}

/* An actor or agent code: letters and digits (upper-cased) with '/'
 * between compound parts, or a special code. */
static int valid_code(char *c)
{
    if (is_special(c))
        return 1;
    size_t n = strlen(c);
    if (!n || c[0] == '/' || c[n - 1] == '/')
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i] >= 'a' && c[i] <= 'z')
            c[i] = (char)(c[i] - 'a' + 'A');
        if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '0' && c[i] <= '9') ||
              (c[i] == '/' && c[i + 1] != '/')))
            return 0;
    }
    return 1;
}

/* A peer date: YYMMDD (00–30 are 2000–2030) or YYYYMMDD, as days. */
static int peer_date(const char *s, size_t n, int32_t *out)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return -1;
    int y, m, d;
    if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    } else if (n == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
        s += 4;
    } else {
        return -1;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (m < 1 || m > 12 || d < 1 || d > saksi_days_in_month(y, m))
        return -1;
    *out = (int32_t)saksi_days_from_civil(y, m, d);
    return 0;
}

/* A verb pattern's code: "X", "X:Y", ":Y", "X?", "X!" (blanks removed).
 * Returns 0, or -1 with a reason. */
static int parse_vcode(char *s, vcode *c, const char **why)
{
    memset(c, 0, sizeof *c);
    squeeze(s);
    size_t n = strlen(s);
    if (n && (s[n - 1] == '?' || s[n - 1] == '!')) {
        c->flags |= s[n - 1] == '?' ? PEER_VF_SUBORDINATE : PEER_VF_DOMINANT;
        s[--n] = '\0';
    }
    if (!n) {
        *why = "empty code";
        return -1;
    }
    char *colon = strchr(s, ':');
    if (colon) {
        *colon = '\0';
        c->flags |= PEER_VF_PAIRED;
        if (!*s) {
            c->flags |= PEER_VF_REVERSE_ONLY;
            snprintf(c->main, sizeof c->main, "---");
        }
    }
    const char *parts[2] = {s, colon ? colon + 1 : NULL};
    char *dst[2] = {c->main, c->rev};
    for (int k = 0; k < 2; k++) {
        const char *p = parts[k];
        if (!p || (k == 0 && !*p && colon))
            continue;
        size_t len = strlen(p);
        if (!len || len >= sizeof c->main) {
            *why = len ? "code longer than 7 characters" : "empty code";
            return -1;
        }
        if (!is_special(p))
            for (size_t i = 0; i < len; i++)
                if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'A' && p[i] <= 'Z') ||
                      (p[i] >= 'a' && p[i] <= 'z'))) {
                    *why = "a code is made of letters and digits";
                    return -1;
                }
        memcpy(dst[k], p, len + 1);
    }
    return 0;
}

/* Splits "phrase [c1] [c2] …" in place: *phrase the text before the first
 * '[' (trimmed), blocks[] the insides ('}' closes a block that has no ']':
 * "[~LEG}"). Text after the last block is reported and dropped. Returns
 * the number of blocks, or -1 for an unclosed '['. */
static int split_blocks(loader *L, char *s, char **phrase, char **blocks,
                        int max)
{
    char *open = strchr(s, '[');
    *phrase = s;
    if (!open)
        return 0;
    *open = '\0';
    char *e = open;
    while (e > s && e[-1] == ' ')
        *--e = '\0';
    int n = 0;
    char *p = open + 1;
    for (;;) {
        char *close = strchr(p, ']');
        char *next = strchr(p, '[');
        if (!close || (next && next < close))
            close = strchr(p, '}');
        if (!close || (next && next < close))
            return -1;
        *close = '\0';
        if (n < max)
            blocks[n++] = p;
        p = close + 1;
        while (*p == ' ')
            p++;
        if (!*p)
            return n;
        if (*p != '[') {
            warn_at(L, L->line, "syntax", "text after the code ignored: "
                    "'%.60s'", p);
            return n;
        }
        p++;
    }
}

/* ---- model writes --------------------------------------------------------- */

static int grow_velems(saksi_model *m, size_t more)
{
    if (m->nvelems + more <= m->cap_velems)
        return 0;
    size_t cap = m->cap_velems ? m->cap_velems * 2 : 4096;
    while (cap < m->nvelems + more)
        cap *= 2;
    phrase_word *v = realloc(m->velems, cap * sizeof *v);
    if (!v)
        return -1;
    m->velems = v;
    m->cap_velems = cap;
    return 0;
}

static int grow_verbs(saksi_model *m)
{
    if (m->nverbs < m->cap_verbs)
        return 0;
    size_t cap = m->cap_verbs ? m->cap_verbs * 2 : 1024;
    verb_pattern *v = realloc(m->verbs, cap * sizeof *v);
    if (!v)
        return -1;
    m->verbs = v;
    m->cap_verbs = cap;
    return 0;
}

/* Adds a phrase of word ids with value v; flags its first word. */
static int add_words(loader *L, const uint32_t *ids, size_t n, phrase_val *v,
                     unsigned flag)
{
    phrase_word w[MAX_ATOMS];
    if (!n || n > MAX_ATOMS)
        return 0;
    for (size_t i = 0; i < n; i++) {
        w[i].id = ids[i];
        w[i].by_root = 0;
    }
    if (phrase_add(&L->m->phrases, w, n, v))
        return -1;
    L->m->wflags[ids[0]] |= flag;
    return 0;
}

/* Turns off saksi's own discard words (data/lang/markers.tsv) once a peer
 * discards file is read. */
static void replace_discards(loader *L)
{
    if (L->discards_replaced)
        return;
    L->discards_replaced = 1;
    phrase_trie *t = &L->m->phrases;
    for (size_t k = 1; k < t->nvals; k++)
        if (t->vals[k].table == PT_MARKER &&
            t->vals[k].ival == (int32_t)SAKSI_MARK_DISCARD)
            t->vals[k].table = 0;
}

/* ---- sequences of atoms --------------------------------------------------- */

/* A list holding one sequence of n atoms (copied). */
static int sl_one(saksi_arena *ar, seqlist *out, const atom *a, size_t n)
{
    out->s = saksi_arena_alloc(ar, sizeof *out->s);
    if (!out->s)
        return -1;
    out->n = 1;
    out->overflow = 0;
    out->s[0].n = (uint16_t)n;
    out->s[0].a = saksi_arena_alloc(ar, (n ? n : 1) * sizeof(atom));
    if (!out->s[0].a)
        return -1;
    if (n)
        memcpy(out->s[0].a, a, n * sizeof(atom));
    return 0;
}

/* acc := every sequence of acc followed by every sequence of b; the first
 * atom taken from b gets AF_GAP when `gap`. At most MAX_VARIANTS results;
 * *too_long when a result would pass MAX_ATOMS. */
static int sl_product(saksi_arena *ar, seqlist *acc, const seqlist *b, int gap,
                      int *too_long)
{
    size_t want = acc->n * b->n;
    int overflow = acc->overflow || b->overflow;
    if (want > MAX_VARIANTS) {
        want = MAX_VARIANTS;
        overflow = 1;
    }
    seq *out = saksi_arena_alloc(ar, (want ? want : 1) * sizeof *out);
    if (!out)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < acc->n && k < want; i++)
        for (size_t j = 0; j < b->n && k < want; j++) {
            size_t n = (size_t)acc->s[i].n + b->s[j].n;
            if (n > MAX_ATOMS) {
                *too_long = 1;
                continue;
            }
            atom *a = saksi_arena_alloc(ar, (n ? n : 1) * sizeof *a);
            if (!a)
                return -1;
            if (acc->s[i].n)
                memcpy(a, acc->s[i].a, acc->s[i].n * sizeof *a);
            if (b->s[j].n) {
                memcpy(a + acc->s[i].n, b->s[j].a, b->s[j].n * sizeof *a);
                atom *first = &a[acc->s[i].n];
                first->flags = (uint8_t)(gap ? first->flags | AF_GAP
                                             : first->flags & ~AF_GAP);
            }
            out[k].a = a;
            out[k].n = (uint16_t)n;
            k++;
        }
    acc->s = out;
    acc->n = k;
    acc->overflow = overflow;
    return 0;
}

/* acc := acc ∪ b. */
static int sl_union(saksi_arena *ar, seqlist *acc, const seqlist *b)
{
    size_t n = acc->n + b->n;
    int overflow = acc->overflow || b->overflow;
    if (n > MAX_VARIANTS) {
        n = MAX_VARIANTS;
        overflow = 1;
    }
    seq *out = saksi_arena_alloc(ar, (n ? n : 1) * sizeof *out);
    if (!out)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < acc->n && k < n; i++)
        out[k++] = acc->s[i];
    for (size_t i = 0; i < b->n && k < n; i++)
        out[k++] = b->s[i];
    acc->s = out;
    acc->n = k;
    acc->overflow = overflow;
    return 0;
}

/* The atoms of one dictionary word (no blanks or '_'): its tokens, stuck
 * together; `flags` go to the last. A word with an inner hyphen ("AL-QAEDA")
 * has a second reading with the hyphen as a blank (the peers read "al
 * Qaeda" and "al-Qaeda" alike; saksi keeps "al-qaeda" one token). Returns
 * 0 (an empty list when the word has no token), -1 out of memory. */
static int word_atoms(loader *L, saksi_arena *ar, const char *s, size_t n,
                      uint8_t flags, seqlist *out)
{
    uint32_t ids[MAX_WORD_TOKENS];
    atom a[MAX_WORD_TOKENS];
    out->n = 0;
    out->s = NULL;
    out->overflow = 0;
    int hyphen = 0;
    for (size_t i = 1; i + 1 < n; i++)
        if (s[i] == '-' && s[i - 1] != '-' && s[i + 1] != '-')
            hyphen = 1;
    for (int pass = 0; pass < 1 + hyphen; pass++) {
        const char *text = s;
        char tmp[256];
        size_t len = n;
        if (pass == 1) {
            if (n >= sizeof tmp)
                break;
            memcpy(tmp, s, n);
            for (size_t i = 0; i < n; i++)
                if (tmp[i] == '-')
                    tmp[i] = ' ';
            text = tmp;
        }
        int k = word_ids(L, text, len, ids, MAX_WORD_TOKENS);
        if (k < 0)
            return -1;
        if (k == 0)
            continue;
        for (int i = 0; i < k; i++) {
            a[i].id = ids[i];
            a[i].type = AT_WORD;
            a[i].flags = (uint8_t)(i == k - 1 ? (flags & ~AF_GAP) : 0);
        }
        seqlist one;
        if (sl_one(ar, &one, a, (size_t)k))
            return -1;
        if (out->n == 0)
            *out = one;
        else if (sl_union(ar, out, &one))
            return -1;
    }
    return 0;
}

/* ---- simple phrases: actors, agents, discards ----------------------------- */

/* Endings a TABARI stem of a name also takes here (saksi matches whole
 * words): the nationality and language forms of a country's name
 * ("ARNOR" → Arnorian, "ERIADOR" → Eriadori). */
static const char *const STEM_ENDINGS[] = {
    "a", "an", "ans", "e", "es", "ese", "i", "ia", "ian", "ians", "is",
    "ine", "ines", "ish", "n", "ns", "o", "on", "ite", "ites", NULL};

/* The readings of a phrase of an actor, agent or discard: its words
 * (blanks and '_' alike: saksi's phrases are contiguous), each reading a
 * sequence of atoms. *blank tells whether a blank stood between words;
 * `stems` (TABARI) adds the stem endings to a last word that is a stem. */
static int phrase_variants(loader *L, const char *text, int stems,
                           seqlist *out, int *blank, uint8_t *last_flags)
{
    saksi_arena *ar = &L->larena;
    atom none;
    memset(&none, 0, sizeof none);
    if (sl_one(ar, out, &none, 0))
        return -1;
    *blank = 0;
    *last_flags = 0;
    const char *p = text;
    int first = 1;
    while (*p) {
        if (*p == ' ' || *p == '_') {
            if (*p == ' ' && !first)
                *blank = 1;
            p++;
            continue;
        }
        const char *q = p;
        while (*q && *q != ' ' && *q != '_')
            q++;
        size_t n = (size_t)(q - p);
        uint8_t flags = 0;
        while (n && (p[n - 1] == '=' || p[n - 1] == '~')) {
            flags |= p[n - 1] == '=' ? AF_NOEND | AF_EXACT : 0;
            n--;
        }
        if (*q == '_')
            flags |= AF_EXACT;
        const char *r = q;
        while (*r == ' ' || *r == '_')
            r++;
        int last = !*r;
        if (stems && !(flags & AF_EXACT))
            flags |= AF_STEM;
        seqlist w;
        if (n && word_atoms(L, ar, p, n, flags, &w))
            return -1;
        if (n && w.n) {
            int too_long = 0;
            if (last && (flags & AF_STEM) && n >= 3 && n < 200) {
                /* the stem's endings, as readings of the last word */
                for (size_t e = 0; STEM_ENDINGS[e]; e++) {
                    char tmp[256];
                    size_t k = strlen(STEM_ENDINGS[e]);
                    memcpy(tmp, p, n);
                    memcpy(tmp + n, STEM_ENDINGS[e], k);
                    seqlist x;
                    if (word_atoms(L, ar, tmp, n + k, flags, &x) ||
                        (x.n && sl_union(ar, &w, &x)))
                        return -1;
                }
            }
            if (sl_product(ar, out, &w, 0, &too_long))
                return -1;
            if (too_long)
                out->n = 0;
            *last_flags = flags;
        }
        first = 0;
        p = q;
    }
    if (out->n && out->s[0].n == 0)
        out->n = 0; /* no word at all */
    return 0;
}

/* Adds every reading of a phrase with value v (rule set by the caller) to
 * the trie; makes the last word a lemma when it takes regular endings.
 * Returns the number of readings added, -1 out of memory. */
static int add_readings(loader *L, const seqlist *r, phrase_val *v,
                        unsigned flag, int lemma)
{
    int added = 0;
    for (size_t i = 0; i < r->n; i++) {
        const seq *s = &r->s[i];
        uint32_t ids[MAX_ATOMS];
        for (size_t k = 0; k < s->n; k++)
            ids[k] = s->a[k].id;
        if (add_words(L, ids, s->n, v, flag))
            return -1;
        const atom *last = &s->a[s->n - 1];
        if (lemma && !(last->flags & AF_NOEND) &&
            ((last->flags & AF_STEM) || !looks_inflected(L->m, last->id)))
            set_lemma(L, last->id);
        added++;
    }
    return added;
}

/* ---- the pattern lexer ---------------------------------------------------- */

enum {
    LX_WORD,
    LX_SYN,
    LX_STAR,
    LX_SRC,
    LX_TGT,
    LX_BOTH,
    LX_SKIP,
    LX_LBRACE,
    LX_RBRACE,
    LX_BAR,
    LX_LPAREN,
    LX_RPAREN
};

typedef struct {
    uint8_t type;
    uint8_t gap;    /* a blank before it (else '_' or nothing) */
    uint8_t flags;  /* LX_WORD: AF_EXACT, AF_STEM, AF_NOEND */
    uint8_t verb;   /* a verb line's "+WORD": the verb */
    const char *s;
    size_t n;
} lexeme;

enum { MAX_LEX = 128 };

/* Splits a pattern (or a verb line) into lexemes. `tabari`: words without
 * '_' are stems. `verbline`: "+WORD" marks the verb. Returns the count, or
 * -1 when the text has too many. */
static int lex(const char *s, int tabari, int verbline, lexeme *out)
{
    int n = 0, gap = 0, tilde = 0;
    for (size_t i = 0; s[i];) {
        char c = s[i];
        if (c == ' ') {
            gap = 1;
            i++;
            continue;
        }
        if (c == '_') {
            i++;
            continue;
        }
        if (n == MAX_LEX)
            return -1;
        lexeme *x = &out[n++];
        memset(x, 0, sizeof *x);
        x->gap = (uint8_t)(gap && !tilde);
        gap = 0;
        tilde = 0;
        if (strchr("{}|()", c)) {
            x->type = c == '{'   ? LX_LBRACE
                      : c == '}' ? LX_RBRACE
                      : c == '|' ? LX_BAR
                      : c == '(' ? LX_LPAREN
                                 : LX_RPAREN;
            i++;
            continue;
        }
        size_t j = i;
        /* "&NAME" takes its '_' along: names may hold them (&FIGHT_OF_WORDS);
         * the parser splits "&TIES_TREATY" at the longest defined name */
        while (s[j] && !strchr(c == '&' ? " {}|()" : " _{}|()", s[j]))
            j++;
        const char *w = s + i;
        size_t len = j - i;
        x->s = w;
        x->n = len;
        /* "*~": the verb as a stem, the next word stuck to it */
        if (len == 2 && strchr("*$+%^", w[0]) && (w[1] == '~' || w[1] == '=')) {
            tilde = w[1] == '~';
            len = 1;
        }
        if (len == 1 && strchr("*$+%^", w[0])) {
            x->type = w[0] == '*'   ? LX_STAR
                      : w[0] == '$' ? LX_SRC
                      : w[0] == '+' ? LX_TGT
                      : w[0] == '%' ? LX_BOTH
                                    : LX_SKIP;
        } else if (w[0] == '&' && len > 1) {
            x->type = LX_SYN;
            x->s = w + 1;
            x->n = len - 1;
        } else {
            x->type = LX_WORD;
            if (verbline && w[0] == '+' && len > 1) {
                x->verb = 1;
                x->s = ++w;
                x->n = --len;
            }
            while (x->n && (x->s[x->n - 1] == '~' || x->s[x->n - 1] == '=')) {
                if (x->s[x->n - 1] == '~')
                    tilde = 1;
                else
                    x->flags |= AF_NOEND | AF_EXACT;
                x->n--;
            }
            if (s[j] == '_')
                x->flags |= AF_EXACT;
            if (tabari && !(x->flags & AF_EXACT))
                x->flags |= AF_STEM;
        }
        i = j;
    }
    return n;
}

/* ---- the pattern parser --------------------------------------------------- */

typedef struct {
    loader *L;
    saksi_arena *ar;
    const lexeme *x;
    int n, i;
    int blank_gap;     /* a blank lets other words come between */
    const char *err;   /* why the pattern was not taken */
    int too_long;
} parser;

static synset *find_synset(loader *L, const char *name, size_t n)
{
    while (n && name[n - 1] == '_')
        n--;
    for (size_t i = 0; i < L->nsyn; i++)
        if (strlen(L->syn[i].name) == n &&
            strncasecmp(L->syn[i].name, name, n) == 0)
            return &L->syn[i];
    return NULL;
}

static int parse_seq(parser *p, seqlist *out);

/* One element at p->i: a word, a synset, a marker, {alternatives} or a
 * (group). Returns 0 and *out, 1 on a syntax error (p->err), -1 out of
 * memory. */
static int parse_elem(parser *p, seqlist *out)
{
    const lexeme *x = &p->x[p->i++];
    atom a;
    memset(&a, 0, sizeof a);
    switch (x->type) {
    case LX_WORD:
        if (word_atoms(p->L, p->ar, x->s, x->n, x->flags, out))
            return -1;
        if (!out->n) { /* punctuation only: nothing to match */
            atom none;
            memset(&none, 0, sizeof none);
            return sl_one(p->ar, out, &none, 0) ? -1 : 0;
        }
        return 0;
    case LX_SYN: {
        /* the longest defined name, then the words stuck to it */
        size_t k = x->n;
        synset *s = NULL;
        while (k && !(s = find_synset(p->L, x->s, k))) {
            while (k && x->s[k - 1] != '_')
                k--;
            if (k)
                k--; /* before the '_' */
        }
        if (!s) {
            size_t n = strcspn(x->s, "_");
            snprintf(p->L->perr, sizeof p->L->perr, "synset &%.*s is not defined",
                     (int)(n < 40 ? n : 40), x->s);
            p->err = p->L->perr;
            return 1;
        }
        *out = s->list;
        while (k < x->n && x->s[k] == '_')
            k++;
        if (k == x->n)
            return 0;
        char rest[256];
        snprintf(rest, sizeof rest, "%.*s", (int)(x->n - k), x->s + k);
        lexeme y[MAX_LEX];
        int ny = lex(rest, p->L->kind == PEER_TABARI_VERBS, 0, y);
        if (ny < 0) {
            p->err = "pattern too long";
            return 1;
        }
        parser q = *p;
        q.x = y;
        q.n = ny;
        q.i = 0;
        seqlist tail;
        int rc = parse_seq(&q, &tail);
        if (rc) {
            p->err = q.err;
            return rc;
        }
        p->too_long |= q.too_long;
        seqlist acc = *out;
        if (sl_product(p->ar, &acc, &tail, 0, &p->too_long))
            return -1;
        *out = acc;
        return 0;
    }
    case LX_STAR:
    case LX_SRC:
    case LX_TGT:
    case LX_BOTH:
    case LX_SKIP:
        a.type = x->type == LX_STAR  ? AT_VERB
                 : x->type == LX_SRC ? AT_SOURCE
                 : x->type == LX_TGT ? AT_TARGET
                 : x->type == LX_BOTH ? AT_BOTH
                                      : AT_SKIP;
        return sl_one(p->ar, out, &a, 1) ? -1 : 0;
    case LX_LBRACE:
    case LX_LPAREN: {
        int close = x->type == LX_LBRACE ? LX_RBRACE : LX_RPAREN;
        out->n = 0;
        out->s = NULL;
        out->overflow = 0;
        for (;;) {
            seqlist alt;
            int rc = parse_seq(p, &alt);
            if (rc)
                return rc;
            if (out->n == 0 && !out->s)
                *out = alt;
            else if (sl_union(p->ar, out, &alt))
                return -1;
            if (p->i >= p->n) {
                p->err = close == LX_RBRACE ? "'{' without '}'" : "'(' without ')'";
                return 1;
            }
            const lexeme *y = &p->x[p->i++];
            if (y->type == close)
                return 0;
            if (y->type != LX_BAR || close != LX_RBRACE) {
                p->err = "unbalanced '{', '(' or '|'";
                return 1;
            }
        }
    }
    default:
        p->err = "unbalanced '}', ')' or '|'";
        return 1;
    }
}

/* A sequence of elements up to '}', ')', '|' or the end. */
static int parse_seq(parser *p, seqlist *out)
{
    atom none;
    memset(&none, 0, sizeof none);
    if (sl_one(p->ar, out, &none, 0))
        return -1;
    int first = 1;
    while (p->i < p->n) {
        int t = p->x[p->i].type;
        if (t == LX_RBRACE || t == LX_RPAREN || t == LX_BAR)
            break;
        int gap = p->blank_gap && p->x[p->i].gap && !first;
        seqlist e;
        int rc = parse_elem(p, &e);
        if (rc)
            return rc;
        if (sl_product(p->ar, out, &e, gap, &p->too_long))
            return -1;
        first = 0;
    }
    return 0;
}

/* Parses a pattern text into its readings. Returns 0, 1 with p->err, -1
 * out of memory. */
static int parse_pattern(loader *L, saksi_arena *ar, const char *text,
                         int blank_gap, seqlist *out, const char **why)
{
    lexeme x[MAX_LEX];
    int n = lex(text, L->kind == PEER_TABARI_VERBS, 0, x);
    if (n < 0) {
        *why = "pattern too long";
        return 1;
    }
    parser p;
    memset(&p, 0, sizeof p);
    p.L = L;
    p.ar = ar;
    p.x = x;
    p.n = n;
    p.blank_gap = blank_gap;
    int rc = parse_seq(&p, out);
    if (rc == 0 && p.i < p.n) {
        p.err = "unbalanced '}', ')' or '|'";
        rc = 1;
    }
    if (rc == 0 && p.too_long && out->n == 0) {
        p.err = "pattern too long";
        rc = 1;
    }
    *why = p.err;
    return rc;
}

/* ---- actors --------------------------------------------------------------- */

typedef struct {
    char code[64];
    int32_t from, to;
    int dated;
} acode;

/* "CODE", "CODE <D", "CODE >D", "CODE D-D" (blanks anywhere). Returns 0,
 * or -1 with a reason. */
static int parse_acode(char *b, acode *c, const char **why)
{
    memset(c, 0, sizeof *c);
    c->from = INT32_MIN;
    c->to = INT32_MAX;
    while (*b == ' ')
        b++;
    size_t k = 0;
    if (strncmp(b, "- - -", 5) == 0) {
        memcpy(c->code, "---", 4);
        b += 5;
    } else {
        while (b[k] && b[k] != ' ' && b[k] != '<' && b[k] != '>')
            k++;
        if (k >= sizeof c->code) {
            *why = "code too long";
            return -1;
        }
        memcpy(c->code, b, k);
        c->code[k] = '\0';
        b += k;
    }
    char rest[64];
    snprintf(rest, sizeof rest, "%s", b);
    squeeze(rest);
    /* "991201-010114" alone: the code is missing */
    int digits = c->code[0] != '\0';
    for (const char *q = c->code; *q; q++)
        if (!((*q >= '0' && *q <= '9') || *q == '-'))
            digits = 0;
    if (digits && !is_special(c->code)) {
        *why = "no code before the date";
        return -1;
    }
    if (!valid_code(c->code)) {
        *why = "a code is letters and digits ('/' between compound parts)";
        return -1;
    }
    if (!rest[0])
        return 0;
    c->dated = 1;
    const char *dash = strchr(rest, '-');
    if (rest[0] == '<' || rest[0] == '>') {
        int32_t d;
        if (peer_date(rest + 1, strlen(rest + 1), &d)) {
            *why = "date is not YYMMDD or YYYYMMDD";
            return -1;
        }
        if (rest[0] == '<')
            c->to = d;
        else
            c->from = d;
    } else if (dash) {
        if (peer_date(rest, (size_t)(dash - rest), &c->from) ||
            peer_date(dash + 1, strlen(dash + 1), &c->to)) {
            *why = "dates are not YYMMDD-YYMMDD or YYYYMMDD-YYYYMMDD";
            return -1;
        }
        if (c->from > c->to) {
            *why = "the first date is after the second";
            return -1;
        }
    } else {
        *why = "restriction is not <date, >date or date-date";
        return -1;
    }
    return 0;
}

/* Writes an actor entry (its phrases with all its codes) into the model. */
static int actor_flush(loader *L, agroup *g)
{
    if (!g->open)
        return 0;
    g->open = 0;
    acode *codes = lalloc(L, (g->nblocks + 1) * sizeof *codes);
    if (!codes)
        return -1;
    size_t nc = 0;
    int has_default = 0;
    for (size_t i = 0; i < g->nblocks; i++) {
        const char *why = NULL;
        if (parse_acode(g->blocks[i], &codes[nc], &why)) {
            warn_at(L, g->block_line[i], "syntax", "code block [%.60s] skipped: %s",
                    g->blocks[i], why);
            if (L->st)
                L->st->skipped++;
            continue;
        }
        if (strlen(codes[nc].code) > 15)
            warn_at(L, g->block_line[i], "approximated",
                    "code %s is longer than the 15 characters of an actor "
                    "code: events show it cut", codes[nc].code);
        has_default |= !codes[nc].dated;
        nc++;
    }
    if (!nc) {
        if (g->nph)
            warn_at(L, g->ph[0].line, "syntax", "actor '%.60s' has no code: "
                    "skipped", g->ph[0].text);
        if (L->st)
            L->st->skipped++;
        return 0;
    }
    /* only dated codes: none of them holds → the null code (TABARI 6.5.2) */
    if (!has_default) {
        memset(&codes[nc], 0, sizeof codes[nc]);
        memcpy(codes[nc].code, "---", 4);
        codes[nc].from = INT32_MIN;
        codes[nc].to = INT32_MAX;
        nc++;
    }
    int discard = nc == 1 && !codes[0].dated &&
                  (strcmp(codes[0].code, "###") == 0 ||
                   strcmp(codes[0].code, "+++") == 0);
    int stems = L->kind == PEER_TABARI_ACTORS;
    for (size_t i = 0; i < g->nph; i++) {
        seqlist r;
        int blank;
        uint8_t lf;
        if (phrase_variants(L, g->ph[i].text, stems, &r, &blank, &lf))
            return -1;
        if (!r.n) {
            warn_at(L, g->ph[i].line, "syntax", "actor phrase '%.60s' has no "
                    "word: skipped", g->ph[i].text);
            if (L->st)
                L->st->skipped++;
            continue;
        }
        if (blank)
            warn_at(L, g->ph[i].line, "approximated",
                    "'%.60s': the blank between words is read as '_' (saksi's "
                    "actor phrases have no gaps)", g->ph[i].text);
        uint32_t rule = rule_of(L, g->ph[i].line);
        if (rule == UINT32_MAX)
            return -1;
        if (discard) {
            phrase_val v;
            memset(&v, 0, sizeof v);
            v.table = PT_MARKER;
            v.ival = (int32_t)SAKSI_MARK_DISCARD;
            v.rule = rule;
            if (add_readings(L, &r, &v, WF_PH_MARKER, 0) < 0)
                return -1;
            if (L->st)
                L->st->discards++;
            continue;
        }
        for (size_t c = 0; c < nc; c++) {
            phrase_val v;
            memset(&v, 0, sizeof v);
            v.table = PT_ACTOR;
            v.kind = ACTOR_ANY_CASE;
            v.from = codes[c].from;
            v.to = codes[c].to;
            v.rule = rule;
            v.str = model_string(L->m, codes[c].code, strlen(codes[c].code));
            if (v.str == SAKSI_NO_WORD ||
                add_readings(L, &r, &v, WF_PH_ACTOR, c == 0) < 0)
                return -1;
        }
        if (L->st) {
            L->st->actors++;
            L->st->actor_codes += nc;
        }
    }
    return 0;
}

/* Appends a code block of the current line to the actor entry. */
static int add_block(loader *L, agroup *g, const char *text)
{
    if (g->nblocks == g->capblocks) {
        size_t cap = g->capblocks ? g->capblocks * 2 : 8;
        char **b = lalloc(L, cap * sizeof *b);
        unsigned long *bl = lalloc(L, cap * sizeof *bl);
        if (!b || !bl)
            return -1;
        if (g->nblocks) {
            memcpy(b, g->blocks, g->nblocks * sizeof *b);
            memcpy(bl, g->block_line, g->nblocks * sizeof *bl);
        }
        g->blocks = b;
        g->block_line = bl;
        g->capblocks = cap;
    }
    g->block_line[g->nblocks] = L->line;
    g->blocks[g->nblocks] = saksi_arena_strndup(&L->larena, text, strlen(text));
    return g->blocks[g->nblocks++] ? 0 : -1;
}

/* One line of an actors file: a tag, a name, a synonym ("+"), or a code
 * line (indented "[…]"). */
static int actor_line(loader *L, agroup *g, char *s, int indented, int *section,
                      unsigned long *section_line, size_t *section_n)
{
    if (s[0] == '<') {
        static const char *const TAGS[] = {"<NOUN>", "</NOUN>", "<ADJECTIVE>",
                                           "</ADJECTIVE>", "<ADJ>", "</ADJ>"};
        char t[32];
        snprintf(t, sizeof t, "%s", s);
        squeeze(t);
        for (size_t k = 0; k < 6; k++)
            if (strcasecmp(t, TAGS[k]) == 0) {
                if (actor_flush(L, g))
                    return -1;
                if (k % 2 == 0) {
                    *section = 1;
                    *section_line = L->line;
                    *section_n = 0;
                } else if (*section) {
                    warn_at(L, *section_line, "ignored",
                            "%zu words of a %s list not used: saksi reads no "
                            "compound structure from them", *section_n,
                            k < 2 ? "<NOUN>" : "<ADJECTIVE>");
                    *section = 0;
                }
                return 0;
            }
        skip_line(L, "syntax", "unknown tag '%.40s' skipped", s);
        return 0;
    }
    if (*section) {
        (*section_n)++;
        return 0;
    }
    char *blocks[32];
    if (indented && s[0] == '[') {
        char *phrase;
        int nb = split_blocks(L, s, &phrase, blocks, 32);
        if (nb < 0 || !g->open) {
            skip_line(L, "syntax", nb < 0 ? "malformed code line skipped"
                                          : "code line without an actor "
                                            "skipped");
            return 0;
        }
        for (int k = 0; k < nb; k++)
            if (add_block(L, g, blocks[k]))
                return -1;
        g->sep = 0;
        return 0;
    }
    int synonym = s[0] == '+';
    if (synonym)
        s++;
    char *phrase;
    int nb = split_blocks(L, s, &phrase, blocks, 32);
    if (nb < 0) {
        skip_line(L, "syntax", "malformed code blocks: line skipped");
        return 0;
    }
    if (!*phrase) {
        skip_line(L, "syntax", "no phrase before the code: line skipped");
        return 0;
    }
    if (synonym && !g->open) {
        warn_at(L, L->line, "syntax", "synonym without an actor before it: "
                "read as an actor");
        synonym = 0;
    }
    /* names on lines of their own, one under the other, then the codes
     * (Phoenix: "LEONID_BREZHNEV_", "SECRETARY_BREZHNEV", "\t[RUSGOV …]"):
     * one entry, as if the later ones began with '+' */
    if (!synonym && g->open && !g->nblocks && !g->sep && g->nph) {
        warn_at(L, g->ph[g->nph - 1].line, "approximated", "'%.60s' has no "
                "code and the next line no '+': read as one actor with the "
                "names after it", g->ph[g->nph - 1].text);
        synonym = 1;
    }
    g->sep = 0;
    if (!synonym) {
        if (actor_flush(L, g))
            return -1;
        saksi_arena_reset(&L->larena);
        memset(g, 0, sizeof *g);
        g->open = 1;
    }
    if (g->nph == g->capph) {
        size_t cap = g->capph ? g->capph * 2 : 8;
        aphrase *p = lalloc(L, cap * sizeof *p);
        if (!p)
            return -1;
        if (g->nph)
            memcpy(p, g->ph, g->nph * sizeof *p);
        g->ph = p;
        g->capph = cap;
    }
    g->ph[g->nph].line = L->line;
    if (!(g->ph[g->nph++].text = saksi_arena_strndup(&L->larena, phrase, strlen(phrase))))
        return -1;
    /* codes on the phrase's own line count as lines of their own */
    for (int k = 0; k < nb; k++)
        if (add_block(L, g, blocks[k]))
            return -1;
    return 0;
}

/* ---- agents --------------------------------------------------------------- */

typedef struct {
    char name[32];
    char *items[64];
    size_t n;
} subst;

/* Replaces the first "!NAME!" of `text` by each item of its set, writing
 * every result into out[] (at most max). Returns the count, -1 for an
 * unknown marker. */
static int substitute(loader *L, const char *text, const subst *subs,
                      size_t nsubs, char **out, int max, int depth)
{
    const char *a = strchr(text, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 3) {
        if (max < 1)
            return 0;
        out[0] = saksi_arena_strndup(&L->larena, text, strlen(text));
        return out[0] ? 1 : 0;
    }
    size_t nlen = (size_t)(b - a - 1);
    const subst *s = NULL;
    for (size_t i = 0; i < nsubs; i++)
        if (strlen(subs[i].name) == nlen && strncasecmp(subs[i].name, a + 1, nlen) == 0)
            s = &subs[i];
    if (!s)
        return -1;
    int n = 0;
    for (size_t i = 0; i < s->n && n < max; i++) {
        char tmp[512];
        int k = snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(a - text), text,
                         s->items[i], b + 1);
        if (k < 0 || (size_t)k >= sizeof tmp)
            continue;
        int got = substitute(L, tmp, subs, nsubs, out + n, max - n, depth + 1);
        if (got < 0)
            return -1;
        n += got;
    }
    return n;
}

/* "!NAME! = A, B, C" */
static void agent_subst(loader *L, char *s, subst *subs, size_t *nsubs)
{
    char *eq = strchr(s, '=');
    char *b = strchr(s + 1, '!');
    if (!eq || !b || b > eq || *nsubs == 16) {
        skip_line(L, "syntax", "substitution set is not !NAME! = A, B, …: "
                  "skipped");
        return;
    }
    subst *x = &subs[*nsubs];
    memset(x, 0, sizeof *x);
    snprintf(x->name, sizeof x->name, "%.*s", (int)(b - s - 1), s + 1);
    for (char *p = eq + 1; *p && x->n < 64;) {
        while (*p == ' ')
            p++;
        char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        while (n && p[n - 1] == ' ')
            n--;
        if (n && !(x->items[x->n] = saksi_arena_strndup(&L->farena, p, n)))
            return;
        if (n)
            x->n++;
        if (!c)
            break;
        p = c + 1;
    }
    (*nsubs)++;
}

static int agent_line(loader *L, char *s, subst *subs, size_t *nsubs)
{
    saksi_arena_reset(&L->larena);
    char *eq = strchr(s, '='), *br = strchr(s, '[');
    if (s[0] == '!' && eq && (!br || eq < br)) {
        agent_subst(L, s, subs, nsubs);
        return 0;
    }
    char *blocks[4];
    char *phrase;
    int nb = split_blocks(L, s, &phrase, blocks, 4);
    if (nb != 1) {
        skip_line(L, "syntax", nb < 0 ? "malformed code: line skipped"
                                      : nb == 0 ? "no [code]: line skipped"
                                                : "more than one [code]: line "
                                                  "skipped");
        return 0;
    }
    /* plurals: "PHRASE {PLURAL …}", "PHRASE {}" */
    char *plural = NULL;
    char *brace = strchr(phrase, '{');
    int regular = 1;
    if (brace) {
        char *close = strchr(brace, '}');
        if (!close) {
            skip_line(L, "syntax", "'{' without '}': line skipped");
            return 0;
        }
        *close = '\0';
        plural = brace + 1;
        *brace = '\0';
        regular = 0;
        size_t n = strlen(phrase);
        while (n && phrase[n - 1] == ' ')
            phrase[--n] = '\0';
    }
    char code[64];
    snprintf(code, sizeof code, "%s", blocks[0]);
    squeeze(code);
    size_t cl = strlen(code);
    int prefix = 0;
    if (cl && code[0] == '~') {
        memmove(code, code + 1, cl--);
    } else if (cl && code[cl - 1] == '~') {
        code[--cl] = '\0';
        prefix = 1;
    } else {
        warn_at(L, L->line, "syntax", "agent code [%s] has no '~': read as "
                "~%s", code, code);
    }
    if (!cl || !valid_code(code) || is_special(code)) {
        skip_line(L, "syntax", "agent code [%.40s] is not letters and digits: "
                  "line skipped", blocks[0]);
        return 0;
    }
    if (!*phrase) {
        skip_line(L, "syntax", "no phrase before the code: line skipped");
        return 0;
    }
    uint32_t rule = rule_of(L, L->line);
    uint32_t str = model_string(L->m, code, cl);
    if (rule == UINT32_MAX || str == SAKSI_NO_WORD)
        return -1;
    /* the phrase and its plurals, each with its substitutions */
    char *texts[64];
    int nt = 0;
    int got = substitute(L, phrase, subs, *nsubs, texts, 64, 0);
    if (got < 0) {
        skip_line(L, "syntax", "unknown substitution marker in '%.60s': line "
                  "skipped", phrase);
        return 0;
    }
    nt = got;
    int nmain = nt;
    if (plural)
        for (char *p = plural; *p && nt < 64;) {
            while (*p == ' ')
                p++;
            size_t n = strcspn(p, " ");
            if (!n)
                break;
            char *one = saksi_arena_strndup(&L->larena, p, n);
            if (!one)
                return -1;
            got = substitute(L, one, subs, *nsubs, texts + nt, 64 - nt, 0);
            if (got > 0)
                nt += got;
            p += n;
        }
    int warned = 0;
    for (int i = 0; i < nt; i++) {
        seqlist r;
        int blank;
        uint8_t lf;
        if (phrase_variants(L, texts[i], L->kind == PEER_TABARI_AGENTS, &r,
                            &blank, &lf))
            return -1;
        if (blank && !warned && L->kind == PEER_PETR_AGENTS) {
            warn_at(L, L->line, "approximated", "'%.60s': the blank between "
                    "words is read as '_' (saksi's agent phrases have no "
                    "gaps)", texts[i]);
            warned = 1;
        }
        phrase_val v;
        memset(&v, 0, sizeof v);
        v.table = PT_AGENT;
        v.kind = prefix ? PEER_AGENT_PREFIX : 0;
        v.str = str;
        v.rule = rule;
        int added = add_readings(L, &r, &v, WF_PH_AGENT, regular && i < nmain);
        if (added < 0)
            return -1;
        if (added && L->st)
            L->st->agents++;
    }
    return 0;
}

/* ---- discards ------------------------------------------------------------- */

static int discard_line(loader *L, char *s)
{
    saksi_arena_reset(&L->larena);
    int story = s[0] == '+';
    if (story)
        s++;
    while (*s == ' ')
        s++;
    if (!*s) {
        skip_line(L, "syntax", "empty discard: skipped");
        return 0;
    }
    seqlist r;
    int blank;
    uint8_t lf;
    if (phrase_variants(L, s, 0, &r, &blank, &lf))
        return -1;
    if (!r.n) {
        skip_line(L, "syntax", "discard '%.60s' has no word: skipped", s);
        return 0;
    }
    if (story)
        warn_at(L, L->line, "approximated", "story discard '+%.60s' discards "
                "the sentence it is in (saksi codes sentence by sentence)", s);
    replace_discards(L);
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_MARKER;
    v.ival = (int32_t)SAKSI_MARK_DISCARD;
    v.rule = rule_of(L, L->line);
    if (v.rule == UINT32_MAX || add_readings(L, &r, &v, WF_PH_MARKER, 0) < 0)
        return -1;
    /* a stem ("CHAMPION") also discards its plural: markers match words
     * as written */
    if (!(lf & AF_EXACT)) {
        size_t n = strlen(s);
        char tmp[512];
        if (n + 3 < sizeof tmp) {
            const char *end = s[n - 1] == 'Y' || s[n - 1] == 'y' ? "IES" : "S";
            snprintf(tmp, sizeof tmp, "%.*s%s",
                     (int)(n - (*end == 'I' ? 1 : 0)), s, end);
            if (phrase_variants(L, tmp, 0, &r, &blank, &lf))
                return -1;
            if (r.n && add_readings(L, &r, &v, WF_PH_MARKER, 0) < 0)
                return -1;
        }
    }
    if (L->st)
        L->st->discards++;
    return 0;
}

/* ---- verbs: writing patterns ---------------------------------------------- */

static uint32_t el_of(const atom *a)
{
    switch (a->type) {
    case AT_VERB:
        return PEER_EL_VERB;
    case AT_SOURCE:
        return PEER_EL_SOURCE;
    case AT_TARGET:
        return PEER_EL_TARGET;
    case AT_BOTH:
        return PEER_EL_BOTH;
    case AT_SKIP:
        return PEER_EL_SKIP;
    default:
        return a->id;
    }
}

static void note_code(loader *L, const char *code, unsigned long line)
{
    if (!code[0] || is_special(code) || saksi_model_cameo(L->m, code))
        return;
    if (!L->nocodebook++) {
        L->nocodebook_line = line;
        snprintf(L->nocodebook_code, sizeof L->nocodebook_code, "%s", code);
    }
}

/* A verb form whose atoms are words stuck together (the usual case):
 * forms of one length share their patterns. */
static int is_chain(const vform *f)
{
    for (size_t k = 1; k < f->atoms.n; k++)
        if (f->atoms.a[k].flags & AF_GAP)
            return 0;
    return 1;
}

/* Makes the words of a pattern lemmas where they take regular endings. */
static void pattern_lemmas(loader *L, const seq *V)
{
    for (size_t k = 0; k < V->n; k++) {
        const atom *a = &V->a[k];
        if (a->type != AT_WORD || (a->flags & AF_NOEND))
            continue;
        if ((a->flags & AF_STEM) || !looks_inflected(L->m, a->id))
            set_lemma(L, a->id);
    }
}

/* Writes pattern V (atoms with one AT_VERB) with `code` for each of the
 * verb forms: one saksi verb pattern per head length, a trie entry per
 * form. Returns 0, -1 out of memory. */
static int emit(loader *L, const vform *forms, size_t nforms, const seq *V,
                const vcode *code, unsigned long line)
{
    saksi_model *m = L->m;
    size_t star = 0;
    while (star < V->n && V->a[star].type != AT_VERB)
        star++;
    unsigned flags = code->flags;
    for (size_t k = 0; k < V->n; k++) {
        int t = V->a[k].type;
        if (k < star && t == AT_WORD)
            flags |= PEER_VF_PRE;
        flags |= t == AT_SOURCE   ? PEER_VF_SOURCE
                 : t == AT_TARGET ? PEER_VF_TARGET
                 : t == AT_BOTH   ? PEER_VF_BOTH
                 : t == AT_SKIP   ? PEER_VF_SKIP
                                  : 0;
    }
    /* the record: the pattern as written */
    phrase_word rec[2 * MAX_ATOMS + 2];
    size_t nrec = 0;
    for (size_t k = 0; k < V->n; k++) {
        if (k && (V->a[k].flags & AF_GAP))
            rec[nrec++] = (phrase_word){VERB_GAP, 0};
        rec[nrec++] = (phrase_word){el_of(&V->a[k]), 0};
    }
    uint32_t cameo = model_string(m, code->main, strlen(code->main));
    uint32_t rev = code->rev[0] ? model_string(m, code->rev, strlen(code->rev))
                                : SAKSI_NO_WORD;
    uint32_t rule = rule_of(L, line);
    if (cameo == SAKSI_NO_WORD || rule == UINT32_MAX ||
        (code->rev[0] && rev == SAKSI_NO_WORD))
        return -1;
    note_code(L, code->main, line);
    note_code(L, code->rev, line);
    pattern_lemmas(L, V);
    const atom *post = V->a + star + 1;
    size_t npost = V->n - star - 1;
    uint8_t *done = lalloc(L, nforms);
    if (!done)
        return -1;
    memset(done, 0, nforms);
    for (size_t i = 0; i < nforms; i++) {
        if (done[i])
            continue;
        const vform *f = &forms[i];
        /* the combined atoms: the form, then what follows the verb */
        atom c[2 * MAX_ATOMS];
        size_t nc = 0;
        for (size_t k = 0; k < f->atoms.n && nc < 2 * MAX_ATOMS; k++)
            c[nc++] = f->atoms.a[k];
        for (size_t k = 0; k < npost && nc < 2 * MAX_ATOMS; k++)
            c[nc++] = post[k];
        size_t h = 1;
        while (h < nc && c[h].type == AT_WORD && !(c[h].flags & AF_GAP))
            h++;
        phrase_word rest[MAX_ELEMS + 2];
        size_t nrest = 0, words = h;
        int need_gap = 0;
        for (size_t k = h; k < nc; k++) {
            if (c[k].type != AT_WORD) {
                need_gap = 1;
                continue;
            }
            if (nrest + 2 > MAX_ELEMS) {
                nrest = MAX_ELEMS + 1; /* too long: skipped below */
                break;
            }
            if ((need_gap || (c[k].flags & AF_GAP)) &&
                (nrest == 0 || rest[nrest - 1].id != VERB_GAP))
                rest[nrest++] = (phrase_word){VERB_GAP, 0};
            rest[nrest++] = (phrase_word){c[k].id, 0};
            need_gap = 0;
            words++;
        }
        if (h > MAX_HEAD || h + nrest > MAX_ELEMS) {
            done[i] = 1;
            warn_at(L, line, "syntax", "pattern longer than %d words: skipped",
                    MAX_ELEMS);
            if (L->st)
                L->st->skipped++;
            continue;
        }
        /* velems: record, its two trailer elements, head, rest */
        size_t need = nrec + 2 + h + nrest;
        if (grow_velems(m, need) || grow_verbs(m))
            return -1;
        phrase_word *e = m->velems + m->nvelems;
        memcpy(e, rec, nrec * sizeof *e);
        e[nrec] = (phrase_word){rev, (int)flags};
        e[nrec + 1] = (phrase_word){PEER_EL_MAGIC, (int)nrec};
        for (size_t k = 0; k < h; k++)
            e[nrec + 2 + k] = (phrase_word){c[k].id, 0};
        if (nrest)
            memcpy(e + nrec + 2 + h, rest, nrest * sizeof *e);
        verb_pattern *vp = &m->verbs[m->nverbs];
        memset(vp, 0, sizeof *vp);
        vp->cameo = cameo;
        vp->rule = rule;
        vp->elem = (uint32_t)(m->nvelems + nrec + 2);
        vp->nelem = (uint16_t)(h + nrest);
        vp->nhead = (uint16_t)h;
        vp->weight = (uint16_t)words;
        vp->lang = 0;
        m->nvelems += need;
        uint32_t vi = (uint32_t)m->nverbs++;
        if (L->st) {
            L->st->verb_patterns++;
            if (flags & PEER_VF_PRE)
                L->st->pre_verb++;
        }
        /* a trie entry for every form of the same length */
        int chain = is_chain(f);
        for (size_t j = i; j < nforms; j++) {
            const vform *g = &forms[j];
            if (done[j] || (j != i && (!chain || !is_chain(g) ||
                                       g->atoms.n != f->atoms.n)))
                continue;
            done[j] = 1;
            phrase_word hw[MAX_HEAD];
            for (size_t k = 0; k < h; k++)
                hw[k] = (phrase_word){k < g->atoms.n ? g->atoms.a[k].id : c[k].id, 0};
            phrase_val v;
            memset(&v, 0, sizeof v);
            v.table = PT_VERB;
            v.lang = 0;
            v.ival = (int32_t)vi;
            v.str = cameo;
            v.rule = rule;
            if (phrase_add(&m->phrases, hw, h, &v))
                return -1;
            m->wflags[hw[0].id] |= WF_PH_VERB;
        }
    }
    return 0;
}

int peers_pattern(const saksi_model *m, uint32_t verb, peer_pattern *out)
{
    if (verb >= m->nverbs)
        return 0;
    const verb_pattern *vp = &m->verbs[verb];
    if (vp->elem < 2)
        return 0;
    const phrase_word *b = &m->velems[vp->elem - 1];
    if (b->id != PEER_EL_MAGIC || b->by_root < 0 ||
        (size_t)b->by_root + 2 > vp->elem)
        return 0;
    size_t n = (size_t)b->by_root;
    const phrase_word *a = &m->velems[vp->elem - 2];
    out->elems = &m->velems[vp->elem - 2 - n];
    out->n = n;
    out->reverse = a->id;
    out->flags = (unsigned)a->by_root;
    return 1;
}

/* ---- verbs: reading ------------------------------------------------------- */

/* PETRARCH writes contractions as the Penn Treebank splits them ("DID
 * N'T"); saksi's tokenizer keeps "didn't" whole: joins them back. */
static void join_nt(char *s)
{
    for (char *p = s; (p = strchr(p, '\'')) != NULL; p++) {
        if (p < s + 2 || (p[-1] != 'N' && p[-1] != 'n') ||
            (p[1] != 'T' && p[1] != 't') || p[-2] != ' ')
            continue;
        char *b = p - 2;
        while (b > s && b[-1] == ' ')
            b--;
        if (b == s)
            continue;
        memmove(b, p - 1, strlen(p - 1) + 1);
        p = b;
    }
}

/* A verb form from text such as "BREAK_", "WIRE_+TAP", "+CORDON_OFF",
 * "APPRECIATE POSITION". Returns 0, 1 when it is not a verb form, -1 out
 * of memory. */
static int make_form(loader *L, const char *text, vform *f)
{
    memset(f, 0, sizeof *f);
    lexeme x[MAX_LEX];
    int n = lex(text, L->kind == PEER_TABARI_VERBS, 1, x);
    if (n <= 0)
        return 1;
    atom a[MAX_ATOMS];
    size_t na = 0;
    int verb = -1, first = -1; /* the word marked '+', the first word */
    uint8_t verb_flags = 0, first_flags = 0;
    for (int i = 0; i < n; i++) {
        if (x[i].type != LX_WORD)
            return 1;
        seqlist w;
        if (word_atoms(L, &L->larena, x[i].s, x[i].n, x[i].flags, &w))
            return -1;
        if (!w.n || na + w.s[0].n > MAX_ATOMS)
            continue;
        if (x[i].verb && verb < 0) {
            verb = (int)(na + w.s[0].n - 1);
            verb_flags = x[i].flags;
        }
        if (first < 0) {
            first = (int)(na + w.s[0].n - 1);
            first_flags = x[i].flags;
        }
        for (size_t k = 0; k < w.s[0].n; k++) {
            a[na] = w.s[0].a[k];
            a[na].flags = (uint8_t)((a[na].flags & ~AF_GAP) |
                                    (k == 0 && na && x[i].gap ? AF_GAP : 0));
            na++;
        }
    }
    if (!na)
        return 1;
    if (verb < 0) {
        verb = first;
        verb_flags = first_flags;
    }
    f->atoms.a = saksi_arena_alloc(&L->larena, na * sizeof *a);
    if (!f->atoms.a)
        return -1;
    memcpy(f->atoms.a, a, na * sizeof *a);
    f->atoms.n = (uint16_t)na;
    f->verb_word = verb;
    f->regular = !(verb_flags & AF_NOEND);
    f->stem = (verb_flags & AF_STEM) != 0;
    f->line = L->line;
    return 0;
}

static int add_form(loader *L, vgroup *g, const vform *f)
{
    if (g->nforms == g->capforms) {
        size_t cap = g->capforms ? g->capforms * 2 : 8;
        vform *v = lalloc(L, cap * sizeof *v);
        if (!v)
            return -1;
        if (g->nforms)
            memcpy(v, g->forms, g->nforms * sizeof *v);
        g->forms = v;
        g->capforms = cap;
    }
    g->forms[g->nforms++] = *f;
    if (L->st)
        L->st->verbs++;
    if (f->regular)
        set_lemma(L, f->atoms.a[f->verb_word].id);
    /* a TABARI stem ("ACCELERAT", "ABUS") is also the word with an 'e':
     * its regular forms reach the stem through the lemma */
    if (f->stem) {
        size_t n;
        const char *w = saksi_intern_str(&L->m->words,
                                         f->atoms.a[f->verb_word].id, &n);
        if (w && n >= 3 && n < 62 && strchr("bcdfghjklmnpqrstvz", w[n - 1]) &&
            g->nforms < 4096) {
            char tmp[64];
            memcpy(tmp, w, n);
            tmp[n] = 'e';
            uint32_t id = model_word(L->m, tmp, n + 1);
            if (id == SAKSI_NO_WORD)
                return -1;
            vform e = *f;
            e.atoms.a = saksi_arena_alloc(&L->larena, f->atoms.n * sizeof(atom));
            if (!e.atoms.a)
                return -1;
            memcpy(e.atoms.a, f->atoms.a, f->atoms.n * sizeof(atom));
            e.atoms.a[f->verb_word].id = id;
            e.stem = 0;
            e.regular = 0;
            if (g->nforms == g->capforms) {
                size_t cap = g->capforms * 2;
                vform *v = lalloc(L, cap * sizeof *v);
                if (!v)
                    return -1;
                memcpy(v, g->forms, g->nforms * sizeof *v);
                g->forms = v;
                g->capforms = cap;
            }
            g->forms[g->nforms++] = e;
        }
    }
    return 0;
}

/* One pattern line ("- PATTERN [CODE]") of a group. */
static int pattern_line(loader *L, vgroup *g, char *text, unsigned long line,
                        saksi_arena *ar)
{
    L->line = line;
    char *blocks[2];
    char *pat;
    int nb = split_blocks(L, text, &pat, blocks, 2);
    if (nb != 1) {
        skip_line(L, "syntax", nb == 0 ? "pattern without [code]: skipped"
                                       : "malformed [code]: pattern skipped");
        return 0;
    }
    vcode code;
    const char *why = NULL;
    if (parse_vcode(blocks[0], &code, &why)) {
        skip_line(L, "syntax", "code [%.20s]: %s: pattern skipped", blocks[0], why);
        return 0;
    }
    if (L->kind == PEER_PETR_VERBS)
        join_nt(pat);
    seqlist r;
    int rc = parse_pattern(L, ar, pat, 1, &r, &why);
    if (rc < 0)
        return -1;
    if (rc) {
        skip_line(L, "syntax", "%s: pattern '%.50s' skipped",
                  why ? why : "syntax error", pat);
        return 0;
    }
    if (r.overflow)
        warn_at(L, line, "truncated", "the synsets and alternatives make more "
                "than %d patterns: the first %d kept", MAX_VARIANTS, MAX_VARIANTS);
    if (L->st)
        L->st->patterns++;
    size_t bad = 0;
    for (size_t i = 0; i < r.n; i++) {
        const seq *V = &r.s[i];
        size_t stars = 0;
        for (size_t k = 0; k < V->n; k++)
            stars += V->a[k].type == AT_VERB;
        if (stars != 1) {
            bad++;
            continue;
        }
        if (emit(L, g->forms, g->nforms, V, &code, line))
            return -1;
    }
    if (bad == r.n)
        skip_line(L, "syntax", "pattern '%.50s' has no '*' (or more than one): "
                  "skipped", pat);
    else if (bad)
        skip_line(L, "syntax", "pattern '%.50s': %zu readings with no '*' (or "
                  "more than one) skipped", pat, bad);
    return 0;
}

/* Writes a verb group: each verb alone, then each pattern for every verb. */
static int group_flush(loader *L, vgroup *g)
{
    if (!g->open)
        return 0;
    g->open = 0;
    if (!g->nforms) {
        if (g->npats) {
            warn_at(L, g->line, "syntax", "%zu patterns without a verb "
                    "skipped", g->npats);
            if (L->st)
                L->st->skipped += g->npats;
        }
        return 0;
    }
    unsigned long here = L->line; /* pattern lines set L->line */
    saksi_arena pa;
    saksi_arena_init(&pa, 64 * 1024);
    atom star;
    memset(&star, 0, sizeof star);
    star.type = AT_VERB;
    seq V = {&star, 1};
    int rc = 0;
    /* each verb alone, with its line as the rule (a root and its "+e"
     * form, on the same line, share one pattern) */
    for (size_t i = 0, j; i < g->nforms && !rc; i = j) {
        const vform *f = &g->forms[i];
        for (j = i + 1; j < g->nforms && g->forms[j].line == f->line &&
                        g->forms[j].has_code == f->has_code &&
                        memcmp(&g->forms[j].code, &f->code, sizeof f->code) == 0;
             j++)
            ;
        rc = emit(L, f, j - i, &V, f->has_code ? &f->code : &g->code, f->line);
    }
    for (size_t i = 0; i < g->npats && !rc; i++) {
        rc = pattern_line(L, g, g->pats[i].text, g->pats[i].line, &pa);
        saksi_arena_reset(&pa);
    }
    saksi_arena_free(&pa);
    L->line = here;
    return rc;
}

static int group_open(loader *L, vgroup *g, const vcode *code)
{
    if (group_flush(L, g))
        return -1;
    saksi_arena_reset(&L->larena);
    memset(g, 0, sizeof *g);
    g->open = 1;
    g->line = L->line;
    if (code)
        g->code = *code;
    else
        snprintf(g->code.main, sizeof g->code.main, "---");
    return 0;
}

/* A verb line: "ROOT [CODE]" (TABARI: opens a group), "VERB {FORMS}
 * [CODE]" (PETRARCH: a verb of the block), or "{ FORMS }" (`forms_only`:
 * TABARI's irregular forms of the root above). */
static int verb_line(loader *L, vgroup *g, char *s, int forms_only)
{
    char *blocks[2];
    char *text;
    int nb = split_blocks(L, s, &text, blocks, 2);
    if (nb < 0 || nb > 1) {
        skip_line(L, "syntax", "malformed [code]: verb line skipped");
        return 0;
    }
    vcode code;
    int has_code = 0;
    if (nb == 1) {
        const char *why = NULL;
        if (parse_vcode(blocks[0], &code, &why)) {
            skip_line(L, "syntax", "code [%.20s]: %s: verb line skipped",
                      blocks[0], why);
            return 0;
        }
        has_code = 1;
    }
    char *forms = NULL;
    char *brace = strchr(text, '{');
    if (brace) {
        char *close = strchr(brace, '}');
        if (!close) {
            skip_line(L, "syntax", "'{' without '}': verb line skipped");
            return 0;
        }
        *close = '\0';
        *brace = '\0';
        forms = brace + 1;
    }
    while (*text == ' ')
        text++;
    size_t tl = strlen(text);
    while (tl && text[tl - 1] == ' ')
        text[--tl] = '\0';
    int tabari = L->kind == PEER_TABARI_VERBS;
    vform main;
    memset(&main, 0, sizeof main);
    if (forms_only) {
        if (!g->open || !g->nforms) {
            skip_line(L, "syntax", "verb forms without a verb: skipped");
            return 0;
        }
    } else {
        if (!*text) {
            skip_line(L, "syntax", "no verb: line skipped");
            return 0;
        }
        if (tabari) {
            if (!has_code) {
                warn_at(L, L->line, "syntax", "verb '%.40s' has no [code]: "
                        "read as [---]", text);
            }
            if (group_open(L, g, has_code ? &code : NULL))
                return -1;
        } else if (!g->open) {
            warn_at(L, L->line, "syntax", "verb '%.40s' before any '--- "
                    "BLOCK [CODE] ---' line: read as a block of its own with "
                    "code [---]", text);
            if (group_open(L, g, NULL))
                return -1;
        }
        int rc = make_form(L, text, &main);
        if (rc < 0)
            return -1;
        if (rc) {
            skip_line(L, "syntax", "'%.40s' is not a verb: line skipped", text);
            return 0;
        }
        if (!tabari && has_code) {
            main.has_code = 1;
            main.code = code;
        }
        if (forms && !forms[strspn(forms, " ")])
            main.regular = 0; /* "{}": no other form */
        if (add_form(L, g, &main))
            return -1;
    }
    if (!forms)
        return 0;
    for (char *p = forms; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        char save = p[n];
        p[n] = '\0';
        vform f;
        int rc = make_form(L, p, &f);
        p[n] = save;
        if (rc < 0)
            return -1;
        if (rc == 0) {
            f.regular = 0;
            f.stem = 0;
            if (!forms_only && main.has_code) {
                f.has_code = 1;
                f.code = main.code;
            }
            if (add_form(L, g, &f))
                return -1;
        } else {
            warn_at(L, L->line, "syntax", "verb form '%.*s' skipped",
                    (int)(n < 40 ? n : 40), p);
        }
        p += n;
    }
    return 0;
}

/* "&NAME": a synonym set; its members follow on "+" lines. */
static int synset_open(loader *L, const char *s)
{
    size_t n = strcspn(s + 1, " ");
    int no_plural = n && s[n] == '_';
    size_t nl = n;
    while (nl && s[nl] == '_')
        nl--;
    if (!nl) {
        skip_line(L, "syntax", "synset without a name: skipped");
        return 0;
    }
    synset *old = find_synset(L, s + 1, nl);
    if (old) {
        if (old->list.n)
            warn_at(L, L->line, "syntax", "synset &%.*s defined again (line "
                    "%lu): the new members replace the old", (int)nl, s + 1,
                    old->line);
        old->list.n = 0;
        old->line = L->line;
        old->no_plural = no_plural;
        L->in_synset = 1 + (int)(old - L->syn);
        return 0;
    }
    if (L->nsyn == L->capsyn) {
        size_t cap = L->capsyn ? L->capsyn * 2 : 32;
        synset *v = realloc(L->syn, cap * sizeof *v);
        if (!v)
            return -1;
        L->syn = v;
        L->capsyn = cap;
    }
    synset *x = &L->syn[L->nsyn];
    memset(x, 0, sizeof *x);
    if (!(x->name = saksi_arena_strndup(&L->farena, s + 1, nl)))
        return -1;
    x->line = L->line;
    x->no_plural = no_plural;
    L->nsyn++;
    L->in_synset = (int)L->nsyn;
    if (L->st)
        L->st->synsets++;
    return 0;
}

static int synset_member(loader *L, char *s)
{
    synset *x = &L->syn[L->in_synset - 1];
    while (*s == ' ')
        s++;
    if (!*s) {
        skip_line(L, "syntax", "empty synset member: skipped");
        return 0;
    }
    if (L->kind == PEER_PETR_VERBS)
        join_nt(s);
    seqlist r;
    const char *why = NULL;
    /* PETRARCH: a member's words are consecutive; TABARI: as in patterns */
    int rc = parse_pattern(L, &L->farena, s, L->kind == PEER_TABARI_VERBS, &r,
                           &why);
    if (rc < 0)
        return -1;
    if (rc) {
        skip_line(L, "syntax", "synset member: %s: skipped", why ? why : "syntax error");
        return 0;
    }
    int plural = !(x->no_plural || s[strlen(s) - 1] == '_');
    for (size_t i = 0; i < r.n; i++) {
        const seq *v = &r.s[i];
        for (size_t k = 0; k < v->n; k++)
            if (v->a[k].type == AT_VERB) {
                skip_line(L, "syntax", "'*' in a synset member: skipped");
                return 0;
            }
        if (plural && v->n) {
            seq last = {(atom *)&v->a[v->n - 1], 1};
            pattern_lemmas(L, &last);
        } else if (v->n) {
            v->a[v->n - 1].flags |= AF_NOEND; /* not in patterns either */
        }
    }
    if (x->list.n == 0 && !x->list.s)
        x->list = r;
    else {
        size_t before = x->list.n;
        if (sl_union(&L->farena, &x->list, &r))
            return -1;
        if (x->list.overflow && before + r.n > x->list.n)
            warn_at(L, L->line, "truncated", "synset &%s has more than %d "
                    "readings: the rest dropped", x->name, MAX_VARIANTS);
    }
    return 0;
}

static int verbs_line(loader *L, vgroup *g, char *s, int *in_time,
                      unsigned long *time_line, size_t *time_n)
{
    int member = s[0] == '+' && L->in_synset;
    if (!member)
        L->in_synset = 0;
    if (*in_time) {
        if (strncasecmp(s, "</TIME", 6) == 0) {
            warn_at(L, *time_line, "ignored", "<TIME> block of %zu entries not "
                    "used: saksi dates events by the time expressions of the "
                    "text", *time_n);
            *in_time = 0;
        } else {
            (*time_n)++;
        }
        return 0;
    }
    if (s[0] == '<') {
        char t[32];
        snprintf(t, sizeof t, "%s", s);
        squeeze(t);
        if (strcasecmp(t, "<TIME>") == 0) {
            *in_time = 1;
            *time_line = L->line;
            *time_n = 0;
        } else if (strncasecmp(t, "<SYNSET", 7) != 0 &&
                   strncasecmp(t, "</SYNSET", 8) != 0) {
            skip_line(L, "syntax", "unknown tag '%.40s' skipped", s);
        }
        return 0;
    }
    if (s[0] == '~') {
        skip_line(L, "ignored", "transformation '%.50s' not used: saksi's "
                  "coder reads reported and nested events itself", s);
        return 0;
    }
    if (s[0] == '&')
        return synset_open(L, s);
    if (member)
        return synset_member(L, s + 1);
    size_t n = strlen(s);
    if (n >= 6 && strncmp(s, "---", 3) == 0 && strcmp(s + n - 3, "---") == 0) {
        char *open = strchr(s, '['), *close = open ? strchr(open, ']') : NULL;
        vcode code;
        const char *why = NULL;
        if (!open || !close) {
            warn_at(L, L->line, "syntax", "block line without [code]: its "
                    "verbs read as [---]");
            return group_open(L, g, NULL);
        }
        *close = '\0';
        if (parse_vcode(open + 1, &code, &why)) {
            warn_at(L, L->line, "syntax", "block code: %s: its verbs read as "
                    "[---]", why);
            return group_open(L, g, NULL);
        }
        return group_open(L, g, &code);
    }
    if (s[0] == '-') {
        if (!g->open) {
            skip_line(L, "syntax", "pattern without a verb before it: skipped");
            return 0;
        }
        if (g->npats == g->cappats) {
            size_t cap = g->cappats ? g->cappats * 2 : 16;
            pline *v = lalloc(L, cap * sizeof *v);
            if (!v)
                return -1;
            if (g->npats)
                memcpy(v, g->pats, g->npats * sizeof *v);
            g->pats = v;
            g->cappats = cap;
        }
        g->pats[g->npats].line = L->line;
        const char *t = s + 1;
        if (!(g->pats[g->npats++].text = saksi_arena_strndup(&L->larena, t, strlen(t))))
            return -1;
        return 0;
    }
    if (s[0] == '{')
        return verb_line(L, g, s, 1);
    return verb_line(L, g, s, 0);
}

/* ---- options and projects ------------------------------------------------- */

static void options_line(loader *L, const char *s)
{
    if (strncasecmp(s, "LABEL", 5) == 0) {
        if (!L->labels++)
            L->labels_line = L->line;
        return;
    }
    warn_at(L, L->line, "ignored", "option not applied: '%.80s' (saksi's coder "
            "has no such setting)", s);
}

/* ---- files ---------------------------------------------------------------- */

static int load_text(loader *L, int kind, const char *name, const char *text,
                     size_t len);

static int read_whole(const char *path, char **out, size_t *len, char *err,
                      size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_FILE) {
                fclose(f);
                free(buf);
                snprintf(err, errlen, "%s: larger than %zu MB", path, MAX_FILE >> 20);
                return -1;
            }
            char *b = realloc(buf, cap * 2);
            if (!b) {
                fclose(f);
                free(buf);
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        snprintf(err, errlen, "%s: read error", path);
        return -1;
    }
    *out = buf;
    *len = n;
    return 0;
}

static int already_read(loader *L, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return 0;
    for (size_t i = 0; i < L->nseen; i++)
        if (strcmp(L->seen[i], real) == 0)
            return 1;
    char **v = realloc(L->seen, (L->nseen + 1) * sizeof *v);
    if (!v)
        return 0;
    L->seen = v;
    if ((v[L->nseen] = strdup(real)))
        L->nseen++;
    return 0;
}

static int load_path(loader *L, const char *path, int kind, int in_dir,
                     char *err, size_t errlen);

/* A TABARI project: "<actorsfile> NAME" and the like; files relative to
 * the project's directory. */
static int load_project(loader *L, const char *path, const char *text,
                        size_t len, char *err, size_t errlen)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1,
             slash ? path : ".");
    size_t ignored = 0, found = 0;
    unsigned long ignored_line = 0;
    char ignored_tags[160] = "";
    unsigned long line = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        line++;
        char buf[1024];
        size_t n = j - i < sizeof buf - 1 ? j - i : sizeof buf - 1;
        memcpy(buf, text + i, n);
        buf[n] = '\0';
        i = j + 1;
        char *s = buf;
        while (*s == ' ' || *s == '\t')
            s++;
        if (s[0] != '<')
            continue; /* the manual: other lines are comments */
        char *close = strchr(s, '>');
        if (!close)
            continue;
        char tag[3] = {0};
        tag[0] = (char)(s[1] | 0x20);
        tag[1] = (char)(s[2] | 0x20);
        int kind = strcmp(tag, "ac") == 0   ? PEER_TABARI_ACTORS
                   : strcmp(tag, "ve") == 0 ? PEER_TABARI_VERBS
                   : strcmp(tag, "ag") == 0 ? PEER_TABARI_AGENTS
                   : strcmp(tag, "op") == 0 ? PEER_TABARI_OPTIONS
                                            : PEER_UNKNOWN;
        if (!kind) {
            if (!ignored++)
                ignored_line = line;
            char t[24];
            snprintf(t, sizeof t, "%.*s", (int)strcspn(s + 1, " >"), s + 1);
            if (!strstr(ignored_tags, t) &&
                strlen(ignored_tags) + strlen(t) + 3 < sizeof ignored_tags) {
                if (ignored_tags[0])
                    strcat(ignored_tags, ", ");
                strcat(ignored_tags, t);
            }
            continue;
        }
        char *name = close + 1;
        while (*name == ' ' || *name == '\t')
            name++;
        size_t nl = strcspn(name, " \t\r");
        name[nl] = '\0';
        if (!nl) {
            L->file = path;
            L->line = line;
            skip_line(L, "syntax", "<%s…> names no file: skipped", tag);
            continue;
        }
        char full[PATH_MAX];
        if (snprintf(full, sizeof full, "%s/%s", name[0] == '/' ? "" : dir,
                     name) >= (int)sizeof full) {
            snprintf(err, errlen, "%s:%lu: path too long", path, line);
            return -1;
        }
        const char *use = name[0] == '/' ? name : full;
        int by_name = peers_kind_of(use, NULL, 0);
        if (by_name && by_name != PEER_PROJECT)
            kind = by_name;
        if (load_path(L, use, kind, 0, err, errlen)) {
            char tmp[512];
            snprintf(tmp, sizeof tmp, "%s", err);
            snprintf(err, errlen, "%s:%lu: %s", path, line, tmp);
            return -1;
        }
        found++;
    }
    L->file = path;
    if (ignored)
        warn_at(L, ignored_line, "ignored", "%zu lines naming TABARI's inputs, "
                "outputs and sessions not used (%s): saksi reads articles from "
                "its own inputs", ignored, ignored_tags);
    if (!found) {
        snprintf(err, errlen, "%s: names no dictionary (<actorsfile>, "
                 "<verbsfile>, <agentsfile>, <optionsfile>)", path);
        return -1;
    }
    return 0;
}

/* Reads one dictionary file's text of a known kind. */
static int load_text(loader *L, int kind, const char *name, const char *text,
                     size_t len)
{
    L->file = name;
    L->kind = kind;
    L->line = 0;
    L->nsyn = 0;
    L->in_synset = 0;
    L->nocodebook = 0;
    L->labels = 0;
    saksi_arena_reset(&L->farena);
    saksi_arena_reset(&L->larena);
    if (kind == PEER_PETR_ISSUES) {
        warn_at(L, 0, "ignored", "an issues list is not read: saksi codes no "
                "issues");
        return 0;
    }
    if (L->st)
        L->st->files++;
    agroup ag;
    vgroup vg;
    subst subs[16];
    size_t nsubs = 0;
    memset(&ag, 0, sizeof ag);
    memset(&vg, 0, sizeof vg);
    int in_xml = 0, section = 0, in_time = 0, rc = 0;
    unsigned long section_line = 0, time_line = 0;
    size_t section_n = 0, time_n = 0;
    int tabari = !is_petrarch(kind);
    for (size_t i = 0; i < len && !rc;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        L->line++;
        L->line_byte = (long long)i;
        size_t n = j - i;
        while (n && text[i + n - 1] == '\r')
            n--;
        if (decode_line(L, text + i, n))
            return -1;
        i = j + 1;
        char *raw = L->buf.data;
        if (raw[0] == '~' && raw[1] == '~')
            break; /* "~~FINISH": the end */
        if (tabari && raw[0] == '/')
            continue;
        int indented;
        char *s = clean_line(raw, &in_xml, &indented);
        if (!*s) {
            ag.sep = 1;
            continue;
        }
        switch (kind) {
        case PEER_TABARI_ACTORS:
        case PEER_PETR_ACTORS:
            rc = actor_line(L, &ag, s, indented, &section, &section_line,
                            &section_n);
            break;
        case PEER_TABARI_AGENTS:
        case PEER_PETR_AGENTS:
            rc = agent_line(L, s, subs, &nsubs);
            break;
        case PEER_PETR_DISCARDS:
            rc = discard_line(L, s);
            break;
        case PEER_TABARI_VERBS:
        case PEER_PETR_VERBS:
            rc = verbs_line(L, &vg, s, &in_time, &time_line, &time_n);
            break;
        case PEER_TABARI_OPTIONS:
            options_line(L, s);
            break;
        default:
            break;
        }
    }
    if (!rc)
        rc = actor_flush(L, &ag);
    if (!rc)
        rc = group_flush(L, &vg);
    if (rc)
        return -1;
    if (section)
        warn_at(L, section_line, "syntax", "<NOUN> or <ADJECTIVE> list not "
                "closed: %zu lines to the end not read", section_n);
    if (in_time)
        warn_at(L, time_line, "syntax", "<TIME> block not closed: %zu lines "
                "to the end not read", time_n);
    if (in_xml)
        warn_at(L, L->line, "syntax", "'<!--' comment not closed at the end "
                "of the file");
    if (L->labels)
        warn_at(L, L->labels_line, "ignored", "%zu LABEL: lines not used: "
                "saksi names codes from its own CAMEO codebook", L->labels);
    if (L->nocodebook)
        warn_at(L, L->nocodebook_line, "approximated",
                "%zu patterns have codes that are not in saksi's CAMEO "
                "codebook (first: %s): their events carry the code without a "
                "name, Goldstein score or quad class", L->nocodebook,
                L->nocodebook_code);
    return 0;
}

static int is_test_set(const char *base)
{
    return has_part(base, "Validate") || has_part(base, "Demo");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory: every dictionary file in it, the peers' test sets and
 * project files excepted (they are read when named). */
static int load_dir(loader *L, const char *path, char *err, size_t errlen)
{
    DIR *d = opendir(path);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **v = realloc(names, cap * sizeof *v);
            if (!v)
                break;
            names = v;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = 0, loaded = 0;
    char skipped[400] = "", other[400] = "";
    size_t nskipped = 0, nother = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        char full[PATH_MAX];
        struct stat st;
        if (snprintf(full, sizeof full, "%s%s%s", path,
                     path[strlen(path) - 1] == '/' ? "" : "/",
                     names[i]) >= (int)sizeof full ||
            stat(full, &st) || !S_ISREG(st.st_mode))
            continue;
        int kind = peers_kind_of(names[i], NULL, 0);
        if (!kind && ends_with(names[i], ".txt")) {
            char *head;
            size_t len;
            char e2[64];
            if (read_whole(full, &head, &len, e2, sizeof e2) == 0) {
                kind = peers_kind_of(names[i], head, len);
                free(head);
            }
        }
        char *list = other;
        size_t *count = &nother;
        if (kind && (kind == PEER_PROJECT || is_test_set(names[i]))) {
            list = skipped;
            count = &nskipped;
        } else if (kind) {
            rc = load_path(L, full, kind, 1, err, errlen);
            loaded++;
            continue;
        }
        if (strlen(list) + strlen(names[i]) + 3 < 400) {
            if (list[0])
                strcat(list, ", ");
            strcat(list, names[i]);
        }
        (*count)++;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (rc)
        return -1;
    L->file = path;
    if (nskipped)
        warn_at(L, 0, "skipped", "%zu test sets and project files not read "
                "(name them to read them): %s", nskipped, skipped);
    if (nother)
        warn_at(L, 0, "skipped", "%zu files that are no dictionaries not "
                "read: %s", nother, other);
    if (!loaded) {
        snprintf(err, errlen, "%s: no dictionary file in it (.actors, .verbs, "
                 ".agents, *.actors.txt, a verb file …)", path);
        return -1;
    }
    return 0;
}

static int load_path(loader *L, const char *path, int kind, int in_dir,
                     char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (in_dir)
            return 0;
        return load_dir(L, path, err, errlen);
    }
    if (already_read(L, path)) {
        L->file = path;
        warn_at(L, 0, "skipped", "named twice: read once");
        return 0;
    }
    char *text;
    size_t len;
    if (read_whole(path, &text, &len, err, errlen))
        return -1;
    if (!kind)
        kind = peers_kind_of(path, text, len);
    int rc = 0;
    if (!kind) {
        snprintf(err, errlen, "%s: not a dictionary saksi can read (TABARI "
                 ".project, .actors, .verbs, .agents, .options; PETRARCH "
                 "*.actors.txt, *.agents.txt, *.discards.txt, a verb file)",
                 path);
        rc = -1;
    } else if (kind == PEER_PROJECT) {
        rc = load_project(L, path, text, len, err, errlen);
    } else {
        /* the file's name lives as long as the model: rules point to it */
        char *name = strdup(path);
        if (!name) {
            free(text);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        rc = load_text(L, kind, name, text, len);
        if (rc)
            snprintf(err, errlen, "out of memory");
        free(name); /* rule_add keeps its own copy */
    }
    free(text);
    return rc;
}

/* ---- entry points --------------------------------------------------------- */

static void loader_init(loader *L, saksi_model *m, saksi_dict_warn_fn warn,
                        void *ctx, saksi_dict_stats *st)
{
    memset(L, 0, sizeof *L);
    L->m = m;
    L->warn = warn;
    L->ctx = ctx;
    L->st = st;
    saksi_arena_init(&L->farena, 64 * 1024);
    saksi_arena_init(&L->larena, 64 * 1024);
    saksi_buf_init(&L->buf);
}

static void loader_free(loader *L)
{
    saksi_worker_free(L->tok);
    saksi_arena_free(&L->farena);
    saksi_arena_free(&L->larena);
    saksi_buf_free(&L->buf);
    free(L->syn);
    for (size_t i = 0; i < L->nseen; i++)
        free(L->seen[i]);
    free(L->seen);
}

int peers_load(saksi_model *m, const char *const *paths, size_t n,
               saksi_dict_warn_fn warn, void *ctx, saksi_dict_stats *st,
               char *err, size_t errlen)
{
    saksi_dict_stats local;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    loader L;
    loader_init(&L, m, warn, ctx, st);
    size_t verbs0 = m->nverbs;
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        rc = load_path(&L, paths[i], 0, 0, err, errlen);
    if (!rc && !st->files) {
        snprintf(err, errlen, "no dictionary was read");
        rc = -1;
    }
    if (!rc) {
        L.file = n ? paths[0] : "";
        if (m->nverbs == verbs0)
            warn_at(&L, 0, "incomplete", "no verb dictionary among the "
                    "dictionaries: no event will be coded");
        else if (!st->actors)
            warn_at(&L, 0, "incomplete", "no actor dictionary among the "
                    "dictionaries: only agents and unknown names are actors");
    }
    loader_free(&L);
    return rc;
}

int peers_load_buffer(saksi_model *m, int kind, const char *name,
                      const char *text, size_t len, saksi_dict_warn_fn warn,
                      void *ctx, saksi_dict_stats *st, char *err,
                      size_t errlen)
{
    loader L;
    loader_init(&L, m, warn, ctx, st);
    int rc = 0;
    if (kind <= PEER_PROJECT || kind >= PEER_NKINDS) {
        snprintf(err, errlen, "%s: kind %d cannot be read from a buffer", name,
                 kind);
        rc = -1;
    } else if (load_text(&L, kind, name, text, len)) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
    }
    loader_free(&L);
    return rc;
}

saksi_model *peers_bare_model(void)
{
    saksi_model *m = calloc(1, sizeof *m);
    if (!m || !(m->data_dir = strdup(""))) {
        free(m);
        return NULL;
    }
    saksi_intern_init(&m->words, 0);
    saksi_intern_init(&m->strings, 0);
    phrase_init(&m->phrases);
    return m;
}
