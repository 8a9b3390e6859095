import CGSL

/// A fixed set of streams addressed by index, for a model's hot path: drawing through the set
/// touches no reference count (reading a stream object out of an array retains and releases
/// it on every draw). The set owns its streams; the raw generators never leave SimRandom.
public final class StreamSet {
  private let owners: [RandomStream]
  @usableFromInline let generators: ContiguousArray<UnsafeMutablePointer<gsl_rng>>

  /// Gathers `streams`; stream i of the set is `streams[i]`.
  public init(_ streams: [RandomStream]) {
    owners = streams
    generators = ContiguousArray(streams.map(\.rng))
  }

  /// Number of streams.
  public var count: Int { generators.count }

  /// A draw of `law` from stream `i`.
  @inlinable @inline(__always)
  public func sample(_ law: ParametricLaw, stream i: Int) -> Double {
    law.sample(generator: generators[i])
  }

  /// A uniform variate on [0, 1) from stream `i`.
  @inlinable
  public func uniform(stream i: Int) -> Double { gsl_rng_uniform(generators[i]) }
}
