import CareModel
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

/// The end of warm-up resets every statistic and nothing else. Warm-up changes no draw, so a
/// run to H with warm-up W sees exactly the run to H minus the run to W (same seed, no
/// warm-up): counts subtract, means weight by their counts, and time averages by the
/// elapsed time. Quantiles are checked against the traced waits after W.
@Suite("Warm-up")
struct WarmUpTests {
  static let w = 14.0
  static let h = 35.0

  /// (full run to H, run to W, run to H with warm-up W)
  static func runs(_ run: (Double, Double) throws -> CareReplication) rethrows
    -> (CareReplication, CareReplication, CareReplication)
  {
    (try run(h, 0), try run(w, 0), try run(h, w))
  }

  /// x over [W, H] from per-day rates over [0, H] and [0, W].
  static func perDayAfter(_ full: Double, _ early: Double) -> Double { (full * h - early * w) / (h - w) }

  static func close(_ a: Double, _ b: Double, _ what: String) {
    #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(what): \(a) after warm-up, \(b) by subtraction")
  }

  @Test("teleconsultation, bed and cost figures restart at the end of warm-up")
  func careFigures() throws {
    var net = TinyNetwork()
    net.otherAdmissions = 2
    net.admit = 0.2
    net.refer = 0.2
    net.consult = try .lognormal(mean: 10, sd: 6)
    let (full, early, warm) = try Self.runs { days, warmUp in
      try net.run(seed: 21, days: days, warmUp: warmUp, tracing: warmUp > 0)
    }
    for name in ["teleconsult.requests.per_day", "teleconsult.completed.per_day", "teleconsult.failed_attempts.per_day",
                 "beds.refused", "admissions.per_day", "admissions.other.per_day", "referrals.per_day",
                 "referrals.unplaced.per_day", "transport.km.per_day", "cost.meals", "cost.transport",
                 "specialist.overtime", "teleconsult.waiting.mean", "beds.occupancy.mean"] {
      Self.close(warm.values[name]!, Self.perDayAfter(full.values[name]!, early.values[name]!), name)
    }
    // Means weight by their counts (consultations).
    let n = { (r: CareReplication, d: Double) in r.values["teleconsult.completed.per_day"]! * d }
    let waitAfter = (full.values["teleconsult.wait.mean"]! * n(full, Self.h) - early.values["teleconsult.wait.mean"]! * n(early, Self.w))
      / (n(full, Self.h) - n(early, Self.w))
    Self.close(warm.values["teleconsult.wait.mean"]!, waitAfter, "teleconsult.wait.mean")
    // Sessions give each of the 2 queues 30 h on duty a week: utilisation is busy time over it.
    let busy = { (r: CareReplication, weeks: Double) in r.values["specialist.utilisation"]! * weeks }
    Self.close(warm.values["specialist.utilisation"]!, (busy(full, 5) - busy(early, 2)) / 3, "specialist.utilisation")
    // The p90 is the sketch's reading of the waits of consultations that started after W.
    let waits = warm.records.compactMap { r -> Double? in
      guard r.time.minutes >= Self.w * 1440, case .consultStart(_, _, let waited) = r.event else { return nil }
      return waited.minutes
    }.sorted()
    let exact = waits[Int((0.9 * Double(waits.count)).rounded(.up)) - 1] / 60
    #expect(abs(warm.values["teleconsult.wait.p90"]! - exact) <= exact / 256 + 1e-12)
    // The daily series starts at the warm-up.
    let daily = try #require(warm.tables.first { $0.name == "daily" })
    #expect(daily.keys.first == ["14"] && daily.keys.count == 21)
  }

  @Test("ambulance figures restart at the end of warm-up")
  func ambulanceFigures() throws {
    let net = LineNetwork(secondAmbulance: true, calls: 8)
    let (full, early, warm) = try Self.runs { days, warmUp in
      try net.run(seed: 5, days: days, warmUp: warmUp, tracing: false)
    }
    for name in ["ambulance.calls.per_day", "ambulance.km.per_day", "ambulance.unplaced.per_day", "ambulance.utilisation"] {
      Self.close(warm.values[name]!, Self.perDayAfter(full.values[name]!, early.values[name]!), name)
    }
    // The share queued is over calls (counted when they come): it weights by calls.
    let calls = { (r: CareReplication, d: Double) in r.values["ambulance.calls.per_day"]! * d }
    let queued = { (r: CareReplication, d: Double) in r.values["ambulance.queued"]! * calls(r, d) }
    Self.close(warm.values["ambulance.queued"]!,
               (queued(full, Self.h) - queued(early, Self.w)) / (calls(full, Self.h) - calls(early, Self.w)),
               "ambulance.queued")
  }
}
