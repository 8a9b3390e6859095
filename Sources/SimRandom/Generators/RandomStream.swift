import CGSL
import CGSLSupport

/// One independent stream of random numbers: a GSL generator with its own seed.
///
/// Each source of variation in a model (arrivals at one centre, service of one specialty,
/// routing, travel) owns one stream, derived by ``StreamSeeder`` from
/// (master seed, replication, stream name). A stream belongs to one replication and one
/// thread; it is deliberately not `Sendable`.
public final class RandomStream {
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
  /// The algorithm behind this stream.
  public let algorithm: GeneratorAlgorithm

  /// Creates a stream of `algorithm` seeded with the 64-bit `seed`.
  ///
  /// For mt19937 the whole 624-word state is filled from `seed` with SplitMix64, so distinct
  /// 64-bit seeds give distinct streams; other algorithms take the seed as GSL does
  /// (`gsl_rng_set`, which some algorithms truncate to 32 bits).
  public init(algorithm: GeneratorAlgorithm = .mt19937, seed: UInt64) {
    guard let rng = gsl_rng_alloc(algorithm.gslType) else {
      fatalError("GSL could not allocate a generator (out of memory)")
    }
    self.rng = rng
    self.algorithm = algorithm
    if algorithm == .mt19937 {
      var mixer = SplitMix64(state: seed)
      var words = [UInt32](repeating: 0, count: 624)
      for i in words.indices { words[i] = UInt32(truncatingIfNeeded: mixer.next() >> 32) }
      _ = words.withUnsafeBufferPointer { telesim_mt19937_set_state(rng, $0.baseAddress) }
    } else {
      gsl_rng_set(rng, UInt(seed))
    }
  }

  deinit { gsl_rng_free(rng) }

  /// A uniform variate on [0, 1).
  @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

  /// A uniform variate on (0, 1), never exactly zero.
  @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

  /// An exponential variate with the given mean (no validation: internal fast path).
  @inlinable package func exponential(mean: Double) -> Double { exponentialVariate(rng, mean: mean) }

  /// An exponential gap with the given mean (in any time unit).
  /// - Precondition: `meanMinutes > 0`.
  public func exponentialGap(meanMinutes: Double) -> Double {
    precondition(meanMinutes > 0, "an exponential gap needs a positive mean")
    return exponentialVariate(rng, mean: meanMinutes)
  }

  /// A uniform integer in `0..<n`.
  /// - Precondition: `n >= 1`.
  @inlinable public func integer(below n: Int) -> Int {
    precondition(n >= 1, "integer(below:) needs n >= 1")
    return Int(gsl_rng_uniform_int(rng, UInt(n)))
  }

  /// Runs `body` with the raw generator: for SimRandom and SimStats only.
  @inlinable
  package func withGenerator<R>(_ body: (UnsafeMutablePointer<gsl_rng>) -> R) -> R { body(rng) }
}

extension RandomStream: RandomNumberGenerator {
  /// 64 random bits from two GSL draws of 32 bits (every algorithm listed gives at least 24;
  /// this uses `gsl_rng_uniform_int` to stay exact for all of them).
  public func next() -> UInt64 {
    let hi = UInt64(gsl_rng_uniform_int(rng, 1 << 32))
    let lo = UInt64(gsl_rng_uniform_int(rng, 1 << 32))
    return hi << 32 | lo
  }
}
