/// Derives one seed per (master seed, replication, stream name).
///
/// The mixer, documented so that others can reproduce our streams:
/// 1. `h = FNV-1a-64(UTF-8 bytes of the stream name)`;
/// 2. `s = splitmix(splitmix(splitmix(masterSeed) ^ replication) ^ h)`, where `splitmix` is
///    one SplitMix64 output step (Steele, Lea and Flood, 2014) starting from its argument.
///
/// A stream's seed depends only on its own name, so adding a stream never shifts another,
/// and two scenarios that share stream names share draws (common random numbers).
public struct StreamSeeder: Sendable, Hashable {
  /// The experiment's master seed.
  public let masterSeed: UInt64
  /// The replication index, from 0.
  public let replication: Int
  /// The generator every stream uses.
  public let algorithm: GeneratorAlgorithm

  /// Creates the seeder of one replication.
  public init(masterSeed: UInt64, replication: Int, algorithm: GeneratorAlgorithm = .mt19937) {
    self.masterSeed = masterSeed
    self.replication = replication
    self.algorithm = algorithm
  }

  /// The 64-bit seed of the stream called `name`.
  public func seed(for name: String) -> UInt64 {
    let base = SplitMix64.mix(SplitMix64.mix(masterSeed) ^ UInt64(truncatingIfNeeded: replication))
    return SplitMix64.mix(base ^ fnv1a64(name))
  }

  /// A fresh generator for the stream called `name`.
  public func stream(_ name: String) -> RandomStream {
    RandomStream(algorithm: algorithm, seed: seed(for: name))
  }
}

/// FNV-1a, 64-bit: a fixed, documented string hash (Swift's `hashValue` is seeded per process).
public func fnv1a64(_ text: String) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  return hash
}

/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), used only to derive and spread seeds.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return Self.finalize(state)
  }

  /// One output step starting from `x`.
  static func mix(_ x: UInt64) -> UInt64 { finalize(x &+ 0x9e37_79b9_7f4a_7c15) }

  static func finalize(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
