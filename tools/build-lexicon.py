#!/usr/bin/env python3
"""build-lexicon.py — turns Debian's Indonesian Hunspell dictionary into
saksi's root lexicon, data/lang/id-roots.tsv.

    python3 tools/build-lexicon.py [/usr/share/hunspell/id_ID] > data/lang/id-roots.tsv

Input: id_ID.dic (31k stems with affix flags) and id_ID.aff (what each flag
adds), from the package hunspell-id (LibreOffice dictionaries, Ali Ahmadi,
LGPL-3). Output: one root a line, TAB, the derivations Hunspell licenses for
it, written in saksi's own affix labels:

    tembak<TAB>an,di,di+i,di+kan,i,kan,meN,meN+i,meN+kan,pe,peN,peN+an,ter

A label is a prefix chain joined by '+' (meN, di, ber, ter, peN, pe, per,
ke, se, memper, diper, ber+ke, ...) optionally followed by '+suffix'
(an, i, kan, nya), or a bare suffix. Entries that Hunspell writes with a
capital letter are proper nouns and get the label 'proper'. Clitics and
particles (-ku, -lah, -nya alone) are not listed: saksi strips those itself.
"""
import collections
import re
import sys

base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/id_ID"

# Hunspell prefix strings → saksi prefix chains.
PREFIX_FAMILY = {
    "ber": "ber", "be": "ber", "bersi": "ber+si", "berke": "ber+ke", "berse": "ber+se",
    "berpe": "ber+peN", "berpem": "ber+peN", "berpen": "ber+peN", "berpeng": "ber+peN", "berpeny": "ber+peN",
    "di": "di", "dipe": "diper", "diper": "diper", "dike": "di+ke", "dise": "di+se",
    "ke": "ke", "kebe": "ke+ber", "keber": "ke+ber", "kese": "ke+se", "kete": "ke+ter", "keter": "ke+ter",
    "keme": "ke+meN", "kemem": "ke+meN", "kemen": "ke+meN", "kemeng": "ke+meN", "kemeny": "ke+meN",
    "kepe": "ke+peN", "kepem": "ke+peN", "kepen": "ke+peN", "kepeng": "ke+peN", "kepeny": "ke+peN",
    "me": "meN", "mem": "meN", "men": "meN", "meng": "meN", "meny": "meN", "menge": "meN",
    "menye": "meN+se", "mempe": "memper", "memper": "memper", "membe": "meN+ber", "member": "meN+ber",
    "ku": "ku", "kaupe": "kau+per", "kauper": "kau+per", "kupe": "ku+per", "kuper": "ku+per",
    "pe": "peN", "pem": "peN", "pen": "peN", "peng": "peN", "peny": "peN", "penge": "peN",
    "penye": "peN+se", "peme": "peN+meN", "pemem": "peN+meN", "pemen": "peN+meN", "pemeng": "peN+meN",
    "pemeny": "peN+meN", "pemer": "peN+per", "pembe": "peN+ber", "pember": "peN+ber",
    "per": "per", "perse": "per+se", "perpe": "per+peN", "perpem": "per+peN", "perpen": "per+peN",
    "perpeng": "per+peN", "perpeny": "per+peN", "re": "re",
    "se": "se", "sebe": "se+ber", "seber": "se+ber", "seke": "se+ke", "sepe": "se+peN", "sepem": "se+peN",
    "sepen": "se+peN", "sepeng": "se+peN", "sepeny": "se+peN", "seper": "se+per", "seperse": "se+per+se",
    "sese": "se+se", "sete": "se+ter", "seter": "se+ter", "si": "si",
    "te": "ter", "ter": "ter", "terbe": "ter+ber", "terke": "ter+ke", "tepe": "ter+per", "teper": "ter+per",
    "we": "we",
}
CLITICS = {"ku", "lah", "nya"}  # stripped by saksi, not lexicon facts


def read_aff(path):
    kinds, rules = {}, collections.defaultdict(list)
    for line in open(path, encoding="latin-1"):
        p = line.split("#")[0].split()
        if len(p) == 4 and p[0] in ("PFX", "SFX") and p[2] in "YN" and p[3].isdigit():
            kinds[p[1]] = p[0]
        elif len(p) >= 5 and p[0] in ("PFX", "SFX"):
            add, cont = (p[3].split("/", 1) + [""])[:2]
            rules[p[1]].append((add if add != "0" else "", cont))
    return kinds, rules


def split_flags(s):
    return [s[i:i + 2] for i in range(0, len(s), 2)]  # FLAG long


def labels_of(flags, kinds, rules):
    out = set()
    for f in flags:
        if f not in rules:
            continue
        for add, cont in rules[f]:
            cflags = split_flags(cont)
            if kinds[f] == "PFX":
                if "A1" in cflags:
                    continue  # half of a circumfix: counted with its suffix
                fam = PREFIX_FAMILY.get(add)
                if fam:
                    out.add(fam)
            else:
                suffix = add
                prefixes = [c for c in cflags if kinds.get(c) == "PFX"]
                if "A1" in cflags and prefixes:
                    for pf in prefixes:
                        for padd, _ in rules[pf]:
                            fam = PREFIX_FAMILY.get(padd)
                            if fam:
                                out.add(fam + ("+" + suffix if suffix else ""))
                elif suffix and suffix not in CLITICS:
                    out.add(suffix)
    return out


def main():
    kinds, rules = read_aff(base + ".aff")
    entries = {}
    lines = open(base + ".dic", encoding="latin-1").read().split("\n")[1:]
    for line in lines:
        line = line.strip()
        if not line:
            continue
        word, _, flags = line.partition("/")
        labels = labels_of(split_flags(flags), kinds, rules)
        if word[:1].isupper():
            labels.add("proper")
        key = word.lower()
        entries.setdefault(key, set()).update(labels)
    print("# Indonesian roots and the derivations Hunspell licenses for them.")
    print("# GENERATED by tools/build-lexicon.py from Debian's hunspell-id")
    print("# (LibreOffice dictionaries: id_ID by Ali Ahmadi, LGPL-3); do not edit")
    print("# by hand: add roots to data/lang/id-roots-extra.tsv instead.")
    print("# Format: root<TAB>comma-separated derivation labels (may be empty).")
    for word in sorted(entries):
        if not re.fullmatch(r"[a-zà-ÿ'-]+", word):
            continue
        print(f"{word}\t{','.join(sorted(entries[word]))}")


if __name__ == "__main__":
    main()
