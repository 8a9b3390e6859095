/// A running sum with Neumaier compensation: long horizons add millions of small terms to a
/// large total, where plain summation loses the last digits.
@frozen
public struct CompensatedSum: Sendable, Equatable {
  @usableFromInline var sum = 0.0
  @usableFromInline var compensation = 0.0

  /// An empty sum.
  @inlinable public init() {}

  /// Adds `x`.
  @inlinable
  public mutating func add(_ x: Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }

  /// The compensated total.
  @inlinable public var value: Double { sum + compensation }
}
