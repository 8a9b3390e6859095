import SimKernel

/// When the hubs' teleconsultation sessions open and close: the same hours on the same
/// weekdays every week, counted from the start date (day 0).
struct SessionTimetable: Sendable {
  /// Opening and closing instants within the first week.
  let changes: [(at: SimDuration, open: Bool)]
  /// Sessions never close (every day, 00:00-24:00).
  let alwaysOpen: Bool

  /// The timetable of `calendar` for a run whose day 0 is weekday `startWeekday` (0 = Monday).
  ///
  /// A close and an open at the same instant (a session running to midnight and the next
  /// day's from midnight) cancel out; sessions that never close give no changes and
  /// `alwaysOpen`.
  init(_ calendar: CareNetworkSpec.SessionCalendar, startWeekday: Int) {
    var changes: [(at: SimDuration, open: Bool)] = []
    for d in 0..<7 where calendar.days[(d + startWeekday) % 7] {
      let midnight = SimDuration.days(Double(d))
      let open = midnight + calendar.opensAt
      if let last = changes.last, !last.open, last.at == open {
        changes.removeLast()
      } else {
        changes.append((open, true))
      }
      changes.append((midnight + calendar.closesAt, false))
    }
    alwaysOpen = changes.count == 2 && changes[0].at == .zero && changes[1].at == .week
    self.changes = alwaysOpen ? [] : changes
  }

  /// The first change at or after `time` that flips the state from `isOpen` (so a close at
  /// the end of one week and an open at the start of the next, at the same instant, both
  /// happen).
  func nextChange(from time: SimTime, isOpen: Bool) -> (at: SimTime, open: Bool)? {
    guard !changes.isEmpty else { return nil }
    let weekStart = (time.minutes / SimDuration.week.minutes).rounded(.down) * SimDuration.week.minutes
    for cycle in 0..<3 {
      let base = weekStart + Double(cycle) * SimDuration.week.minutes
      for c in changes where c.open != isOpen && base + c.at.minutes >= time.minutes {
        return (SimTime(minutes: base + c.at.minutes), c.open)
      }
    }
    return nil
  }
}
