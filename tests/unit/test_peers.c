/*
 * test_peers.c — the readers of TABARI's and PETRARCH's dictionaries
 * (src/dict/peers.c), one syntax at a time, on small examples written for
 * these tests (never the peers' own files, which stay in ../shared).
 *
 * Each test reads a few lines into an empty model and looks at what they
 * became: actor and agent phrases with their codes and dates, discard
 * words, verb patterns written head first ("abandon ... effort"), the
 * pattern as the peer wrote it (peers_pattern), and the warnings — every
 * syntax that is not taken as written must be reported with its line.
 */
#include "support.h"
#include "dict/peers.h"
#include "core/hash.h"
#include "core/date.h"
#include "dict/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

/* Warnings as "LINE kind: message" lines. */
typedef struct {
    char text[32768];
    size_t len;
    size_t count;
    long long byte; /* the last warning's byte */
} warnings;

static void collect(void *ctx, const saksi_diag *w, const char *kind)
{
    warnings *ws = ctx;
    char at[32] = "";
    if (w->byte >= 0)
        snprintf(at, sizeof at, " @%lld", w->byte);
    int k = snprintf(ws->text + ws->len, sizeof ws->text - ws->len,
                     "%lu %s: %s%s\n", w->line, kind, w->message, at);
    if (k > 0 && ws->len + (size_t)k < sizeof ws->text)
        ws->len += (size_t)k;
    ws->count++;
    ws->byte = w->byte;
}

static saksi_model *model;
static warnings ws;
static saksi_dict_stats st;

/* Reads `text` as a file of `kind` into a fresh empty model. */
static void load(int kind, const char *text)
{
    saksi_model_close(model);
    model = peers_bare_model();
    assert_non_null(model);
    memset(&ws, 0, sizeof ws);
    memset(&st, 0, sizeof st);
    char err[256];
    assert_int_equal(peers_load_buffer(model, kind, "test.dict", text,
                                       strlen(text), collect, &ws, &st, err,
                                       sizeof err),
                     0);
}

static int has_warning(const char *needle)
{
    return strstr(ws.text, needle) != NULL;
}

#define assert_warned(s)                                                    \
    do {                                                                    \
        if (!has_warning(s)) {                                              \
            fprintf(stderr, "warnings:\n%s", ws.text);                     \
            fail_msg("no warning with '%s'", s);                            \
        }                                                                   \
    } while (0)

static uint32_t word_id(const char *w)
{
    char low[128];
    size_t n = strlen(w);
    for (size_t i = 0; i <= n && i < sizeof low; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    return saksi_intern_find(&model->words, low, n, saksi_hash(low, n));
}

/* The trie node of a phrase ("abandon new"): its first value, 0 none. */
static uint32_t node_of(const char *phrase)
{
    saksi_token toks[16];
    size_t n = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && n < 16;
         w = strtok_r(NULL, " ", &save)) {
        uint32_t id = word_id(w);
        if (id == SAKSI_NO_WORD)
            return 0;
        memset(&toks[n], 0, sizeof toks[n]);
        toks[n].word = toks[n].root = toks[n].base = id;
        toks[n].root_alt = SAKSI_NO_ROOT;
        toks[n].norm = w;
        toks[n].norm_len = strlen(w);
        n++;
    }
    phrase_hit hits[16];
    size_t nh = phrase_match(&model->phrases, toks, 0, n, hits, 16, PM_STRICT);
    for (size_t h = 0; h < nh; h++)
        if (hits[h].len == n)
            return hits[h].val;
    return 0;
}

static const char *word_str(uint32_t id)
{
    const char *s = saksi_intern_str(&model->words, id, NULL);
    return s ? s : "?";
}

static void day_str(int32_t d, char *out, size_t n)
{
    if (d == INT32_MIN || d == INT32_MAX) {
        snprintf(out, n, "-");
        return;
    }
    int y, m, dd;
    saksi_civil_from_days(d, &y, &m, &dd);
    snprintf(out, n, "%04d-%02d-%02d", y, m, dd);
}

/* The actor codes of a phrase: "HOB -..1995-06-01; HOBGOV 1995-06-01..-". */
static const char *actors_of(const char *phrase)
{
    static char out[1024];
    out[0] = '\0';
    for (uint32_t k = node_of(phrase); k; k = model->phrases.vals[k].next) {
        const phrase_val *v = &model->phrases.vals[k];
        if (v->table != PT_ACTOR)
            continue;
        char a[16], b[16];
        day_str(v->from, a, sizeof a);
        day_str(v->to, b, sizeof b);
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s %s..%s", n ? "; " : "",
                 saksi_model_str(model, v->str), a, b);
    }
    return out;
}

/* The agent codes of a phrase: "GOVPRS" (after the actor's code) or
 * "NGO~" (before it). */
static const char *agents_of(const char *phrase)
{
    static char out[256];
    out[0] = '\0';
    for (uint32_t k = node_of(phrase); k; k = model->phrases.vals[k].next) {
        const phrase_val *v = &model->phrases.vals[k];
        if (v->table != PT_AGENT)
            continue;
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s%s", n ? "; " : "",
                 saksi_model_str(model, v->str),
                 v->kind == PEER_AGENT_PREFIX ? "~" : "");
    }
    return out;
}

static int is_discard(const char *phrase)
{
    for (uint32_t k = node_of(phrase); k; k = model->phrases.vals[k].next)
        if (model->phrases.vals[k].table == PT_MARKER &&
            model->phrases.vals[k].ival == (int32_t)SAKSI_MARK_DISCARD)
            return 1;
    return 0;
}

static int is_lemma(const char *w)
{
    uint32_t id = word_id(w);
    return id != SAKSI_NO_WORD && (model->wflags2[id] & WF2_EN_LEMMA);
}

static const char *el_str(uint32_t id)
{
    switch (id) {
    case VERB_GAP:
        return "...";
    case PEER_EL_VERB:
        return "*";
    case PEER_EL_SOURCE:
        return "$";
    case PEER_EL_TARGET:
        return "+";
    case PEER_EL_BOTH:
        return "%";
    case PEER_EL_SKIP:
        return "^";
    default:
        return word_str(id);
    }
}

/* The verb patterns whose head is `head`, one a line:
 * "CODE: head rest... {record} flags". */
static const char *verbs_of(const char *head)
{
    static char out[8192];
    out[0] = '\0';
    for (uint32_t k = node_of(head); k; k = model->phrases.vals[k].next) {
        const phrase_val *v = &model->phrases.vals[k];
        if (v->table != PT_VERB)
            continue;
        const verb_pattern *vp = &model->verbs[v->ival];
        size_t n = strlen(out);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s:",
                              saksi_model_str(model, vp->cameo));
        for (uint16_t e = 0; e < vp->nelem; e++) {
            const phrase_word *w = &model->velems[vp->elem + e];
            /* the head is the form's own words (shared patterns keep the
             * first form's): print the trie's */
            const char *s = e < vp->nhead ? NULL : el_str(w->id);
            if (!s) {
                char tmp[256];
                snprintf(tmp, sizeof tmp, "%s", head);
                char *save = NULL, *t = strtok_r(tmp, " ", &save);
                for (uint16_t q = 0; q < e && t; q++)
                    t = strtok_r(NULL, " ", &save);
                s = t ? word_str(word_id(t)) : word_str(w->id);
            }
            n += (size_t)snprintf(out + n, sizeof out - n, " %s", s);
        }
        peer_pattern pp;
        if (peers_pattern(model, (uint32_t)v->ival, &pp)) {
            n += (size_t)snprintf(out + n, sizeof out - n, " {");
            for (size_t i = 0; i < pp.n; i++)
                n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
                                      i ? " " : "", el_str(pp.elems[i].id));
            n += (size_t)snprintf(out + n, sizeof out - n, "}");
            if (pp.reverse != SAKSI_NO_WORD)
                n += (size_t)snprintf(out + n, sizeof out - n, " :%s",
                                      saksi_model_str(model, pp.reverse));
            static const char *const F[] = {"paired", "reverse-only",
                                            "subordinate", "dominant", "pre",
                                            "source", "target", "both", "skip"};
            for (int f = 0; f < 9; f++)
                if (pp.flags & (1u << f))
                    n += (size_t)snprintf(out + n, sizeof out - n, " %s", F[f]);
        }
        snprintf(out + n, sizeof out - n, "\n");
    }
    return out;
}

#define assert_has(hay, needle)                                             \
    do {                                                                    \
        const char *h_ = (hay);                                             \
        if (!strstr(h_, needle))                                            \
            fail_msg("'%s' not in:\n%s", needle, h_);                       \
    } while (0)

#define assert_hasnt(hay, needle)                                           \
    do {                                                                    \
        const char *h_ = (hay);                                             \
        if (strstr(h_, needle))                                             \
            fail_msg("'%s' unexpectedly in:\n%s", needle, h_);              \
    } while (0)

/* ---- kinds ---------------------------------------------------------------- */

static void kinds(void **state)
{
    (void)state;
    assert_int_equal(peers_kind_of("x/My.project", NULL, 0), PEER_PROJECT);
    assert_int_equal(peers_kind_of("Hobbit.actors", NULL, 0), PEER_TABARI_ACTORS);
    assert_int_equal(peers_kind_of("a/b.verbs", NULL, 0), PEER_TABARI_VERBS);
    assert_int_equal(peers_kind_of("b.agents", NULL, 0), PEER_TABARI_AGENTS);
    assert_int_equal(peers_kind_of("b.options", NULL, 0), PEER_TABARI_OPTIONS);
    assert_int_equal(peers_kind_of("Shire.Towns.actors.txt", NULL, 0),
                     PEER_PETR_ACTORS);
    assert_int_equal(peers_kind_of("Shire.agents.txt", NULL, 0), PEER_PETR_AGENTS);
    assert_int_equal(peers_kind_of("Shire.discards.txt", NULL, 0),
                     PEER_PETR_DISCARDS);
    assert_int_equal(peers_kind_of("Shire.verbs.txt", NULL, 0), PEER_PETR_VERBS);
    const char *verbs = "# a comment\n&SET\n+A\n\n---  WALK   [---]  ---\nWALK\n";
    assert_int_equal(peers_kind_of("WALK.1.0.txt", verbs, strlen(verbs)),
                     PEER_PETR_VERBS);
    const char *proj = "a project\n<actorsfile> x.actors\n";
    assert_int_equal(peers_kind_of("noext", proj, strlen(proj)), PEER_PROJECT);
    assert_int_equal(peers_kind_of("README.md", "# hello\n", 8), PEER_UNKNOWN);
}

/* ---- TABARI actors ------------------------------------------------------ */

static void tabari_actors(void **state)
{
    (void)state;
    load(PEER_TABARI_ACTORS,
         "<NOUN>\n"
         "PEBBLES  ;rk 1 May 2001\n"
         "STONES_\n"
         "</NOUN>\n"
         "<ADJECTIVE>\n"
         "DUSTY\n"
         "</ADJECTIVE>\n"
         "KESTRELAND  [KST] ;rk 2 May 2001\n"
         "MARNOR [MRN]\n"
         "RIVERTOWN_  [KSTGOV]\n"
         "OWL=  [OWL]\n"
         "BARNABY\n"
         "+BARNY_\n"
         "\t[KST <950601]\n"
         "\t[KSTGOV 950601 - 991231]\n"
         "\t[KSTREB > 20000101]\n"
         "\n"
         "HILL_FOLK  [HLL/DAL]\n"
         "TOAD_KING  [TDK 850101-891231]\n"
         "SWAMP_GAMES [###]\n"
         "OLD_MILL  [MIL <900101] [###]\n"
         "GREAT HALL  [GHL]\n"
         "#COMMENTED  [XXX]\n"
         "/SLASHED  [YYY]\n"
         "MISSING_CODE\n"
         "\n"
         "BADDATE  [ABC 9901-990101]\n"
         "NOCODE_ [ 990101-991231]\n"
         "~~FINISH 12:00\n"
         "AFTER_END  [AFT]\n");
    /* a name and its stem endings (TABARI stems: "MARNOR" also Marnorian) */
    assert_string_equal(actors_of("kestreland"), "KST -..-");
    assert_string_equal(actors_of("marnor"), "MRN -..-");
    assert_string_equal(actors_of("marnorian"), "MRN -..-");
    assert_string_equal(actors_of("marnori"), "MRN -..-");
    assert_true(is_lemma("marnor")); /* Marnors, Marnor's */
    /* "_": a whole word, no stem endings; regular endings still */
    assert_string_equal(actors_of("rivertown"), "KSTGOV -..-");
    assert_string_equal(actors_of("rivertownian"), "");
    assert_true(is_lemma("rivertown"));
    /* "=": no endings at all */
    assert_string_equal(actors_of("owl"), "OWL -..-");
    assert_false(is_lemma("owl"));
    /* synonyms and dated codes on lines of their own; the limits hold */
    const char *b = "KST -..1995-06-01; KSTGOV 1995-06-01..1999-12-31; "
                    "KSTREB 2000-01-01..-; --- -..-";
    assert_string_equal(actors_of("barnaby"), b);
    assert_string_equal(actors_of("barny"), b);
    /* a coded compound stays one code */
    assert_string_equal(actors_of("hill folk"), "HLL/DAL -..-");
    /* only dated codes: none holds → the null code */
    assert_string_equal(actors_of("toad king"), "TDK 1985-01-01..1989-12-31; --- -..-");
    /* an undated discard code: a discard phrase, not an actor */
    assert_string_equal(actors_of("swamp games"), "");
    assert_true(is_discard("swamp games"));
    /* a dated discard stays a code of the actor */
    assert_string_equal(actors_of("old mill"), "MIL -..1990-01-01; ### -..-");
    /* a blank is read as '_', and said so */
    assert_string_equal(actors_of("great hall"), "GHL -..-");
    assert_warned("22 approximated: 'GREAT HALL': the blank");
    /* comments, the end mark, nouns and adjectives */
    assert_string_equal(actors_of("commented"), "");
    assert_string_equal(actors_of("slashed"), "");
    assert_string_equal(actors_of("after end"), "");
    assert_string_equal(actors_of("pebbles"), "");
    assert_warned("1 ignored: 2 words of a <NOUN> list not used");
    assert_warned("5 ignored: 1 words of a <ADJECTIVE> list not used");
    /* malformed lines: reported, skipped, the rest loaded */
    assert_warned("25 syntax: actor 'MISSING_CODE' has no code: skipped");
    assert_warned("27 syntax: code block [ABC 9901-990101] skipped");
    assert_warned("27 syntax: actor 'BADDATE' has no code");
    assert_warned("28 syntax: code block [ 990101-991231] skipped: no code");
    assert_int_equal(st.actors, 10);
}

/* Dates: YYMMDD with 00–30 in this century, YYYYMMDD; Phoenix layout. */
static void petrarch_actors(void **state)
{
    (void)state;
    load(PEER_PETR_ACTORS,
         "<!-- a comment\n"
         "   over two lines -->\n"
         "# TEST ACTORS\n"
         "KESTRELAND_  [KST]\n"
         "+KESTRELANDER_\n"
         "+CAPITAL_CITY_ # the seat\n"
         "\n"
         "ANNA_BELL_  # a person\n"
         "+PRESIDENT_BELL_\n"
         "\t[KSTELI 19700101-050630]\n"
         "\t[KSTGOV >050701]\n"
         "\t[KSTELI]\n"
         "TOM_TIT_\n"
         "PRIME_MINISTER_TIT\n"
         "\t[KSTGOV 20010101-20051231]\n"
         "GROUP_(GRP)_\t[KSTREB]\t# armed\n"
         "STRAY_TEXT_ [KSTOPP] something else\n"
         "U.S._MARSHALS_ [USACOP]\n"
         "AL-NAHR_ [KSTREB]\n"
         "SLIM_ [pse]\n");
    assert_string_equal(actors_of("kestreland"), "KST -..-");
    assert_string_equal(actors_of("kestrelander"), "KST -..-");
    assert_string_equal(actors_of("capital city"), "KST -..-");
    /* PETRARCH words are whole words: no stem endings */
    assert_string_equal(actors_of("kestrelandian"), "");
    assert_string_equal(actors_of("president bell"),
                        "KSTELI 1970-01-01..2005-06-30; KSTGOV 2005-07-01..-; "
                        "KSTELI -..-");
    /* names one under another, then the codes: one actor */
    assert_string_equal(actors_of("tom tit"), "KSTGOV 2001-01-01..2005-12-31; --- -..-");
    assert_string_equal(actors_of("prime minister tit"),
                        "KSTGOV 2001-01-01..2005-12-31; --- -..-");
    assert_warned("13 approximated: 'TOM_TIT_' has no code");
    /* words split as saksi splits text: "(GRP)" is three tokens, "U.S."
     * one, "AL-NAHR" one and, as the peers read it, two */
    assert_string_equal(actors_of("group ( grp )"), "KSTREB -..-");
    assert_string_equal(actors_of("u.s. marshals"), "USACOP -..-");
    assert_string_equal(actors_of("al-nahr"), "KSTREB -..-");
    assert_string_equal(actors_of("al nahr"), "KSTREB -..-");
    /* text after the code: reported, the entry kept */
    assert_string_equal(actors_of("stray text"), "KSTOPP -..-");
    assert_warned("17 syntax: text after the code ignored: 'something else'");
    /* codes are upper-cased */
    assert_string_equal(actors_of("slim"), "PSE -..-");
    assert_int_equal(ws.count, 2);
}

/* Bytes that are not UTF-8: read as Latin-1 / Windows-1252, reported with
 * the byte offset in the file; NUL bytes become blanks; CRLF is fine. */
static void encodings(void **state)
{
    (void)state;
    const char text[] = "FIRST  [FST]\r\n"
                        "CAF\xc9_ROUGE  [CAF]\r\n"
                        "M\xc3\xbcNSTER_ [MUN]\r\n"
                        "QUOTED_\x93X\x94  [QTX]\r\n"
                        "NUL\0BYTE [NUL]\r\n";
    saksi_model_close(model);
    model = peers_bare_model();
    memset(&ws, 0, sizeof ws);
    char err[128];
    assert_int_equal(peers_load_buffer(model, PEER_TABARI_ACTORS, "enc.actors",
                                       text, sizeof text - 1, collect, &ws,
                                       &st, err, sizeof err),
                     0);
    assert_string_equal(actors_of("first"), "FST -..-");
    assert_string_equal(actors_of("caf\xc3\xa9 rouge"), "CAF -..-");
    assert_string_equal(actors_of("m\xc3\xbcnster"), "MUN -..-");
    assert_warned("2 encoding: 1 byte not UTF-8, read as Latin-1");
    assert_warned("4 encoding: 2 bytes not UTF-8");
    assert_warned("5 encoding: NUL bytes read as blanks");
    assert_hasnt(ws.text, "3 encoding"); /* valid UTF-8 */
    assert_string_equal(actors_of("nul byte"), "NUL -..-");
    /* offsets in the file: lines of 14, 19, 17 and 19 bytes before */
    assert_warned("2 encoding: 1 byte not UTF-8, read as Latin-1 "
                  "(Windows-1252) @17");
    assert_warned("4 encoding: 2 bytes not UTF-8, read as Latin-1 "
                  "(Windows-1252) @57");
    assert_warned("NUL bytes read as blanks @72");
}

/* ---- agents --------------------------------------------------------------- */

static void tabari_agents(void **state)
{
    (void)state;
    load(PEER_TABARI_AGENTS,
         "CHIEF_WARDEN_  [ ~GOVWRD] ;rk 3 May 2001\n"
         "RIVER_GUARD_   [  ~MIL]\n"
         "WELL_WISHERS_  [ NGM~]\n"
         "DRUMMER_ [DRM]\n"
         "BROKEN_LINE_ [~GOV\n"
         "ODD_ONE_ [~G-V]\n");
    assert_string_equal(agents_of("chief warden"), "GOVWRD");
    assert_string_equal(agents_of("river guard"), "MIL");
    assert_true(is_lemma("guard")); /* guards */
    assert_string_equal(agents_of("well wishers"), "NGM~");
    assert_false(is_lemma("wishers"));
    assert_string_equal(agents_of("drummer"), "DRM");
    assert_warned("4 syntax: agent code [DRM] has no '~'");
    assert_warned("5 syntax: malformed code");
    assert_warned("6 syntax: agent code [~G-V] is not letters and digits");
    assert_int_equal(st.agents, 4);
    assert_int_equal(st.skipped, 2);
}

static void petrarch_agents(void **state)
{
    (void)state;
    load(PEER_PETR_AGENTS,
         "<!-- TEST AGENTS -->\n"
         "!FOLK! = MAN, MEN, WOMAN\n"
         "\n"
         "FERRY!FOLK! [~TRN] # ferrymen and so on\n"
         "TAX_COLLECTOR {TAX_COLLECTORS_GENERAL} [~GOV]\n"
         "TOWN_POLICE {} [~COP]\n"
         "HARBOUR MASTER [~GOV]\n"
         "BELL_RINGER [~REL}\n"
         "!NOPE!_KEEPER [~GOV]\n");
    assert_string_equal(agents_of("ferryman"), "TRN");
    assert_string_equal(agents_of("ferrymen"), "TRN");
    assert_string_equal(agents_of("ferrywoman"), "TRN");
    assert_string_equal(agents_of("tax collector"), "GOV");
    assert_string_equal(agents_of("tax collectors general"), "GOV");
    assert_false(is_lemma("collector")); /* the plural is given */
    assert_string_equal(agents_of("town police"), "COP");
    assert_false(is_lemma("police")); /* "{}": no plural */
    assert_string_equal(agents_of("harbour master"), "GOV");
    assert_true(is_lemma("master")); /* harbour masters */
    assert_warned("7 approximated: 'HARBOUR MASTER': the blank");
    assert_string_equal(agents_of("bell ringer"), "REL");
    assert_warned("9 syntax: unknown substitution marker");
}

/* ---- discards --------------------------------------------------------- */

static void discards(void **state)
{
    (void)state;
    /* a discard word of saksi's own, as data/lang/markers.tsv gives it */
    saksi_model_close(model);
    model = peers_bare_model();
    phrase_word w = {0, 0};
    w.id = model_word(model, "derby", 5);
    phrase_val v;
    memset(&v, 0, sizeof v);
    v.table = PT_MARKER;
    v.ival = (int32_t)SAKSI_MARK_DISCARD;
    assert_int_equal(phrase_add(&model->phrases, &w, 1, &v), 0);
    model->wflags[w.id] |= WF_PH_MARKER;
    assert_true(is_discard("derby"));
    memset(&ws, 0, sizeof ws);
    memset(&st, 0, sizeof st);
    const char *text = "# sport\n"
                       "CHESS TOURNAMENT\n"
                       "+ROWING REGATTA   # story\n"
                       "PENALTY_\n"
                       "1815\n"
                       "TROPHY\n";
    char err[128];
    assert_int_equal(peers_load_buffer(model, PEER_PETR_DISCARDS, "d.txt", text,
                                       strlen(text), collect, &ws, &st, err,
                                       sizeof err),
                     0);
    assert_true(is_discard("chess tournament"));
    assert_true(is_discard("chess tournaments"));
    assert_true(is_discard("rowing regatta"));
    assert_warned("3 approximated: story discard '+ROWING REGATTA'");
    assert_true(is_discard("penalty"));
    assert_false(is_discard("penalties")); /* '_': exact */
    assert_true(is_discard("1815"));
    assert_true(is_discard("trophies"));
    /* the peers' discards replace saksi's */
    assert_false(is_discard("derby"));
    assert_int_equal(st.discards, 5);
}

/* ---- TABARI verbs --------------------------------------------------- */

static void tabari_verbs(void **state)
{
    (void)state;
    load(PEER_TABARI_VERBS,
         "<SYNSETS>\n"
         "&TIES\n"
         "+TRADE\n"
         "+POSTAL_SERVICE\n"
         "&BIGTIES\n"
         "+&TIES_LINKS\n"
         "</SYNSETS>\n"
         "<TIME>\n"
         "THE_DAY_BEFORE [-1]\n"
         "NEXT_MOON [+28]\n"
         "</TIME>\n"
         "FORSAKE  [345] ;rk 4 May 2001\n"
         "{ FORSOOK_ FORSAKEN_ }\n"
         "- * NEW_&TIES_TREATY [903]\n"
         "- * EFFORT  [987]\n"
         "- SAID_+ MUST * CLAIM  [100]\n"
         "- % * EACH_OTHER  [112:112]\n"
         "- + WAS_* BY_ $  [181?]\n"
         "- * { GOLD | SILVER_COINS } ^ TO +  [071]\n"
         "- IN_*  [075]\n"
         "- IN_ *  [075A]\n"
         "- IN *  [072]\n"
         "- * &BIGTIES  [904]\n"
         "- * FIRE~ PLAN  [031!]\n"
         "- * (NOT  [000]\n"
         "- * TWO * STARS  [001]\n"
         "- * LOOSE_END\n"
         "- * &NOSUCH  [002]\n"
         "- *_ASIDE  [:173]\n"
         "GALLOP= [191]\n"
         "TROT  [---]\n"
         "~~FINISH\n"
         "CANTER [111]\n");
    const char *f = verbs_of("forsake");
    /* the verb alone, with the root's code */
    assert_has(f, "345: forsake {*}\n");
    /* '_' keeps words together, a blank lets others come between;
     * synsets are expanded */
    assert_has(f, "903: forsake ... new trade treaty {* ... new trade treaty}\n");
    assert_has(f, "903: forsake ... new postal service treaty "
                  "{* ... new postal service treaty}\n");
    assert_has(f, "987: forsake ... effort {* ... effort}\n");
    /* words before the verb: recorded, not matched (head first) */
    assert_has(f, "100: forsake ... claim {said + ... must ... * ... claim} pre "
                  "target\n");
    /* markers are recorded; the paired code too */
    assert_has(f, "112: forsake ... each other {% ... * ... each other} :112 "
                  "paired both\n");
    assert_has(f, "181: forsake ... by {+ ... was * ... by ... $} subordinate "
                  "pre source target\n");
    /* alternatives, and a skipped actor */
    assert_has(f, "071: forsake ... gold ... to {* ... gold ... ^ ... to ... +} "
                  "target skip\n");
    assert_has(f, "071: forsake ... silver coins ... to");
    /* "IN_*", "IN_ *", "IN *": all the verb alone for the coder */
    assert_has(f, "075: forsake {in *} pre\n");
    assert_has(f, "075A: forsake {in ... *} pre\n");
    assert_has(f, "072: forsake {in ... *} pre\n");
    /* a synset of synsets */
    assert_has(f, "904: forsake ... trade links {* ... trade links}\n");
    /* "FIRE~ PLAN": fire (a stem) right before plan */
    assert_has(f, "031: forsake ... fire plan {* ... fire plan} dominant\n");
    assert_true(is_lemma("fire"));
    /* [:173]: only the reversed event; "*_ASIDE": a head of two words */
    assert_has(verbs_of("forsake aside"),
               "---: forsake aside {* aside} :173 paired reverse-only\n");
    /* irregular forms share the patterns */
    assert_string_equal(verbs_of("forsook"), f);
    assert_string_equal(verbs_of("forsaken"), f);
    assert_true(is_lemma("forsake"));
    assert_false(is_lemma("forsook"));
    /* a stem is also the word with an 'e' ("ACCELERAT": accelerate) */
    assert_string_equal(verbs_of("forsakee"), ""); /* ends in a vowel */
    /* "=": no regular endings */
    assert_has(verbs_of("gallop"), "191: gallop {*}\n");
    assert_false(is_lemma("gallop"));
    assert_has(verbs_of("trot"), "---: trot {*}\n");
    assert_has(verbs_of("trote"), "---: trote {*}\n");
    assert_string_equal(verbs_of("canter"), ""); /* after ~~FINISH */
    /* what was not taken, with its line */
    assert_warned("8 ignored: <TIME> block of 2 entries not used");
    assert_warned("25 syntax: '(' without ')'");
    assert_warned("26 syntax: pattern ' * TWO * STARS' has no '*' (or more than "
                  "one)");
    assert_warned("27 syntax: pattern without [code]");
    assert_warned("28 syntax: synset &NOSUCH is not defined");
    assert_int_equal(st.verbs, 5);
    assert_int_equal(st.synsets, 2);
}

/* Long expansions are cut, and said so. */
static void expansion_limit(void **state)
{
    (void)state;
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "&MANY\n");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "+WORD%c%c\n",
                              'A' + i / 26, 'A' + i % 26);
    snprintf(text + n, sizeof text - n,
             "COUNT [010]\n"
             "- * &MANY &MANY [020]\n"
             "- * A B C D E F G H I J K L M N O P Q R S T [030]\n");
    load(PEER_TABARI_VERBS, text);
    assert_warned("43 truncated: the synsets and alternatives make more than 256 "
                  "patterns: the first 256 kept");
    assert_int_equal(st.verb_patterns, 1 + 256);
    /* saksi's patterns have at most 32 elements ("...") included */
    assert_warned("44 syntax: pattern longer than 32 words: skipped");
}

/* ---- PETRARCH verbs ------------------------------------------------- */

static void petrarch_verbs(void **state)
{
    (void)state;
    load(PEER_PETR_VERBS,
         "# TEST VERBS\n"
         "&CROP_\n"
         "+WHEAT\n"
         "+SWEET CORN\n"
         "\n"
         "&REFUSE\n"
         "+DID N'T\n"
         "+WILL NOT\n"
         "&BAD_WORDS\n"
         "+INSULT\n"
         "\n"
         "---  HARVEST   [050]  ---\n"
         "HARVEST  # rk\n"
         "REAP {REAPS REAPING REAPED }\n"
         "+GATHER_IN {+GATHERS_IN +GATHERED_IN}\n"
         "CROP_+DUST {}\n"
         "GLEAN [051]\n"
         "- * &CROP                 [061]   # REAP\n"
         "- * (FOR {WINTER STORE})  [062:063]     # HARVEST\n"
         "- * (FROM ^) (WITH +)     [064]\n"
         "- &REFUSE *               [110]\n"
         "- * {PLENTIFUL YIELD}     [065]\n"
         "- * &BAD_WORDS_AGAIN      [066]\n"
         "~ a (a b HARVEST) SAY = a b 015\n"
         "\n"
         "---  REST  [---]  ---\n"
         "SLEEP {SLEEPS SLEPT SLEEPING}\n"
         "- * (IN BARN)   [090]\n");
    const char *h = verbs_of("harvest");
    assert_has(h, "050: harvest {*}\n");
    /* a synset's phrases are consecutive words in PETRARCH */
    assert_has(h, "061: harvest ... wheat {* ... wheat}\n");
    assert_has(h, "061: harvest ... sweet corn {* ... sweet corn}\n");
    assert_false(is_lemma("wheat")); /* "&CROP_": no plurals */
    /* (PREPOSITION NOUN), {NOUN PHRASE}: words of one phrase, in order */
    assert_has(h, "062: harvest ... for ... winter ... store {* ... for ... winter "
                  "... store} :063 paired\n");
    assert_has(h, "064: harvest ... from ... with {* ... from ... ^ ... with ... +} "
                  "target skip\n");
    assert_has(h, "065: harvest ... plentiful ... yield");
    /* synset names hold '_': the longest defined one, then words */
    assert_has(h, "066: harvest ... insult again {* ... insult again}\n");
    assert_true(is_lemma("insult"));
    /* Treebank's "DID N'T" is saksi's "didn't" */
    assert_has(h, "110: harvest {didn't ... *} pre\n");
    assert_has(h, "110: harvest {will not ... *} pre\n");
    /* the other verbs of the block share its patterns */
    assert_has(verbs_of("reap"), "061: reap ... wheat");
    assert_has(verbs_of("reaped"), "061: reaped ... wheat");
    assert_has(verbs_of("gather in"), "061: gather in ... wheat");
    assert_has(verbs_of("gathered in"), "050: gathered in {*}\n");
    assert_true(is_lemma("gather"));
    /* "{}": no other form */
    assert_has(verbs_of("crop dust"), "050: crop dust {*}\n");
    assert_false(is_lemma("dust"));
    /* a verb's own code */
    assert_has(verbs_of("glean"), "051: glean {*}\n");
    assert_has(verbs_of("glean"), "061: glean ... wheat");
    /* the next block */
    assert_has(verbs_of("slept"), "---: slept {*}\n090: slept ... in ... barn");
    assert_hasnt(verbs_of("slept"), "061");
    assert_warned("24 ignored: transformation '~ a (a b HARVEST) SAY = a b 015' not "
                  "used");
    assert_int_equal(st.patterns, 7);
}

/* PETRARCH-1 (the validation set's format): blocks, TABARI patterns. */
static void petrarch1_verbs(void **state)
{
    (void)state;
    load(PEER_PETR_VERBS,
         "<!-- TEST -->\n"
         "&KINDS\n"
         "+BARLEY\n"
         "+OATS\n"
         "--- SOW  [044]  ---\n"
         "SOW  # rk\n"
         "+SEED_DRILL\n"
         "- * NEW_&KINDS_FIELDS [045]  # a comment\n"
         "- SUGGESTED_+ * SPRING_{ EARLY_ | LATE }_PLANTING  [046]\n"
         "- *_OUT [047]\n");
    const char *s = verbs_of("sow");
    assert_has(s, "044: sow {*}\n");
    assert_has(s, "045: sow ... new barley fields");
    assert_has(s, "045: sow ... new oats fields");
    assert_has(s, "046: sow ... spring early planting {suggested + ... * ... spring "
                  "early planting} pre target\n");
    assert_has(s, "046: sow ... spring late planting");
    assert_has(verbs_of("sow out"), "047: sow out {* out}\n");
    assert_has(verbs_of("seed drill"), "045: seed drill ... new barley fields");
}

/* ---- options, projects, directories -------------------------------- */

static void options(void **state)
{
    (void)state;
    load(PEER_TABARI_OPTIONS,
         "// OPTIONS\n"
         "COMPLEX: VERBS[5] CONJ[4]\n"
         "SET: MINIMUM WORDS = 8\n"
         "LABEL: 010=YIELD\n"
         "LABEL: 011=SURRENDER\n"
         "~~~~~\n"
         "SET: AFTER = TRUE\n");
    assert_warned("2 ignored: option not applied: 'COMPLEX: VERBS[5] CONJ[4]'");
    assert_warned("3 ignored: option not applied: 'SET: MINIMUM WORDS = 8'");
    assert_warned("4 ignored: 2 LABEL: lines not used");
    assert_int_equal(ws.count, 3);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char tmpdir[64];

static void make_tree(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/saksi-peers-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    char p[256];
    snprintf(p, sizeof p, "%s/Test.project", tmpdir);
    write_file(p, "Test project\n"
                  "<actorsfile>  Test.actors\n"
                  "<verbsfile>\tsub/Test.verbs\n"
                  "<agentsfile> Test.agents\n"
                  "<textfile> Test.text\n"
                  "<eventfile> Test.events\n"
                  "<session 1> <coder rk> <date Mon 1 Jan 2001>\n");
    snprintf(p, sizeof p, "%s/Test.actors", tmpdir);
    write_file(p, "KESTRELAND  [KST]\nFALCONIA  [FAL]\n");
    snprintf(p, sizeof p, "%s/Test.agents", tmpdir);
    write_file(p, "SOLDIER_  [~MIL]\n");
    snprintf(p, sizeof p, "%s/sub", tmpdir);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/sub/Test.verbs", tmpdir);
    write_file(p, "ATTACK  [190]\n- * WITH_ DRONES  [195]\n");
    snprintf(p, sizeof p, "%s/Demo.Validate.actors", tmpdir);
    write_file(p, "SHOULD_NOT_LOAD  [XXX]\n");
    snprintf(p, sizeof p, "%s/notes.md", tmpdir);
    write_file(p, "# notes\n");
}

static void remove_tree(void)
{
    static const char *const files[] = {"Test.project", "Test.actors",
                                        "Test.agents", "sub/Test.verbs",
                                        "Demo.Validate.actors", "notes.md",
                                        "sub", NULL};
    char p[256];
    for (int i = 0; files[i]; i++) {
        snprintf(p, sizeof p, "%s/%s", tmpdir, files[i]);
        remove(p);
    }
    rmdir(tmpdir);
}

/* The public entry: a project names the files, relative to itself. */
static void project_file(void **state)
{
    (void)state;
    make_tree();
    char proj[256], err[512];
    snprintf(proj, sizeof proj, "%s/Test.project", tmpdir);
    const char *paths[] = {proj};
    warnings w;
    memset(&w, 0, sizeof w);
    saksi_dict_stats s;
    saksi_model *m = saksi_model_open_dicts(test_data_dir(), paths, 1, collect,
                                            &w, &s, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_int_equal(s.files, 3);
    assert_int_equal(s.actors, 2);
    assert_int_equal(s.agents, 1);
    assert_int_equal(s.verbs, 1);
    assert_int_equal(s.patterns, 1);
    assert_non_null(strstr(w.text, "5 ignored: 3 lines naming TABARI's inputs"));
    /* saksi's own dictionaries are gone, its language data stays */
    saksi_worker *wk = saksi_worker_new(m);
    saksi_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = "2001-05-01";
    a.lang = "en";
    a.text = "Kestreland attacked Falconia with drones on Monday.";
    a.text_len = strlen(a.text);
    const saksi_doc *d;
    assert_int_equal(saksi_process(wk, &a, &d), SAKSI_OK);
    int kst = 0;
    for (size_t i = 0; i < saksi_doc_actor_count(d); i++)
        kst |= strcmp(saksi_doc_actor(d, i)->code, "KST") == 0;
    assert_true(kst);
    for (size_t i = 0; i < saksi_doc_event_count(d); i++) {
        const saksi_event *e = saksi_doc_event(d, i);
        assert_true(strcmp(e->cameo, "190") == 0 || strcmp(e->cameo, "195") == 0);
        assert_non_null(strstr(e->rule, "Test.verbs:"));
    }
    saksi_worker_free(wk);
    saksi_model_close(m);
    /* a directory: its dictionaries, not its test sets nor its projects */
    const char *dirs[] = {tmpdir};
    memset(&w, 0, sizeof w);
    m = saksi_model_open_dicts(test_data_dir(), dirs, 1, collect, &w, &s, err,
                               sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_int_equal(s.files, 2); /* Test.actors, Test.agents */
    assert_non_null(strstr(w.text, "skipped: 2 test sets and project files not "
                                   "read (name them to read them): "
                                   "Demo.Validate.actors, Test.project"));
    assert_non_null(strstr(w.text, "1 files that are no dictionaries not read: "
                                   "notes.md"));
    assert_non_null(strstr(w.text, "incomplete: no verb dictionary"));
    saksi_model_close(m);
    /* errors: a missing file, a file of no known kind, nothing to read */
    char bad[256];
    snprintf(bad, sizeof bad, "%s/none.actors", tmpdir);
    const char *p1[] = {bad};
    assert_null(saksi_model_open_dicts(test_data_dir(), p1, 1, NULL, NULL, NULL,
                                       err, sizeof err));
    assert_non_null(strstr(err, "none.actors"));
    snprintf(bad, sizeof bad, "%s/notes.md", tmpdir);
    assert_null(saksi_model_open_dicts(test_data_dir(), p1, 1, NULL, NULL, NULL,
                                       err, sizeof err));
    assert_non_null(strstr(err, "not a dictionary saksi can read"));
    snprintf(bad, sizeof bad, "%s/sub/..", tmpdir);
    /* the same file twice is read once */
    snprintf(proj, sizeof proj, "%s/Test.actors", tmpdir);
    const char *twice[] = {proj, proj};
    memset(&w, 0, sizeof w);
    m = saksi_model_open_dicts(test_data_dir(), twice, 2, collect, &w, &s, err,
                               sizeof err);
    assert_non_null(m);
    assert_int_equal(s.files, 1);
    assert_non_null(strstr(w.text, "named twice: read once"));
    saksi_model_close(m);
    remove_tree();
}

/* saksi's own patterns have no peer record. */
static void own_patterns(void **state)
{
    (void)state;
    saksi_model *m = test_model();
    peer_pattern pp;
    assert_true(m->nverbs > 0);
    for (uint32_t i = 0; i < m->nverbs; i++)
        assert_false(peers_pattern(m, i, &pp));
}

/* ---- the peers' own dictionaries (in ../shared, read only) ---------- */

static void shared_dictionaries(void **state)
{
    (void)state;
    char a[512], b[512];
    const char *proj = test_shared_file("peers/tabari/Validate.project", a, sizeof a);
    const char *dir = test_shared_file("peers/petrarch", b, sizeof b);
    if (!proj || !dir)
        return;
    char err[512];
    saksi_dict_stats s;
    warnings w;
    memset(&w, 0, sizeof w);
    const char *p1[] = {proj};
    saksi_model *m = saksi_model_open_dicts(test_data_dir(), p1, 1, collect, &w,
                                            &s, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_true(s.actors >= 100 && s.patterns >= 300 && s.agents >= 80);
    saksi_model_close(m);
    const char *p2[] = {dir};
    memset(&w, 0, sizeof w);
    m = saksi_model_open_dicts(test_data_dir(), p2, 1, collect, &w, &s, err,
                               sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_true(s.actors >= 30000 && s.patterns >= 4000 && s.agents >= 2000);
    saksi_model_close(m);
}

static int teardown(void **state)
{
    (void)state;
    saksi_model_close(model);
    model = NULL;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds),
        cmocka_unit_test_teardown(tabari_actors, teardown),
        cmocka_unit_test_teardown(petrarch_actors, teardown),
        cmocka_unit_test_teardown(encodings, teardown),
        cmocka_unit_test_teardown(tabari_agents, teardown),
        cmocka_unit_test_teardown(petrarch_agents, teardown),
        cmocka_unit_test_teardown(discards, teardown),
        cmocka_unit_test_teardown(tabari_verbs, teardown),
        cmocka_unit_test_teardown(expansion_limit, teardown),
        cmocka_unit_test_teardown(petrarch_verbs, teardown),
        cmocka_unit_test_teardown(petrarch1_verbs, teardown),
        cmocka_unit_test_teardown(options, teardown),
        cmocka_unit_test(project_file),
        cmocka_unit_test(own_patterns),
        cmocka_unit_test(shared_dictionaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
