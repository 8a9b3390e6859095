import CGSL

/// An exponential variate with mean `mean`, drawn from generator `r` by inversion through
/// GSL's quantile function: `gsl_cdf_exponential_Qinv(U, mean)` = −mean·ln U, with U from
/// `gsl_rng_uniform_pos` (never 0).
///
/// Why not `gsl_ran_exponential`: it computes −mean·log1p(−U), which is the same law (U and
/// 1 − U are both uniform) and equally exact here (GSL's uniforms have at most 53 bits, so
/// 1 − U is exact), but glibc's `log1p` is slower than `log` (a whole draw takes 26 ns
/// against 19 ns, measured), and exponential draws are most of the work in a Markovian
/// queue. Every exponential in TeleSim comes from here, so all of them follow one rule.
/// - Precondition: `mean > 0` (checked by callers: factories validate, gaps check).
@inlinable @inline(__always)
func exponentialVariate(_ r: UnsafeMutablePointer<gsl_rng>, mean: Double) -> Double {
  gsl_cdf_exponential_Qinv(gsl_rng_uniform_pos(r), mean)
}
