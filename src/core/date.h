/*
 * date.h — civil dates: parsing "YYYY-MM-DD", day arithmetic.
 *
 * Dates are counted as days since 1970-01-01 (proleptic Gregorian), so that
 * "two days ago" and "next Friday" are integer sums.
 */
#ifndef SAKSI_DATE_H
#define SAKSI_DATE_H

#include <stdint.h>

/* Days since 1970-01-01 of a valid date. */
int64_t saksi_days_from_civil(int y, int m, int d);
void saksi_civil_from_days(int64_t z, int *y, int *m, int *d);
int saksi_days_in_month(int y, int m);
/* 0 = Monday … 6 = Sunday. */
int saksi_weekday(int64_t days);

/* Parses an ISO date "YYYY-MM-DD", optionally followed by a time part
 * starting with 'T' or ' '. Returns 0 and the parts, or -1 when the text is
 * not a date or names a day that does not exist (2022-02-30). */
int saksi_parse_iso_date(const char *s, int *y, int *m, int *d);

#endif
