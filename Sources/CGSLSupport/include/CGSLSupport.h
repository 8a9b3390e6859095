// Small C helpers around GSL that Swift cannot express directly.
#ifndef TELESIM_CGSL_SUPPORT_H
#define TELESIM_CGSL_SUPPORT_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

/// Generator types by number (Swift 6 cannot read GSL's mutable global type pointers).
/// 0 mt19937, 1 taus2, 2 ranlxd2, 3 ranlxs2, 4 ranlux389, 5 gfsr4, 6 mrg, 7 cmrg,
/// 8 ran3, 9 mt19937_1999, 10 taus. Returns NULL for an unknown number.
const gsl_rng_type *telesim_rng_type(int which);

/// Fills the whole 624-word state of an mt19937 generator from `words` (624 values), so a
/// stream's seed carries 64 bits instead of the 32 that gsl_rng_set keeps.
/// Returns 0 on success, -1 if `r` is not an mt19937 generator.
int telesim_mt19937_set_state(gsl_rng *r, const uint32_t *words);

/// The GSL error code recorded on this thread since the last clear (0 when none).
int telesim_gsl_last_error(void);
/// The reason text of the last recorded error on this thread ("" when none).
const char *telesim_gsl_last_reason(void);
/// Forgets the error recorded on this thread.
void telesim_gsl_clear_error(void);
/// Installs the recording error handler (done automatically at load; idempotent).
void telesim_gsl_install_handler(void);

#endif
