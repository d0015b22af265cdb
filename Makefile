# saksi — build, test, install. See README.md.
#
#   make            library (static + shared) and the CLI at build/saksi
#   make demo       install missing Debian packages, build, code examples/
#   make check      every test, normal build and ASan+UBSan build, and the
#                   tests of -j N under ThreadSanitizer
#   make bench      benchmarks (bench/)
#   make fuzz       libFuzzer targets (clang); FUZZ_SECONDS=600 make fuzz-run
#   make install PREFIX=/usr/local

PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
PKGS      = libutf8proc jansson
VERSION   = 0.1.0

WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN     += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -Iinclude -I$(B) -D_POSIX_C_SOURCE=200809L
OPT      ?= -O2 -g
CFLAGS_ALL = -std=c11 $(OPT) $(WARN) -fPIC $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LDLIBS   += $(PKG_LIBS) -lm -pthread

SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer

LIB_SRC  := $(sort $(wildcard src/core/*.c src/input/*.c src/text/*.c \
              src/lang/*.c src/dict/*.c src/coder/*.c src/places/*.c \
              src/output/*.c))
CLI_SRC  := src/cli/main.c src/cli/jobs.c
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_LIB := tests/unit/support.c

B  = build
BA = build/asan
BT = build/tsan

LIB_OBJ   := $(LIB_SRC:%.c=$(B)/obj/%.o)
LIB_OBJ_A := $(LIB_SRC:%.c=$(BA)/obj/%.o)
LIB_OBJ_T := $(LIB_SRC:%.c=$(BT)/obj/%.o)
TESTS     := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
TESTS_A   := $(TEST_SRC:tests/unit/%.c=$(BA)/tests/%)

.SECONDARY:

.PHONY: FORCE all demo deps check test test-asan test-tsan bench fuzz fuzz-run \
        install uninstall clean

all: $(B)/libsaksi.a $(B)/libsaksi.so $(B)/saksi data/places/gazetteer.idx

# The gazetteer's binary index (src/places/gazetteer.c), rebuilt when its
# text files change; saksi reads the text files when it is missing.
GAZ_TSV := $(wildcard data/places/gazetteer.tsv data/places/countries.tsv \
                      data/places/admin1.tsv data/places/regions.tsv \
                      data/places/idn-areas.tsv)
$(B)/gzindex: tools/gzindex.c $(B)/libsaksi.a
	$(CC) $(CFLAGS_ALL) -Isrc -o $@ $^ $(LDFLAGS) $(LDLIBS)
data/places/gazetteer.idx: $(B)/gzindex $(GAZ_TSV)
	$(B)/gzindex data

# The installed data directory is compiled into the library; config.h is
# rewritten only when PREFIX changes, so that only then does model.c rebuild.
$(B)/config.h: FORCE
	@mkdir -p $(B)
	@echo '#define SAKSI_DATADIR "$(PREFIX)/share/saksi"' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

$(B)/obj/src/dict/model.o $(BA)/obj/src/dict/model.o $(BT)/obj/src/dict/model.o: \
  $(B)/config.h

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BA)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN_FLAGS) -MMD -MP -c $< -o $@

# ThreadSanitizer, for the CLI's threads (-j N)
$(BT)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 -fsanitize=thread -MMD -MP -c $< -o $@

$(B)/libsaksi.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libsaksi.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libsaksi.so.0 -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BA)/libsaksi.a: $(LIB_OBJ_A)
	@rm -f $@
	ar rcs $@ $^

$(B)/saksi: $(CLI_SRC:%.c=$(B)/obj/%.o) $(B)/libsaksi.a
	$(CC) $(OPT) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BA)/saksi: $(CLI_SRC:%.c=$(BA)/obj/%.o) $(BA)/libsaksi.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BT)/saksi: $(CLI_SRC:%.c=$(BT)/obj/%.o) $(LIB_OBJ_T)
	$(CC) -fsanitize=thread -o $@ $^ $(LDFLAGS) $(LDLIBS)

# Baselines the morphology test compares against (tests only).
TEST_LIBS = -lcmocka -lstemmer $(shell pkg-config --libs hunspell 2>/dev/null)
$(B)/obj/tests/unit/test_morph.o $(BA)/obj/tests/unit/test_morph.o: \
  CPPFLAGS += $(shell pkg-config --cflags hunspell 2>/dev/null)

$(B)/tests/%: $(B)/obj/tests/unit/%.o $(B)/obj/$(TEST_LIB:.c=.o) $(B)/libsaksi.a
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

$(BA)/tests/%: $(BA)/obj/tests/unit/%.o $(BA)/obj/$(TEST_LIB:.c=.o) $(BA)/libsaksi.a
	@mkdir -p $(dir $@)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

# Sources of the test objects see the library's internal headers.
$(B)/obj/tests/%.o $(BA)/obj/tests/%.o: CPPFLAGS += -Isrc

deps:
	@sh tools/install-deps.sh

demo: deps
	$(MAKE) all
	@echo "== sentences of examples/articles.jsonl (first 8) =="
	@$(B)/saksi sentences examples/articles.jsonl | head -n 8
	@echo "== events of examples/articles.jsonl =="
	$(B)/saksi code examples/articles.jsonl
	$(B)/saksi code --date 2025-06-14 examples/papua.txt

test: all $(TESTS)
	@sh tests/run.sh normal $(B) $(TESTS)

test-asan: $(BA)/saksi $(TESTS_A)
	@sh tests/run.sh asan $(BA) $(TESTS_A)

test-tsan: all $(BT)/saksi
	@echo "== tsan test_cli (-j N)"; \
	  out=$$(SAKSI_DATA=$${SAKSI_DATA:-data} SAKSI_SHARED=$${SAKSI_SHARED:-../shared} \
	    TSAN_OPTIONS=$${TSAN_OPTIONS:-halt_on_error=1} \
	    python3 tests/cli/test_cli.py $(BT)/saksi --tsan 2>&1); rc=$$?; \
	  echo "$$out" | grep -v '^ok '; exit $$rc

check: all $(TESTS) $(BA)/saksi $(TESTS_A) $(BT)/saksi
	@$(MAKE) --no-print-directory test-tsan
	@sh tests/run.sh all $(B) $(TESTS) -- $(BA) $(TESTS_A)

$(B)/bench/bench: bench/bench.c $(B)/libsaksi.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -o $@ $^ $(LDFLAGS) $(LDLIBS)

bench: all $(B)/saksi $(B)/bench/bench
	@sh bench/run.sh $(B)

FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZERS  := $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%)
FUZZ_SECONDS ?= 60
fuzz: $(FUZZERS)
$(B)/fuzz/%: fuzz/%.c $(LIB_SRC)
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=undefined $(PKG_CFLAGS) \
	  $(CPPFLAGS) -Isrc -DFUZZ_DATA_DIR='"$(CURDIR)/data"' -o $@ $< $(LIB_SRC) \
	  $(LDLIBS)
fuzz-run: fuzz
	@for f in $(FUZZERS); do n=$$(basename $$f); mkdir -p build/fuzz/corpus-$$n; \
	  echo "== $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    build/fuzz/corpus-$$n fuzz/seeds/$$n fuzz/seeds/regress || exit 1; done

install: all $(B)/gzindex
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/share/saksi $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/saksi $(DESTDIR)$(PREFIX)/bin/saksi
	install -m 644 $(B)/libsaksi.a $(DESTDIR)$(PREFIX)/lib/libsaksi.a
	install -m 755 $(B)/libsaksi.so $(DESTDIR)$(PREFIX)/lib/libsaksi.so.$(VERSION)
	ln -sf libsaksi.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libsaksi.so.0
	ln -sf libsaksi.so.0 $(DESTDIR)$(PREFIX)/lib/libsaksi.so
	install -m 644 include/saksi.h $(DESTDIR)$(PREFIX)/include/saksi.h
	cd data && find . -type f -name '*.tsv' -exec install -D -m 644 {} \
	  $(DESTDIR)$(PREFIX)/share/saksi/{} \;
	$(B)/gzindex $(DESTDIR)$(PREFIX)/share/saksi
	install -m 644 docs/saksi.1 $(DESTDIR)$(PREFIX)/share/man/man1/saksi.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	  saksi.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/saksi.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/saksi $(DESTDIR)$(PREFIX)/lib/libsaksi.* \
	  $(DESTDIR)$(PREFIX)/include/saksi.h \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/saksi.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/saksi.1
	rm -rf $(DESTDIR)$(PREFIX)/share/saksi

clean:
	rm -rf build

-include $(sort $(shell find $(B) $(BA) $(BT) -name '*.d' 2>/dev/null))
