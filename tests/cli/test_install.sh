#!/bin/sh
# test_install.sh — `make install PREFIX=…` into a temporary prefix: the
# installed CLI finds its installed data, and a program compiled against the
# installed header and pkg-config file links and runs.
# Prints TAP-style lines and "# install: N tests, M failed".
set -u
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
n=0 failed=0
check() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
# a build directory of its own, so the tree under test is not touched
make -s install PREFIX="$prefix" B="$prefix/build" BA="$prefix/build/asan" >/dev/null 2>&1
check $? "make install PREFIX=$prefix"
for f in bin/saksi lib/libsaksi.a lib/libsaksi.so include/saksi.h \
         lib/pkgconfig/saksi.pc share/saksi/text/abbreviations.tsv share/saksi/places/gazetteer.idx \
         share/man/man1/saksi.1; do
    [ -e "$prefix/$f" ]
    check $? "installed $f"
done
out=$(echo "Rusia menyerukan penahanan diri. Turki setuju." |
      env -u SAKSI_DATA "$prefix/bin/saksi" sentences 2>&1)
[ "$(printf '%s\n' "$out" | grep -c '"lang":"id"')" -eq 2 ]
check $? "installed saksi finds its installed data"
cat > "$prefix/use.c" <<'C'
#include <saksi.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
    char err[256];
    saksi_model *m = saksi_model_open(argv[1][0] ? argv[1] : NULL, err, sizeof err);
    if (!m) { puts(err); return 1; }
    saksi_worker *w = saksi_worker_new(m);
    const char *t = "Dr. Andi tiba. Dia pergi.";
    saksi_article a = {"x", "2022-08-04", NULL, NULL, NULL, NULL, t, strlen(t)};
    const saksi_doc *d;
    int rc = saksi_process(w, &a, &d) != SAKSI_OK || saksi_doc_sentence_count(d) != 2;
    saksi_worker_free(w);
    saksi_model_close(m);
    (void)argc;
    return rc;
}
C
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" cc -o "$prefix/use" "$prefix/use.c" \
    $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs --static saksi) 2>&1
check $? "a program compiles and links with pkg-config saksi"
LD_LIBRARY_PATH="$prefix/lib" "$prefix/use" ""
check $? "the installed shared library finds its data and processes an article"
echo "# install: $n tests, $failed failed"
[ "$failed" -eq 0 ]
