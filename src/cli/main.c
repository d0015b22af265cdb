/*
 * main.c — the saksi command-line program: a thin shell over libsaksi.
 *
 *   saksi COMMAND [OPTIONS] [FILE…]
 *
 * Reads articles (JSON Lines or plain text) from the files or stdin, runs
 * each through the library (on N threads with -j N: jobs.c) and writes JSON
 * Lines to stdout in input order, flushed per article. Rejected input is
 * reported on stderr as file:line: message and processing continues.
 * Exit status: 0 all input accepted, 1 something was rejected (or could
 * not be written), 2 usage error or unusable data.
 */
#include "saksi.h"
#include "jobs.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef int (*writer_fn)(const saksi_doc *d, FILE *f);

/* Dictionary warnings shown per kind (all with --dict-warnings). */
enum { DICT_SHOWN = 3, DICT_KINDS = 16 };

typedef struct {
    const char *name;
    writer_fn write;
    const char *summary;
    const char *help;
} command;

static const command COMMANDS[] = {
    {"code", saksi_write_events, "code events (CAMEO) as JSON Lines",
     "Writes one JSON object per coded event (docs/output.md): article,\n"
     "sentence span, source and target (code, name, span, the dictionary\n"
     "rule), cameo with its name, quad class, Goldstein score and PLOVER\n"
     "type, mood (asserted, future, negated, hypothetical, historical),\n"
     "killed, injured, date, place, claimed_by, the trigger word, the\n"
     "verb pattern that fired (rule: data/verbs/id.tsv:LINE) and the\n"
     "sentence text.\n"},
    {"explain", saksi_write_explain, "why each event was coded (text)",
     "Prints, for each sentence: its tokens with roots, affixes and\n"
     "function-word markers; the actors with their codes and the dictionary\n"
     "lines they come from; times, quantities and places; and every event\n"
     "with the pattern that fired (data/verbs/…:LINE) and why it got its\n"
     "source, target, mood, claim and casualties. The tool for editing the\n"
     "dictionaries. Plain text, not JSON.\n"},
    {"places", saksi_write_places, "place mentions as JSON Lines",
     "Writes one JSON object per place mention:\n"
     "  {\"article\",\"sentence\",\"span\",\"name\",\"canonical\",\n"
     "   \"geonameid\",\"admin1\",\"country\",\"lat\",\"lon\",\"precision\"}\n"
     "country is ISO 3166 alpha-3; precision point, admin or country;\n"
     "unknown fields are null.\n"},
    {"sentences", saksi_write_sentences, "split articles into sentences",
     "Writes one JSON object per sentence:\n"
     "  {\"article\",\"sentence\",\"span\":[start,end],\"lang\",\"kind\",\n"
     "   \"paragraph\",\"text\"}\n"
     "span is the byte range of the sentence in the article text (end\n"
     "exclusive) and text exactly those bytes; lang is id, en or und; kind is\n"
     "body, headline or dateline.\n"},
    {"tokens", saksi_write_tokens, "split sentences into tokens",
     "Writes one JSON object per token:\n"
     "  {\"article\",\"sentence\",\"span\",\"text\",\"class\",\"norm\",\n"
     "   \"root\",\"affixes\",\"root_alt\",\"markers\"}\n"
     "class is word, capitalized, acronym, number, punctuation, quote or\n"
     "symbol; norm is the NFC, case-folded form the coder matches on. Words\n"
     "of Indonesian sentences have their root and affixes (\"menyerukan\":\n"
     "root \"seru\", affixes [\"meN-\",\"-kan\"]); lexicalized words also\n"
     "root_alt (\"pemerintah\": root_alt \"perintah\"). Function words have\n"
     "their markers (negation, future, reporting, ...).\n"},
    {"mentions", saksi_write_mentions, "quantities, times, function phrases",
     "Writes one JSON object per mention:\n"
     "  {\"article\",\"sentence\",\"span\",\"kind\",\"text\", ...}\n"
     "kind quantity: value (null when unknown), approx (a bound or an\n"
     "estimate: sekitar, at least, puluhan → 10);\n"
     "kind time: date resolved against the publication date (\"2022-08-05\",\n"
     "\"2022-08\", \"2022\", \"1990s\"; a week as its Monday), precision (day,\n"
     "week, month, year, decade), relative;\n"
     "kind marker: a function phrase of several words (kedua belah pihak)\n"
     "and its markers.\n"},
};

#define NCOMMANDS (sizeof COMMANDS / sizeof *COMMANDS)

static void usage_main(FILE *f)
{
    fprintf(f,
            "saksi %s — codes political events (CAMEO) from Indonesian and "
            "English news\n\n"
            "usage: saksi COMMAND [OPTIONS] [FILE...]\n"
            "       saksi --help | --version\n\n"
            "commands:\n",
            saksi_version());
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fprintf(f, "\n'saksi COMMAND --help' describes a command and its "
               "options.\n");
}

static void usage_command(const command *c, FILE *f)
{
    fprintf(f,
            "usage: saksi %s [OPTIONS] [FILE...]\n\n%s\n"
            "Input: each FILE ('-' or none: stdin) is JSON Lines (one article\n"
            "object a line: id, date, text required; lang, title, url, source\n"
            "optional) or one plain-text article; told apart by the first\n"
            "non-blank byte ('{' = JSON Lines) unless --format says.\n\n"
            "options:\n"
            "  --format auto|text|jsonl  input format (default auto)\n"
            "  --date YYYY-MM-DD  publication date of plain-text articles\n"
            "  --id ID            id of a plain-text article (default: the\n"
            "                     file name without extension; stdin: stdin)\n"
            "  --lang id|en       language of plain-text articles (default:\n"
            "                     detected)\n"
            "  --data DIR         data directory (default: $SAKSI_DATA, the\n"
            "                     data/ beside the program, or the installed\n"
            "                     share/saksi)\n"
            "  --dict PATH        code with TABARI or PETRARCH dictionaries\n"
            "                     instead of saksi's actors, agents and verbs:\n"
            "                     a .project file, dictionary files or a\n"
            "                     directory; repeat for several. What they\n"
            "                     loaded and a count of warnings go to stderr\n"
            "  --dict-warnings    list every dictionary warning (default: the\n"
            "                     first %d of each kind)\n"
            "  -j N               code articles on N threads (default 1; 0:\n"
            "                     one per processor); the output is the same\n"
            "                     as with one, in input order\n"
            "  -h, --help         this help\n\n"
            "Exit status: 0 all input accepted; 1 some input was rejected\n"
            "(each named on stderr as file:line: fault); 2 usage error or\n"
            "unusable data directory.\n",
            c->name, c->help, DICT_SHOWN);
}

static int is_dir_with(const char *dir, const char *file)
{
    char path[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path)
        return 0;
    return stat(path, &st) == 0;
}

/* The data directory: --data, $SAKSI_DATA, ../data beside the program (a
 * build tree), ../share/saksi beside it (an installation), else the
 * library's compiled-in default. */
static const char *find_data_dir(const char *opt, char *buf, size_t len)
{
    if (opt)
        return opt;
    const char *env = getenv("SAKSI_DATA");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"../data", "../share/saksi"};
            for (size_t i = 0; i < 2; i++) {
                int k = snprintf(buf, len, "%s/%s", exe, rel[i]);
                if (k > 0 && (size_t)k < len &&
                    is_dir_with(buf, "text/abbreviations.tsv"))
                    return buf;
            }
        }
    }
    return NULL;
}

static int parse_format(const char *s, saksi_format *out)
{
    if (strcmp(s, "auto") == 0)
        *out = SAKSI_FORMAT_AUTO;
    else if (strcmp(s, "text") == 0)
        *out = SAKSI_FORMAT_TEXT;
    else if (strcmp(s, "jsonl") == 0)
        *out = SAKSI_FORMAT_JSONL;
    else
        return -1;
    return 0;
}

/* -j N: 1 to JOBS_MAX threads; 0 means one per online processor. */
static int parse_threads(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (end == s || *end || errno || n < 0 || n > JOBS_MAX)
        return -1;
    if (n == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus < 1 ? 1 : cpus > JOBS_MAX ? JOBS_MAX : cpus;
    }
    *out = (unsigned)n;
    return 0;
}

static void report(const saksi_diag *d)
{
    if (d->line)
        fprintf(stderr, "saksi: %s:%lu: %s\n", d->file, d->line, d->message);
    else
        fprintf(stderr, "saksi: %s: %s\n", d->file, d->message);
}

/* Warnings of the peers' dictionary readers: the first DICT_SHOWN of each
 * kind are printed (all with --dict-warnings), the rest counted. */
typedef struct {
    int all;
    size_t nkinds;
    char kind[DICT_KINDS][24];
    size_t count[DICT_KINDS];
} dict_report;

static void dict_warning(void *ctx, const saksi_diag *w, const char *kind)
{
    dict_report *r = ctx;
    size_t k = 0;
    while (k < r->nkinds && strcmp(r->kind[k], kind) != 0)
        k++;
    if (k == r->nkinds && k < DICT_KINDS) {
        snprintf(r->kind[k], sizeof r->kind[k], "%s", kind);
        r->nkinds++;
    }
    if (k < DICT_KINDS && r->count[k]++ >= DICT_SHOWN && !r->all)
        return;
    char at[64] = "";
    if (w->byte >= 0)
        snprintf(at, sizeof at, " (byte %lld)", w->byte);
    if (w->line)
        fprintf(stderr, "saksi: %s:%lu%s: %s [%s]\n", w->file, w->line, at,
                w->message, kind);
    else
        fprintf(stderr, "saksi: %s: %s [%s]\n", w->file, w->message, kind);
}

static void dict_summary(const dict_report *r, const saksi_dict_stats *s)
{
    for (size_t k = 0; k < r->nkinds && !r->all; k++)
        if (r->count[k] > DICT_SHOWN)
            fprintf(stderr, "saksi: … and %zu more '%s' warnings "
                            "(--dict-warnings lists them)\n",
                    r->count[k] - DICT_SHOWN, r->kind[k]);
    fprintf(stderr,
            "saksi: dictionaries: %zu files: loaded %zu actors (%zu codes), "
            "%zu verb patterns (%zu verbs, %zu pattern lines; %zu matched from "
            "the verb on), %zu agents, %zu discards, %zu synsets; %zu lines "
            "skipped; %zu warnings\n",
            s->files, s->actors, s->actor_codes, s->verb_patterns, s->verbs,
            s->patterns, s->pre_verb, s->agents, s->discards, s->synsets,
            s->skipped, s->warnings);
}

static int run(const command *c, int argc, char **argv)
{
    enum { OPT_FORMAT = 256, OPT_DATE, OPT_ID, OPT_LANG, OPT_DATA, OPT_DICT,
           OPT_DICT_WARNINGS };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"date", required_argument, NULL, OPT_DATE},
        {"id", required_argument, NULL, OPT_ID},
        {"lang", required_argument, NULL, OPT_LANG},
        {"data", required_argument, NULL, OPT_DATA},
        {"dict", required_argument, NULL, OPT_DICT},
        {"dict-warnings", no_argument, NULL, OPT_DICT_WARNINGS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    saksi_reader_options ro = {SAKSI_FORMAT_AUTO, NULL, NULL, NULL};
    const char *data_opt = NULL;
    const char *dicts[64]; /* --dict paths */
    size_t ndicts = 0;
    dict_report rep;
    memset(&rep, 0, sizeof rep);
    unsigned threads = 1;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
        switch (ch) {
        case OPT_FORMAT:
            if (parse_format(optarg, &ro.format)) {
                fprintf(stderr, "saksi: --format must be auto, text or "
                                "jsonl, not '%s'\n", optarg);
                return 2;
            }
            break;
        case OPT_DATE:
            ro.date = optarg;
            if (saksi_parse_date(optarg, NULL, NULL, NULL)) {
                fprintf(stderr, "saksi: --date must be a valid YYYY-MM-DD "
                                "date, not '%s'\n", optarg);
                return 2;
            }
            break;
        case OPT_ID:
            ro.id = optarg;
            break;
        case OPT_LANG:
            ro.lang = optarg;
            break;
        case OPT_DATA:
            data_opt = optarg;
            break;
        case OPT_DICT:
            if (ndicts == sizeof dicts / sizeof *dicts) {
                fprintf(stderr, "saksi: more than %zu --dict paths\n", ndicts);
                return 2;
            }
            dicts[ndicts++] = optarg;
            break;
        case OPT_DICT_WARNINGS:
            rep.all = 1;
            break;
        case 'j':
            if (parse_threads(optarg, &threads)) {
                fprintf(stderr, "saksi: -j must be a number of threads from "
                                "0 to %d, not '%s'\n", JOBS_MAX, optarg);
                return 2;
            }
            break;
        case 'h':
            usage_command(c, stdout);
            return 0;
        default:
            fprintf(stderr, "saksi: try 'saksi %s --help'\n", c->name);
            return 2;
        }
    }
    size_t nfiles = (size_t)(argc - optind);
    if (ro.id && nfiles > 1) {
        fprintf(stderr, "saksi: --id names one plain-text article; %zu "
                        "files were given\n", nfiles);
        return 2;
    }
    char buf[PATH_MAX];
    const char *dir = find_data_dir(data_opt, buf, sizeof buf);
    char err[1024];
    saksi_dict_stats ds;
    saksi_model *m = saksi_model_open_dicts(dir, dicts, ndicts, dict_warning,
                                            &rep, &ds, err, sizeof err);
    if (!m) {
        fprintf(stderr, "saksi: %s\n", err);
        return 2;
    }
    if (ndicts)
        dict_summary(&rep, &ds);
    saksi_reader *r =
        saksi_reader_new((const char *const *)argv + optind, nfiles, &ro);
    if (!r) {
        fprintf(stderr, "saksi: out of memory\n");
        saksi_model_close(m);
        return 2;
    }
    int status = jobs_run(m, r, c->write, report, stdout, threads);
    saksi_reader_free(r);
    saksi_model_close(m);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage_main(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("saksi %s\n", saksi_version());
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0)
            return run(&COMMANDS[i], argc - 1, argv + 1);
    fprintf(stderr, "saksi: unknown command '%s'\n", argv[1]);
    usage_main(stderr);
    return 2;
}
