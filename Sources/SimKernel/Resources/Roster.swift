/// A repeating timetable of how many servers are on duty.
///
/// The roster is piecewise constant over one `period` (a day or a week, say): each change
/// sets the number of servers from its offset until the next change. Offsets wrap around,
/// so the level before the first change is the level of the last one.
public struct Roster: Sendable, Equatable {
  /// One step of the timetable.
  public struct Change: Sendable, Equatable {
    /// Offset from the start of the period.
    public var offset: SimDuration
    /// Servers on duty from `offset` on.
    public var servers: Int
    /// Creates a step.
    public init(offset: SimDuration, servers: Int) {
      self.offset = offset
      self.servers = servers
    }
  }

  /// Length of one cycle.
  public let period: SimDuration
  /// Steps sorted by offset.
  public let changes: [Change]

  /// Creates a roster.
  /// - Precondition: `period > 0`, at least one change, offsets in `0..<period`, strictly
  ///   increasing, servers not negative.
  public init(period: SimDuration, changes: [Change]) {
    precondition(period.minutes > 0, "a roster's period must be positive")
    precondition(!changes.isEmpty, "a roster needs at least one change")
    for (i, c) in changes.enumerated() {
      precondition(c.servers >= 0, "a roster cannot put a negative number of servers on duty")
      precondition(c.offset.minutes >= 0 && c.offset < period, "roster offset outside the period")
      if i > 0 { precondition(changes[i - 1].offset < c.offset, "roster offsets must increase") }
    }
    self.period = period
    self.changes = changes
  }

  /// A roster that never changes.
  public static func constant(_ servers: Int) -> Roster {
    Roster(period: .days(1), changes: [Change(offset: .zero, servers: servers)])
  }

  /// Servers on duty at instant `t`.
  public func servers(at t: SimTime) -> Int {
    let phase = phaseOf(t) + tolerance(t)
    var level = changes[changes.count - 1].servers
    for c in changes where c.offset.minutes <= phase { level = c.servers }
    return level
  }

  /// The first instant strictly after `t` at which the roster changes level, or `nil` if it
  /// never does.
  public func nextChange(after t: SimTime) -> SimTime? {
    guard changes.count > 1 || changes[0].servers != servers(at: t) else { return nil }
    let exact = phaseOf(t)
    let cycleStart = t.minutes - exact
    // The instant of a change, cycleStart + offset, is rounded: read back, its phase may lie
    // a hair below the offset. Within the tolerance a change counts as come.
    let phase = exact + tolerance(t)
    let next: Double
    if let c = changes.first(where: { $0.offset.minutes > phase }) {
      next = cycleStart + c.offset.minutes
    } else {
      next = cycleStart + period.minutes + changes[0].offset.minutes
    }
    return SimTime(minutes: max(next, t.minutes.nextUp))
  }

  /// How far below an offset an instant's phase may fall by rounding alone: a few units in the
  /// last place of the instant (far below a microsecond, the shortest duration a file may give).
  private func tolerance(_ t: SimTime) -> Double {
    max(4 * abs(t.minutes).ulp, 1e-12)
  }

  /// Mean number of servers on duty over one period.
  public var meanServers: Double {
    var total = 0.0
    for (i, c) in changes.enumerated() {
      let end = i + 1 < changes.count ? changes[i + 1].offset.minutes : period.minutes
      let start = i == 0 ? 0 : c.offset.minutes
      total += Double(c.servers) * (end - start)
    }
    // The stretch before the first change carries the last level.
    total += Double(changes[changes.count - 1].servers - changes[0].servers)
      * changes[0].offset.minutes
    return total / period.minutes
  }

  private func phaseOf(_ t: SimTime) -> Double {
    let r = t.minutes.truncatingRemainder(dividingBy: period.minutes)
    return r < 0 ? r + period.minutes : r
  }
}
