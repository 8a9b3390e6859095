import Testing

@testable import Reporting

@Suite("Capacity curves")
struct CapacityCurveTests {
  @Test("the knee of a wait curve that flattens is where it bends most")
  func knee() {
    // The launch sweep's shape: mean wait against specialists per hub.
    let waits = [(1.0, 93.5), (2, 46.5), (3, 26.2), (4, 22.7), (5, 22.7), (6, 22.5)]
    #expect(CapacityCurve.knee(waits) == 3)
    let same = [(1.0, 0.43), (2, 0.45), (3, 0.51), (4, 0.54), (5, 0.54), (6, 0.54)]
    #expect(CapacityCurve.knee(same) == 4)
  }

  @Test("a straight line, a flat curve or too few points have no knee")
  func noKnee() {
    #expect(CapacityCurve.knee([(1, 1), (2, 2), (3, 3), (4, 4)]) == nil)
    #expect(CapacityCurve.knee([(1, 5), (2, 5), (3, 5)]) == nil)
    #expect(CapacityCurve.knee([(1, 5), (2, 1)]) == nil)
    #expect(CapacityCurve.knee([(1, .nan), (2, 1), (3, 0.5)]) == nil)
  }

  @Test("a target is met first where the whole interval is on its side, or the mean when judged on the mean")
  func firstMeeting() {
    let points: [(x: Double, mean: Double, lower: Double?, upper: Double?)] = [
      (1, 30, 28, 32), (2, 25, 23, 27), (3, 23, 21, 24.5), (4, 22, 21, 23),
    ]
    #expect(CapacityCurve.firstMeeting(points, comparison: "<=", limit: 24, judgeOnInterval: true) == 4)
    #expect(CapacityCurve.firstMeeting(points, comparison: "<=", limit: 24, judgeOnInterval: false) == 3)
    #expect(CapacityCurve.firstMeeting(points, comparison: ">=", limit: 29, judgeOnInterval: false) == 1)
    #expect(CapacityCurve.firstMeeting(points, comparison: "<", limit: 10, judgeOnInterval: true) == nil)
  }
}
