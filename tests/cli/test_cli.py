#!/usr/bin/env python3
"""test_cli.py — the saksi command line as a user meets it: exit codes,
messages naming file:line, both input forms, stdin, the seed's sentences,
and memory that does not grow with the input's length.

usage: test_cli.py BUILD/saksi [--asan | --tsan]
Prints one "ok N - what" / "not ok N - what" line per check, then
"# cli: N tests, M failed". Needs ../shared for the corpus checks (skipped
with a message when it is absent).
"""
import atexit
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

SAKSI = sys.argv[1]
ASAN = "--asan" in sys.argv
TSAN = "--tsan" in sys.argv  # only the checks of -j, under ThreadSanitizer
SHARED = os.environ.get("SAKSI_SHARED", "../shared")
results = []
tmp = tempfile.mkdtemp(prefix="saksi-cli-")
atexit.register(shutil.rmtree, tmp, True)  # its inputs reach 60 MB


def run(args, stdin=b""):
    p = subprocess.run([SAKSI] + args, input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(what, cond, detail=""):
    results.append(bool(cond))
    n = len(results)
    print(f"{'ok' if cond else 'not ok'} {n} - {what}")
    if not cond and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"#   {line}")


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


# --- threads: -j N writes exactly what one thread writes ----------------------------
def check_threads():
    """Every command on several threads writes what it writes on one, with
    the same messages (rejected records in their place), the same exit
    status, and stops at a write error as one thread does."""
    one_txt = write("one.txt", "Satu.")
    corpus = os.path.join(SHARED, "corpus", "id-news.jsonl")
    if os.path.exists(corpus):
        with open(corpus, encoding="utf-8") as f:
            some = [f.readline() for _ in range(120)]
    else:
        with open("examples/articles.jsonl", encoding="utf-8") as f:
            some = f.readlines()
    bad = [b'{"id": "t", "date": "2022-08-04", "text": "terpot\n',
           b'{"id": "u", "date": "2022-08-04", "text": "bad \xff byte"}\n',
           json.dumps({"id": "v", "text": "no date"}).encode() + b"\n",
           some[0].encode()]  # a duplicate id
    lines = []
    for k, line in enumerate(some):
        lines.append(line.encode())
        if k % 29 == 3 or k == len(some) - 2:
            lines.append(bad[(k // 29) % len(bad)])
    nbad = len(lines) - len(some) + 1  # and the missing file
    many = write("many.jsonl", b"".join(lines))
    inputs = [many, "/nonexistent/y.jsonl", "examples/papua.txt"]
    for cmd in ("code", "places", "sentences", "explain"):
        one = run([cmd, "-j", "1"] + inputs)
        for j in ("2", "3", "0"):
            other = run([cmd, "-j", j] + inputs)
            check(f"{cmd} -j {j}: output, messages and exit status those of -j 1",
                  other == one and one[0] == 1 and one[1] and one[2].count("\n") == nbad,
                  f"-j 1: exit {one[0]}, {len(one[1])} bytes, {one[2]!r}\n"
                  f"-j {j}: exit {other[0]}, {len(other[1])} bytes, {other[2]!r}")
    rc, out, err = run(["code", "-j2", "examples/articles.jsonl"])
    check("-jN (no blank) is accepted", rc == 0 and out == run(["code", "examples/articles.jsonl"])[1], err)
    for bad_j in ("x", "-1", "257", ""):
        rc, out, err = run(["code", "-j", bad_j, one_txt])
        check(f"-j '{bad_j}' is a usage error (2)", rc == 2 and "-j" in err, err)
    if os.path.exists("/dev/full"):
        outs = []
        for j in ("1", "2"):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([SAKSI, "code", "-j", j, many], stdout=full, capture_output=False,
                                   stderr=subprocess.PIPE)
            outs.append((p.returncode, p.stderr.decode("utf-8", "replace")))
        check("-j 2: a write error stops as with -j 1 (exit 1, same messages)",
              outs[0] == outs[1] and outs[0][0] == 1 and "cannot write output" in outs[0][1], outs)


if TSAN:
    check_threads()
    print(f"# cli (threads, ThreadSanitizer): {len(results)} tests, {results.count(False)} failed")
    sys.exit(1 if False in results else 0)

# --- usage and exit codes -------------------------------------------------
rc, out, err = run(["--version"])
check("--version prints the version", rc == 0 and out.startswith("saksi 0."), out + err)
rc, out, err = run(["--help"])
check("--help lists the commands", rc == 0 and "sentences" in out and "tokens" in out and "code" in out, out)
for cmd in ("code", "sentences", "tokens", "mentions"):
    rc, out, err = run([cmd, "--help"])
    check(f"{cmd} --help documents the options", rc == 0 and "--format" in out and "Exit status" in out, out)
rc, out, err = run(["code", "--help"])
check("code --help documents the event fields", rc == 0 and "cameo" in out and "claimed_by" in out, out)
rc, out, err = run([])
check("no command is a usage error (2)", rc == 2, err)
rc, out, err = run(["frobnicate"])
check("an unknown command is a usage error (2)", rc == 2 and "unknown command" in err, err)
rc, out, err = run(["sentences", "--format", "xml"])
check("a bad --format is a usage error (2)", rc == 2 and "--format" in err, err)
rc, out, err = run(["sentences", "--date", "2022-02-30"])
check("an impossible --date is a usage error (2)", rc == 2 and "--date" in err, err)
rc, out, err = run(["sentences", "--bogus"])
check("an unknown option is a usage error (2)", rc == 2, err)
a = write("a.txt", "Satu.")
b = write("b.txt", "Dua.")
rc, out, err = run(["sentences", "--id", "x", a, b])
check("--id with two files is a usage error (2)", rc == 2 and "--id" in err, err)
rc, out, err = run(["sentences", "--data", "/nonexistent/saksi", a])
check("a missing data directory is exit 2 naming the file", rc == 2 and "/nonexistent/saksi/" in err, err)

# --- the mixed file ------------------------------------------------
good1 = {"id": "g1", "date": "2022-08-04", "text": "Moskow menyerukan penahanan diri. Rusia prihatin."}
good2 = {"id": "g2", "date": "2022-08-05", "text": "Turki mendukung Azerbaijan."}
mixed = (json.dumps(good1, ensure_ascii=False) + "\n"
         + '{"id": "t", "date": "2022-08-04", "text": "terpot\n'
         + '{"id": "u", "date": "2022-08-04", "text": "bad ').encode() + b"\xff" + b' byte"}\n' \
    + (json.dumps({"id": "v", "text": "no date"}) + "\n" + json.dumps(good2) + "\n").encode()
path = write("mixed.jsonl", mixed)
rc, out, err = run(["sentences", path])
arts = [json.loads(l)["article"] for l in out.splitlines()]
check("mixed file: both good articles come out", arts == ["g1", "g1", "g2"], out)
check("mixed file: exit status 1", rc == 1, rc)
lines = err.splitlines()
check("mixed file: three messages, one per bad line", len(lines) == 3, err)
check("mixed file: truncated line named by file:line", len(lines) > 0 and f"{path}:2:" in lines[0] and "not valid JSON" in lines[0], err)
check("mixed file: invalid UTF-8 named with its byte offset", len(lines) > 1 and f"{path}:3:" in lines[1] and "0xFF" in lines[1] and "byte" in lines[1], err)
check("mixed file: missing date named", len(lines) > 2 and f"{path}:4:" in lines[2] and '"date"' in lines[2], err)
rc, out, err = run(["code", path])
check("code: same rejections, exit 1, events only from the good articles",
      rc == 1 and len(err.splitlines()) == 3 and
      all(json.loads(l)["article"] in ("g1", "g2") for l in out.splitlines()), out + err)

# --- JSON strings decoded as jansson decodes them (the reader's fast path) -----
esc = ('{"i\\u0064": "e1", "date": "2022-08-04", "lang": null, "title": "T\\u00edtulo", '
       '"te\\u0078t": "Kata \\"Caf\\u00e9\\" \\ud83d\\ude00 \\/ \\\\ d\u00e9j\u00e0\\tvu."}\n')
rc, out, err = run(["sentences", "-"], esc.encode())
sents = [json.loads(l) for l in out.splitlines()]
check("escapes, escaped keys and a null lang decode as JSON says",
      rc == 0 and len(sents) == 1 and sents[0]["article"] == "e1"
      and sents[0]["text"] == json.loads(esc)["te\u0078t"], out + err)
for what, line, msg in (
        ("a duplicate key", '{"id": "d", "id": "e", "date": "2022-08-04", "text": "Ya."}', "duplicate object key"),
        ("a lone surrogate", '{"id": "s", "date": "2022-08-04", "text": "\\ud83d ya."}', "invalid Unicode"),
        ("\\u0000", '{"id": "z", "date": "2022-08-04", "text": "a\\u0000b"}', "\\u0000 is not allowed"),
        ("a raw control character", '{"id": "c", "date": "2022-08-04", "text": "a\x01b"}', "control character"),
        ("a number as lang", '{"id": "n", "date": "2022-08-04", "lang": 1, "text": "Ya."}', 'field "lang" must be a string, is a number'),
        ("text after the object", '{"id": "t", "date": "2022-08-04", "text": "Ya."} x', "not valid JSON")):
    rc, out, err = run(["sentences", "-"], (line + "\n").encode())
    check(f"JSON with {what} is rejected with jansson's message", rc == 1 and out == "" and msg in err, err)

# --- unreadable files, stdin, plain text -------------------------------------
rc, out, err = run(["sentences", "/nonexistent/x.jsonl", a])
check("an unreadable file is named, the rest still read, exit 1",
      rc == 1 and "/nonexistent/x.jsonl" in err and "cannot open" in err and '"article":"a"' in out, out + err)
rc, out, err = run(["sentences", "--date", "2022-08-04"], "Moskow menyerukan penahanan diri.\nRusia prihatin.\n".encode())
check("plain text on stdin: id 'stdin', two sentences", rc == 0 and out.count('"article":"stdin"') == 2, out + err)
rc, out, err = run(["sentences", "-"], (json.dumps(good1) + "\n").encode())
check("JSON Lines on stdin ('-')", rc == 0 and out.count('"article":"g1"') == 2, out + err)
rc, out, err = run(["tokens", "--format", "text", "--id", "seed"], "Rusia, 2.000 pasukan.".encode())
toks = [json.loads(l) for l in out.splitlines()]
check("tokens: text, class and norm per token", rc == 0 and [t["text"] for t in toks] == ["Rusia", ",", "2.000", "pasukan", "."]
      and toks[0]["class"] == "capitalized" and toks[0]["norm"] == "rusia" and toks[0]["article"] == "seed", out + err)
bad_text = write("bad.txt", b"Baris satu.\nBaris \xc3 dua.\n")
rc, out, err = run(["sentences", bad_text, a])
check("invalid UTF-8 in a text file: file:line and byte offset, exit 1",
      rc == 1 and f"{bad_text}:2:" in err and "byte 18" in err and '"article":"a"' in out, err)
dup = write("dup.jsonl", json.dumps(good1) + "\n" + json.dumps(good1) + "\n")
rc, out, err = run(["sentences", dup])
check("a duplicate id is rejected by file:line", rc == 1 and f"{dup}:2:" in err and "duplicate" in err, err)

# --- morphology and mentions ------------------------------------------------------
rc, out, err = run(["tokens", "--lang", "id"], "Pemerintahnya menyerukan penahanan diri.".encode())
toks = [json.loads(l) for l in out.splitlines()]
check("tokens: Indonesian roots and affixes",
      rc == 0 and toks[1]["root"] == "seru" and toks[1]["affixes"] == ["meN-", "-kan"]
      and toks[0]["root"] == "pemerintah" and toks[0]["root_alt"] == "perintah", out + err)
rc, out, err = run(["mentions", "--date", "2022-08-04", "--lang", "id"],
                   "Rusia mengerahkan sekitar 2.000 pasukan. Putin akan menjamu Erdogan pada hari Jumat. Kedua belah pihak saling menuduh.".encode())
ms = [json.loads(l) for l in out.splitlines()]
check("mentions: a quantity with its value and approx flag",
      any(m["kind"] == "quantity" and m["value"] == 2000 and m["approx"] for m in ms), out + err)
check("mentions: a future weekday resolved after publication",
      any(m["kind"] == "time" and m["date"] == "2022-08-05" and m["precision"] == "day" for m in ms), out + err)
check("mentions: a function phrase with its markers",
      any(m["kind"] == "marker" and m["markers"] == ["reciprocal"] for m in ms), out + err)
rc, out, err = run(["mentions", "--lang", "id"], "Dia datang pada hari Rabu.".encode())
ms = [json.loads(l) for l in out.splitlines()]
check("mentions: no publication date, a relative time has date null",
      rc == 0 and ms and ms[0]["date"] is None and ms[0]["precision"] == "none", out + err)

# --- the lexicon is what the script makes of Debian's dictionary ----------------------
if os.path.exists("/usr/share/hunspell/id_ID.dic"):
    p = subprocess.run(["python3", "tools/build-lexicon.py"], capture_output=True)
    check("data/lang/id-roots.tsv is what tools/build-lexicon.py makes of hunspell-id",
          p.returncode == 0 and p.stdout == open("data/lang/id-roots.tsv", "rb").read(), p.stderr)
else:
    print("# SKIP lexicon check: hunspell-id is not installed")

# --- the seed ---------------------------------------------------------------
seed = os.path.join(SHARED, "seed", "seed.jsonl")
if os.path.exists(seed):
    rc, out, err = run(["sentences", seed])
    rows = [json.loads(l) for l in out.splitlines()]
    text = json.loads(open(seed, encoding="utf-8").readline())["text"].encode()
    exact = all(text[r["span"][0]:r["span"][1]].decode() == r["text"] for r in rows)
    check("seed: 18 sentences with exact byte spans", rc == 0 and len(rows) == 18 and exact, out)
    check("seed: every sentence Indonesian", all(r["lang"] == "id" for r in rows), out)
    txt = os.path.join(SHARED, "seed", "000_cc36f71b694eee0b.txt")
    rc2, out2, err2 = run(["sentences", "--date", "2022-08-04", txt])
    rows2 = [json.loads(l) for l in out2.splitlines()]
    check("seed as plain text: same 18 spans, id from the file name",
          rc2 == 0 and [r["span"] for r in rows2] == [r["span"] for r in rows]
          and rows2[0]["article"] == "000_cc36f71b694eee0b", out2 + err2)
else:
    print(f"# SKIP seed checks: {seed} is absent")

# --- bundled examples -----------------------------------------------------------
rc, out, err = run(["sentences", "examples/articles.jsonl", "examples/papua.txt"])
check("examples: read without rejection", rc == 0 and err == "", err)

check_threads()

# --- a worker that forgets its own words (memory bound) codes as a fresh one -------
def made_up_words(n):
    """n distinct made-up words ("qzab", "qzac", ...) in articles of 5,000."""
    words = []
    for k in range(n):
        w = ""
        while True:
            w += "abcdefghijklmnopqrstuvwxyz"[k % 26]
            k //= 26
            if not k:
                break
        words.append("qz" + w)
    return "".join(json.dumps({"id": f"junk{i}", "date": "2022-08-04", "lang": "id",
                               "text": " ".join(words[i:i + 5000]) + "."}) + "\n"
                   for i in range(0, n, 5000))


real = write("real.jsonl", open("examples/articles.jsonl", encoding="utf-8").read())
junk = write("junk.jsonl", made_up_words(300000))  # more than a worker keeps (2^18)
rc1, out1, err1 = run(["explain", real])
rc2, out2, err2 = run(["explain", junk, real])
check("after 300,000 made-up words (its own words forgotten) a worker explains as a fresh one",
      rc1 == rc2 == 0 and out2.endswith(out1) and out1, (rc1, rc2, err1, err2))

# --- memory stays bounded by the largest article ----------------------------------
corpus = os.path.join(SHARED, "corpus", "id-news.jsonl")


def peak_rss(args):
    """Peak RSS in KiB of one run, measured by a fresh helper process (the
    fork of this big test process would count its own memory)."""
    r = subprocess.run(["/usr/bin/env", "python3", "-c",
                        "import resource,subprocess,sys;"
                        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
                        "print(p.returncode,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"]
                       + args, capture_output=True)
    rc, rss = r.stdout.decode().split()
    return int(rc), int(rss)


if ASAN:
    print("# SKIP memory check under ASan (its allocator keeps freed memory)")
elif os.path.exists(corpus):
    articles = [json.loads(l) for l in open(corpus, encoding="utf-8")]
    small = write("x1.jsonl", "".join(json.dumps(a) + "\n" for a in articles))
    big = os.path.join(tmp, "x6.jsonl")
    with open(big, "w") as f:
        for k in range(6):
            for a in articles:
                b2 = dict(a)
                b2["id"] = f"{a['id']}#{k}"
                f.write(json.dumps(b2) + "\n")
    rc_small, rss_small = peak_rss([SAKSI, "tokens", small])
    rc_big, rss_big = peak_rss([SAKSI, "tokens", big])
    mb_big = os.path.getsize(big) / 1e6
    print(f"# FIGURE peak RSS of saksi tokens: {rss_small/1024:.1f} MB on "
          f"{os.path.getsize(small)/1e6:.1f} MB of input, {rss_big/1024:.1f} MB on {mb_big:.1f} MB")
    check("memory does not grow with the input's length (6x input, < 1.25x peak RSS)",
          rc_small == 0 and rc_big == 0 and rss_big < rss_small * 1.25 + 2048, (rss_small, rss_big))
else:
    print(f"# SKIP memory check: {corpus} is absent")

failed = results.count(False)
print(f"# cli: {len(results)} tests, {failed} failed")
sys.exit(1 if failed else 0)
