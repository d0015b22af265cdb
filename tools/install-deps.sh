#!/bin/sh
# Installs the Debian packages saksi needs to build and test, when missing.
# Uses sudo when not run as root. Safe to run again: installs only what is
# missing. The list is the one place the packages are named; .ci/run and
# `make demo` both call this script.
set -eu

PACKAGES="make gcc pkg-config python3 libutf8proc-dev libjansson-dev libcmocka-dev libstemmer-dev libhunspell-dev hunspell-id"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present:$(printf ' %s' $PACKAGES)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-deps: need root or sudo to install:$missing" >&2
        exit 1
    fi
fi
echo "install-deps: installing:$missing"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
