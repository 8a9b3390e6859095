import CareModel
import SimKernel

/// The event log of a traced replication, one line per event: `d3 09:05.5 dispatch
/// ambulance=12 call=40 from=PHC-17 eta=23.4min`.
public enum EventLog {
  /// Every record of `trace`, one line each, in order.
  public static func lines(_ trace: CareTrace) -> [String] {
    trace.records.map { "\(clock($0.time)) \(text($0.event, trace))" }
  }

  /// `d3 09:05.5`: day number (0 = the start date) and time of day, minutes to 2 decimals.
  public static func clock(_ time: SimTime) -> String {
    let day = Int(time.minutes / SimDuration.day.minutes)
    let minute = time.minutes - Double(day) * SimDuration.day.minutes
    let h = Int(minute / 60)
    let mm = ((minute - Double(h) * 60) * 100).rounded() / 100
    return "d\(day) \(h < 10 ? "0" : "")\(h):\(mm < 10 ? "0" : "")\(mm)"
  }

  static func text(_ event: TraceEvent, _ trace: CareTrace) -> String {
    func facility(_ f: FacilityID) -> String { trace.facilityNames[f.index] }
    switch event {
    case .sessionOpened: return "session-open"
    case .sessionClosed: return "session-close"
    case let .arrival(p, spoke, specialty):
      return "arrival patient=\(p) spoke=\(facility(spoke)) specialty=\(trace.specialtyNames[specialty.index])"
    case let .consultStart(p, queue, waited): return "consult-start patient=\(p) queue=\(queue) waited=\(rounded(waited))"
    case let .callFailed(p, queue, lost): return "call-failed patient=\(p) queue=\(queue) lost=\(lost.minutes)min"
    case let .home(p): return "home patient=\(p)"
    case let .admitted(p, at): return "admitted patient=\(p) at=\(facility(at))"
    case let .abandoned(p): return "abandon patient=\(p)"
    case let .unplaced(p): return "unplaced patient=\(p)"
    case let .travel(p, to, km): return "travel patient=\(p) to=\(facility(to)) km=\((km * 10).rounded() / 10)"
    case let .bedRefused(at): return "bed-refused at=\(facility(at))"
    case let .callOpened(call, node, priority, transferOf):
      return "call \(call) node=\(node) priority=\(priority)" + (transferOf.map { " transfer patient=\($0)" } ?? "")
    case let .dispatched(a, call, from, eta):
      return "dispatch ambulance=\(a) call=\(call) from=\(facility(from)) eta=\(rounded(eta))"
    case let .atScene(a, call, response): return "at-scene ambulance=\(a) call=\(call) response=\(rounded(response))"
    case let .atSpoke(a, call): return "at-spoke ambulance=\(a) call=\(call)"
    case let .atHospital(a, call, hospital): return "at-hospital ambulance=\(a) call=\(call) hospital=\(facility(hospital))"
    case let .noBed(a, call): return "no-bed ambulance=\(a) call=\(call)"
    case let .backAtBase(a): return "back-at-base ambulance=\(a)"
    case let .callExpired(call, waited): return "call-failed call=\(call) waited=\(rounded(waited))"
    }
  }

  /// Minutes to 2 decimals with the unit: `23.45min`.
  static func rounded(_ d: SimDuration) -> String { "\((d.minutes * 100).rounded() / 100)min" }
}
