import Pathways
import SimKernel
import SimRandom
import Testing

/// A tiny facility with constant times, so that every event can be worked out by hand:
/// - the doctor (one, on duty for the first hour of each day, `finish-queue` at closing)
///   sees outpatients (20 min) and attends deliveries (15 min, labour first);
/// - an outpatient who waits 30 min for the doctor goes to the nurse instead (10 min);
/// - a woman in labour takes the one labour bed (capacity 1) and keeps it while the doctor
///   attends her, then recovers on the ward for 60 min and gives the bed back on leaving the
///   ward; a second woman waits for the bed at the labour room (its capacity is 1), and a
///   third, finding that room full, overflows to the district hospital (5 min to hand over).
@Suite("Pathways: a hand-checked trace")
struct PathwayTraceTests {
  static func facility() throws -> PathwaySpec {
    let (nurse, delivery, ward, district) = (1, 3, 4, 5)
    let labourBed = 2
    let never: ArrivalProcess? = nil
    return PathwaySpec(
      classes: [.init(name: "opd", priority: 1), .init(name: "labour", priority: 0)],
      resources: [
        .init(name: "doctor", roster: Roster(period: .days(1), changes: [.init(offset: .zero, servers: 1),
                                                                          .init(offset: SimDuration(minutes: 60), servers: 0)]),
              closing: .finishQueue),
        .init(name: "nurse", roster: .constant(1)),
        .init(name: "labour-bed", roster: .constant(1)),
      ],
      stations: [
        station("doctor-room", resource: 0, classes: 2, perClass: [try .constant(20), nil],
                arrivals: [.renewal(try .constant(10)), never],
                patience: [.init(limit: try .constant(30), then: .station(StationID(nurse), asClass: nil)), nil]),
        station("nurse", resource: 1, classes: 2, perClass: [try .constant(10), nil]),
        station("labour-room", resource: 2, classes: 2, perClass: [nil, try .constant(1)],
                arrivals: [never, .renewal(try .constant(25))],
                routing: [[], [.init(branches: [to(delivery)])]], capacity: 1, overflow: district, holds: true),
        station("delivery", resource: 0, classes: 2, perClass: [nil, try .constant(15)],
                routing: [[], [.init(branches: [to(ward)])]]),
        station("ward", resource: nil, classes: 2, perClass: [nil, try .constant(60)], releases: [labourBed]),
        station("district", resource: nil, classes: 2, perClass: [nil, try .constant(5)]),
      ])
  }

  @Test("Every event of the first 130 minutes is where the hand-worked timeline puts it")
  func timeline() throws {
    let lines = PathwayModel.trace(try Self.facility(), seeder: StreamSeeder(masterSeed: 1, replication: 0),
                                   horizon: SimDuration(minutes: 130))
    #expect(lines == Self.expected)
  }

  /// Worked by hand from the rules above (same-instant events in the order they were
  /// scheduled; a roster change first). The doctor goes off duty at 60 with three outpatients
  /// waiting: the one who joined at 30 runs out of patience at 60 and goes to the nurse, the
  /// one from 40 is seen at 65 (overtime to 85), the one from 50 gives up at 80, which ends
  /// the closing; later arrivals wait for the next day or their patience. The labour bed taken
  /// at 25 is held through delivery and the ward and given back at 105, when the woman
  /// waiting since 50 takes it; the women of 75 and 100 find the labour room full and
  /// overflow to the district hospital.
  static let expected: [String] = [
    "10 patient 1 (opd) arrives at doctor-room",
    "10 patient 1 (opd) starts service at doctor-room",
    "20 patient 2 (opd) arrives at doctor-room",
    "20 patient 2 (opd) waits at doctor-room",
    "25 patient 3 (labour) arrives at labour-room",
    "25 patient 3 (labour) starts service at labour-room",
    "26 patient 3 (labour) finishes at labour-room",
    "26 patient 3 (labour) waits at delivery",
    "30 patient 1 (opd) finishes at doctor-room",
    "30 patient 3 (labour) starts service at delivery",
    "30 patient 1 (opd) leaves (completed) at doctor-room",
    "30 patient 4 (opd) arrives at doctor-room",
    "30 patient 4 (opd) waits at doctor-room",
    "40 patient 5 (opd) arrives at doctor-room",
    "40 patient 5 (opd) waits at doctor-room",
    "45 patient 3 (labour) finishes at delivery",
    "45 patient 2 (opd) starts service at doctor-room",
    "45 patient 3 (labour) starts service at ward",
    "50 patient 6 (labour) arrives at labour-room",
    "50 patient 6 (labour) waits at labour-room",
    "50 patient 7 (opd) arrives at doctor-room",
    "50 patient 7 (opd) waits at doctor-room",
    "60 patient 4 (opd) runs out of patience at doctor-room",
    "60 patient 4 (opd) starts service at nurse",
    "60 patient 8 (opd) arrives at doctor-room",
    "60 patient 8 (opd) waits at doctor-room",
    "65 patient 2 (opd) finishes at doctor-room",
    "65 patient 5 (opd) starts service at doctor-room",
    "65 patient 2 (opd) leaves (completed) at doctor-room",
    "70 patient 4 (opd) finishes at nurse",
    "70 patient 4 (opd) leaves (completed) at nurse",
    "70 patient 9 (opd) arrives at doctor-room",
    "70 patient 9 (opd) waits at doctor-room",
    "75 patient 10 (labour) arrives at labour-room",
    "75 patient 10 (labour) overflows at labour-room",
    "75 patient 10 (labour) starts service at district",
    "80 patient 7 (opd) runs out of patience at doctor-room",
    "80 patient 7 (opd) starts service at nurse",
    "80 patient 11 (opd) arrives at doctor-room",
    "80 patient 11 (opd) waits at doctor-room",
    "80 patient 10 (labour) finishes at district",
    "80 patient 10 (labour) leaves (completed) at district",
    "85 patient 5 (opd) finishes at doctor-room",
    "85 patient 5 (opd) leaves (completed) at doctor-room",
    "90 patient 8 (opd) runs out of patience at doctor-room",
    "90 patient 8 (opd) waits at nurse",
    "90 patient 7 (opd) finishes at nurse",
    "90 patient 8 (opd) starts service at nurse",
    "90 patient 7 (opd) leaves (completed) at nurse",
    "90 patient 12 (opd) arrives at doctor-room",
    "90 patient 12 (opd) waits at doctor-room",
    "100 patient 9 (opd) runs out of patience at doctor-room",
    "100 patient 9 (opd) waits at nurse",
    "100 patient 13 (labour) arrives at labour-room",
    "100 patient 13 (labour) overflows at labour-room",
    "100 patient 13 (labour) starts service at district",
    "100 patient 8 (opd) finishes at nurse",
    "100 patient 9 (opd) starts service at nurse",
    "100 patient 8 (opd) leaves (completed) at nurse",
    "100 patient 14 (opd) arrives at doctor-room",
    "100 patient 14 (opd) waits at doctor-room",
    "105 patient 3 (labour) finishes at ward",
    "105 patient 6 (labour) starts service at labour-room",
    "105 patient 3 (labour) leaves (completed) at ward",
    "105 patient 13 (labour) finishes at district",
    "105 patient 13 (labour) leaves (completed) at district",
    "106 patient 6 (labour) finishes at labour-room",
    "106 patient 6 (labour) waits at delivery",
    "110 patient 11 (opd) runs out of patience at doctor-room",
    "110 patient 11 (opd) waits at nurse",
    "110 patient 9 (opd) finishes at nurse",
    "110 patient 11 (opd) starts service at nurse",
    "110 patient 9 (opd) leaves (completed) at nurse",
    "110 patient 15 (opd) arrives at doctor-room",
    "110 patient 15 (opd) waits at doctor-room",
    "120 patient 12 (opd) runs out of patience at doctor-room",
    "120 patient 12 (opd) waits at nurse",
    "120 patient 11 (opd) finishes at nurse",
    "120 patient 12 (opd) starts service at nurse",
    "120 patient 11 (opd) leaves (completed) at nurse",
    "120 patient 16 (opd) arrives at doctor-room",
    "120 patient 16 (opd) waits at doctor-room",
    "125 patient 17 (labour) arrives at labour-room",
    "125 patient 17 (labour) waits at labour-room",
    "130 patient 14 (opd) runs out of patience at doctor-room",
    "130 patient 14 (opd) waits at nurse",
    "130 patient 12 (opd) finishes at nurse",
    "130 patient 14 (opd) starts service at nurse",
    "130 patient 12 (opd) leaves (completed) at nurse",
    "130 patient 18 (opd) arrives at doctor-room",
    "130 patient 18 (opd) waits at doctor-room",
  ]
}
