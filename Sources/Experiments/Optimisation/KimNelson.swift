import Foundation
import SimStats

/// Kim and Nelson's fully sequential procedure for selecting the system with the smallest
/// mean (Kim & Nelson, "A fully sequential procedure for indifference-zone selection in
/// simulation", ACM TOMACS 11(3), 2001), for systems simulated with common random numbers.
///
/// With k systems, first-stage size n₀ and confidence 1 − α: η = ½[(2α/(k−1))^(−2/(n₀−1)) − 1],
/// h² = 2η(n₀−1), and S²ᵢₗ the first-stage variance of the differences Xᵢ − Xₗ. After r
/// observations system i is eliminated when its mean exceeds another survivor's by more than
/// Wᵢₗ(r) = max(0, δ/(2r)·(h²S²ᵢₗ/δ² − r)). With probability at least 1 − α the survivor is
/// the best, or within δ of it. Observations are added in batches; checking less often than
/// every observation only makes the procedure more conservative.
struct KimNelson {
  let candidates: [Int]
  let level: Double
  let indifference: Double
  private(set) var survivors: [Int]

  init(candidates: [Int], level: Double, indifference: Double) {
    self.candidates = candidates
    self.level = level
    self.indifference = indifference
    survivors = candidates
  }

  /// Runs the procedure. `samples(d)` gives system d's observations so far (all candidates
  /// start with the same number, n₀); `more(survivors, n)` brings survivors to n
  /// observations. Returns the survivor with the smallest mean.
  mutating func select(sampleOf: (Int) -> [Double],
                       limit: Int, more: ([Int], Int) async throws -> Void) async rethrows -> Int {
    let n0 = sampleOf(candidates[0]).count
    let k = Double(candidates.count)
    let alpha = 1 - level
    let eta = 0.5 * (pow(2 * alpha / (k - 1), -2 / Double(n0 - 1)) - 1)
    let h2 = 2 * eta * Double(n0 - 1)
    // First-stage variances stay fixed: KN uses n₀ observations only for them.
    let variance: [[Double]] = candidates.map { i in
      candidates.map { l in Self.differenceVariance(Array(sampleOf(i).prefix(n0)), Array(sampleOf(l).prefix(n0))) }
    }
    var r = n0
    while true {
      let means = survivors.map { d in sampleOf(d).prefix(r).reduce(0, +) / Double(r) }
      var kept: [Int] = []
      for (a, i) in survivors.enumerated() {
        let out = survivors.indices.contains { b in
          guard b != a else { return false }
          let s2 = variance[candidates.firstIndex(of: i)!][candidates.firstIndex(of: survivors[b])!]
          let w = max(0, indifference / (2 * Double(r)) * (h2 * s2 / (indifference * indifference) - Double(r)))
          return means[a] > means[b] + w
        }
        if !out { kept.append(i) }
      }
      survivors = kept
      if survivors.count <= 1 || r >= limit {
        let finalMeans = survivors.map { d in sampleOf(d).prefix(r).reduce(0, +) / Double(r) }
        return survivors[finalMeans.indices.min { finalMeans[$0] < finalMeans[$1] }!]
      }
      r = min(r + n0, limit)
      try await more(survivors, r)
    }
  }

  /// Sample variance of the paired differences x − y.
  static func differenceVariance(_ x: [Double], _ y: [Double]) -> Double {
    let d = zip(x, y).map { $0 - $1 }
    let mean = d.reduce(0, +) / Double(d.count)
    return d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count - 1)
  }
}
