#include "CGSLSupport.h"
#include <gsl/gsl_errno.h>
#include <string.h>

const gsl_rng_type *telesim_rng_type(int which) {
    switch (which) {
    case 0: return gsl_rng_mt19937;
    case 1: return gsl_rng_taus2;
    case 2: return gsl_rng_ranlxd2;
    case 3: return gsl_rng_ranlxs2;
    case 4: return gsl_rng_ranlux389;
    case 5: return gsl_rng_gfsr4;
    case 6: return gsl_rng_mrg;
    case 7: return gsl_rng_cmrg;
    case 8: return gsl_rng_ran3;
    case 9: return gsl_rng_mt19937_1999;
    case 10: return gsl_rng_taus;
    default: return NULL;
    }
}

/* Mirrors mt_state_t in GSL's rng/mt.c (unchanged since GSL 1.0). */
typedef struct { unsigned long mt[624]; int mti; } telesim_mt_state;

int telesim_mt19937_set_state(gsl_rng *r, const uint32_t *words) {
    if (r == NULL || r->type != gsl_rng_mt19937) return -1;
    telesim_mt_state *s = (telesim_mt_state *)r->state;
    int all_zero = 1;
    for (int i = 0; i < 624; i++) {
        s->mt[i] = words[i];
        if (words[i] != 0) all_zero = 0;
    }
    /* Only the top bit of mt[0] enters the recurrence; keep the state non-degenerate. */
    if (all_zero || (s->mt[0] & 0x80000000UL) == 0) s->mt[0] |= 0x80000000UL;
    s->mti = 624; /* regenerate the block on the next draw */
    return 0;
}

static _Thread_local int last_error = 0;
static _Thread_local char last_reason[256];

static void record_error(const char *reason, const char *file, int line, int gsl_errno) {
    (void)file; (void)line;
    last_error = gsl_errno;
    strncpy(last_reason, reason ? reason : "", sizeof last_reason - 1);
    last_reason[sizeof last_reason - 1] = 0;
}

int telesim_gsl_last_error(void) { return last_error; }
const char *telesim_gsl_last_reason(void) { return last_error ? last_reason : ""; }
void telesim_gsl_clear_error(void) { last_error = 0; last_reason[0] = 0; }

void telesim_gsl_install_handler(void) { gsl_set_error_handler(&record_error); }

/* GSL's default handler aborts the process; replace it before any Swift code runs. */
__attribute__((constructor)) static void telesim_gsl_startup(void) { telesim_gsl_install_handler(); }
