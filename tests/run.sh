#!/bin/sh
# run.sh — runs saksi's test suites and ends with one summary line.
#
#   sh tests/run.sh LABEL BUILD_DIR TEST_BIN... [-- BUILD_DIR2 TEST_BIN...]
#
# Each BUILD_DIR holds a `saksi` binary; each TEST_BIN is a cmocka program.
# For every build: the unit tests, then the command-line tests. Lines
# starting with "# FIGURE" (measured accuracies, counts) are repeated in the
# summary. Exit status 1 when anything failed.
set -u
label=$1
shift
export SAKSI_DATA="${SAKSI_DATA:-data}"
export SAKSI_SHARED="${SAKSI_SHARED:-../shared}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
[ -d "$SAKSI_SHARED" ] || echo "# NOTE: $SAKSI_SHARED is absent: corpus and gold checks are skipped"

log=$(mktemp)
figures=$(mktemp)
trap 'rm -f "$log" "$figures"' EXIT
suites=0 tests=0 passed=0 failed=0 broken=""

run_build() {
    dir=$1
    shift
    case "$dir" in *asan*) kind=asan ;; *) kind=normal ;; esac
    for t in "$@"; do
        name=$(basename "$t")
        echo "== $kind $name"
        "$t" >"$log" 2>&1
        rc=$?
        cat "$log"
        grep -a '^# FIGURE' "$log" | sed "s/^# FIGURE /[$kind] /" >>"$figures"
        n=$(grep -a -o '^\[==========\] [0-9]* test(s) run' "$log" | grep -o '[0-9]*' | head -1)
        p=$(grep -a -o '^\[  PASSED  \] [0-9]*' "$log" | grep -o '[0-9]*$' | head -1)
        f=$(grep -a -o '^\[  FAILED  \] [0-9]* test(s)' "$log" | grep -o '[0-9]*' | head -1)
        n=${n:-0} p=${p:-0} f=${f:-0}
        suites=$((suites + 1))
        tests=$((tests + n))
        passed=$((passed + p))
        failed=$((failed + f))
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
            failed=$((failed + 1)); tests=$((tests + 1))
            broken="$broken $kind/$name(exit $rc)"
        elif [ "$rc" -ne 0 ]; then
            broken="$broken $kind/$name"
        fi
    done
    flag=""
    [ "$kind" = asan ] && flag=--asan
    for script in tests/cli/test_cli.py tests/cli/test_coder.py tests/cli/test_places.py \
                  tests/cli/test_peers.py; do
        name=$(basename "$script" .py)
        echo "== $kind $name"
        python3 "$script" "$dir/saksi" $flag >"$log" 2>&1
        rc=$?
        cat "$log"
        grep -a '^# FIGURE' "$log" | sed "s/^# FIGURE /[$kind] /" >>"$figures"
        n=$(grep -a -c '^ok \|^not ok ' "$log")
        f=$(grep -a -c '^not ok ' "$log")
        suites=$((suites + 1))
        tests=$((tests + n))
        passed=$((passed + n - f))
        failed=$((failed + f))
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
            failed=$((failed + 1)); tests=$((tests + 1))
        fi
        [ "$rc" -ne 0 ] && broken="$broken $kind/$name"
    done
    if [ "$kind" = normal ]; then
        echo "== install"
        sh tests/cli/test_install.sh >"$log" 2>&1
        rc=$?
        cat "$log"
        n=$(grep -a -c '^ok \|^not ok ' "$log")
        f=$(grep -a -c '^not ok ' "$log")
        suites=$((suites + 1))
        tests=$((tests + n))
        passed=$((passed + n - f))
        failed=$((failed + f))
        [ "$rc" -ne 0 ] && broken="$broken install"
    fi
}

# split the arguments at "--" into builds
set -- "$@" --
dir="" bins=""
for a in "$@"; do
    if [ "$a" = "--" ]; then
        [ -n "$dir" ] && run_build "$dir" $bins
        dir="" bins=""
    elif [ -z "$dir" ]; then
        dir=$a
    else
        bins="$bins $a"
    fi
done

echo
echo "== figures"
cat "$figures"
[ -n "$broken" ] && echo "== failing:$broken"
echo "saksi tests ($label): $suites suites, $tests tests, $passed passed, $failed failed"
[ "$failed" -eq 0 ]
