import CGSL
import CGSLSupport

/// A GSL random-number generator algorithm, selectable by its GSL name.
///
/// GSL documents each algorithm, so a sequence (and a golden file) survives a toolchain
/// upgrade, unlike the standard library's generators.
public enum GeneratorAlgorithm: String, CaseIterable, Sendable {
  /// Mersenne Twister (Matsumoto and Nishimura, 1998); the default.
  case mt19937
  /// Maximally equidistributed combined Tausworthe (L'Ecuyer, 1996).
  case taus2
  /// RANLUX, double precision, luxury level 2 (Lüscher, 1994): slow, highest quality.
  case ranlxd2
  /// RANLUX, single precision, luxury level 2.
  case ranlxs2
  /// RANLUX, luxury level 389.
  case ranlux389
  /// Four-tap shift-register sequence (Ziff, 1998).
  case gfsr4
  /// Fifth-order multiple recursive generator (L'Ecuyer, Blouin and Coutre, 1993).
  case mrg
  /// Combined multiple recursive generator (L'Ecuyer, 1996).
  case cmrg
  /// Knuth's subtractive generator (Numerical Recipes' ran3).
  case ran3
  /// Mersenne Twister with the 1999 seeding procedure.
  case mt19937_1999
  /// Combined Tausworthe (L'Ecuyer, 1996).
  case taus

  var gslType: UnsafePointer<gsl_rng_type> {
    let index = Self.allCases.firstIndex(of: self)!
    return telesim_rng_type(Int32(index))!
  }
}
