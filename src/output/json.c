/*
 * json.c — JSON string escaping and small writers (see json.h). Runs of
 * bytes that need no escape are copied with one memcpy.
 */
#include "json.h"

void json_str(saksi_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    saksi_buf_catc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            continue;
        saksi_buf_cat(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': saksi_buf_cat(b, "\\\"", 2); break;
        case '\\': saksi_buf_cat(b, "\\\\", 2); break;
        case '\n': saksi_buf_cat(b, "\\n", 2); break;
        case '\r': saksi_buf_cat(b, "\\r", 2); break;
        case '\t': saksi_buf_cat(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            saksi_buf_cat(b, u, 6);
        }
        }
    }
    saksi_buf_cat(b, s + run, n - run);
    saksi_buf_catc(b, '"');
}

void json_key(saksi_buf *b, const char *key)
{
    json_cstr(b, key);
    saksi_buf_catc(b, ':');
}

void json_span(saksi_buf *b, size_t start, size_t end)
{
    saksi_buf_catc(b, '[');
    saksi_buf_catu(b, start);
    saksi_buf_catc(b, ',');
    saksi_buf_catu(b, end);
    saksi_buf_catc(b, ']');
}
