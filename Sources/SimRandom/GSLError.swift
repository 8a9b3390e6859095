import CGSL
import CGSLSupport

/// An error that GSL reported through its error handler.
///
/// GSL's default handler aborts the process; TeleSim replaces it at load time with one that
/// records the error on the calling thread, and Swift code turns the record into this value.
public struct GSLError: Error, Sendable, Equatable, CustomStringConvertible {
  /// GSL's error number (`GSL_EDOM`, `GSL_ERANGE`, …).
  public let code: Int32
  /// GSL's reason text.
  public let reason: String
  public var description: String { "GSL error \(code): \(reason)" }

  /// Runs `body` and throws if GSL recorded an error on this thread while it ran.
  public static func check<R>(_ body: () -> R) throws(GSLError) -> R {
    telesim_gsl_clear_error()
    let result = body()
    let code = telesim_gsl_last_error()
    guard code == 0 else {
      let reason = String(cString: telesim_gsl_last_reason())
      telesim_gsl_clear_error()
      throw GSLError(code: code, reason: reason)
    }
    return result
  }
}

/// GSL's gamma function, exposed so tests can provoke a GSL domain error.
package func gslGammaForTests(_ x: Double) -> Double { gsl_sf_gamma(x) }
