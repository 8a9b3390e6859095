import SimStats

/// How an estimate compares with an exact value, in the terms the validation tests use.
public struct TheoryCheck: CustomStringConvertible, Sendable {
  /// What was checked, for failure messages.
  public let label: String
  /// The exact value.
  public let theory: Double
  /// The replication estimate.
  public let estimate: ReplicationEstimate

  /// Pairs an estimate with its exact value.
  public init(_ label: String, theory: Double, estimate: ReplicationEstimate) {
    self.label = label
    self.theory = theory
    self.estimate = estimate
  }

  /// |estimate − theory| in standard errors.
  public var standardErrorsAway: Double {
    abs(estimate.mean - theory) / estimate.standardError
  }

  /// Passes when the estimate is within `k` standard errors of the theory (default 4).
  public func isWithin(standardErrors k: Double = 4) -> Bool { standardErrorsAway <= k }

  /// The test has teeth when its 4-standard-error band is narrower than `bias` × theory, so a
  /// bias of that size (default 5%) would fail it.
  public func detectsBias(of bias: Double = 0.05) -> Bool {
    4 * estimate.standardError < bias * abs(theory)
  }

  public var description: String {
    "\(label): theory \(theory), simulated \(estimate.mean) ± \(estimate.halfWidth) "
      + "(\(estimate.count) replications, \(standardErrorsAway) SE away, "
      + "4 SE = \(4 * estimate.standardError / abs(theory) * 100)% of theory)"
  }
}

/// Reads golden files and rewrites them when `RECORD_GOLDEN=1`.
public enum Golden {
  /// Whether this run records new golden files instead of comparing.
  public static var isRecording: Bool {
    getenvString("RECORD_GOLDEN") == "1"
  }

  static func getenvString(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }
}

#if canImport(Glibc)
import Glibc
#endif

import Testing

extension TheoryCheck {
  /// Expects the estimate within 4 standard errors of the theory, and a check able to catch a
  /// 5% bias (failures name the check and the caller's line).
  public func expectAgreement(sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(isWithin(standardErrors: 4), "\(self)", sourceLocation: sourceLocation)
    #expect(detectsBias(of: 0.05), "no teeth: \(self)", sourceLocation: sourceLocation)
  }

  /// The check that a ratio, computed once per replication, is 1 (Little's law and the like).
  public static func ratioIsOne(_ label: String, replications: Int, _ ratio: (Int) throws -> Double) rethrows
    -> TheoryCheck
  {
    TheoryCheck(label, theory: 1, estimate: ReplicationEstimate(try (0..<replications).map(ratio))!)
  }
}
