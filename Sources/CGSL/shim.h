// The GNU Scientific Library headers TeleSim uses. Only SimRandom, SimStats and
// CGSLSupport see this module; model code never touches a C pointer.
#ifndef TELESIM_CGSL_SHIM_H
#define TELESIM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>

#endif
