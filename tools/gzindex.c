/*
 * gzindex.c — writes data/places/gazetteer.idx, the binary index of the
 * gazetteer's text files, so that saksi loads its places in milliseconds
 * (src/places/gazetteer.c says what is in it). `make` runs it.
 *
 *   build/gzindex DATA_DIR
 */
#include "places/gazetteer.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gzindex DATA_DIR\n");
        return 2;
    }
    char err[1024];
    saksi_gazetteer *g = gz_load_text(argv[1], err, sizeof err);
    if (!g) {
        fprintf(stderr, "gzindex: %s\n", err);
        return 1;
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/places/gazetteer.idx", argv[1]);
    int rc = gz_write_index(g, argv[1], path, err, sizeof err);
    if (rc)
        fprintf(stderr, "gzindex: %s\n", err);
    else
        printf("gzindex: %s: %zu places and regions\n", path, gz_count(g));
    gz_free(g);
    return rc ? 1 : 0;
}
