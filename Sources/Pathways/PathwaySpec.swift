import SimKernel
import SimRandom

/// A validated description of patient pathways through shared resources: several patient
/// classes, stations that draw on named pools of servers, waiting-time limits, overflow,
/// returns, shift closing rules and routing that depends on the time or on who is free.
///
/// Built by the scenario reader for `kind: network` files that use any of these; a plain
/// network keeps to the leaner ``QueueNetwork`` model.
public struct PathwaySpec: Sendable, Equatable {
  /// Patient classes (at least one).
  public var classes: [PatientClass]
  /// Pools of servers (at least one).
  public var resources: [ResourcePool]
  /// Stations (at least one).
  public var stations: [Station]

  /// Creates a network.
  /// - Precondition: every per-class list has one entry per class and every ID is in range
  ///   (the reader guarantees both).
  public init(classes: [PatientClass], resources: [ResourcePool], stations: [Station]) {
    precondition(!classes.isEmpty && !stations.isEmpty, "a pathway network needs a class and a station")
    for s in stations {
      precondition(s.service.count == classes.count && s.arrivals.count == classes.count
                     && s.routing.count == classes.count && s.patience.count == classes.count
                     && s.balk.count == classes.count, "one entry per class at station \(s.name)")
      precondition(s.resource.map { $0.index < resources.count } ?? true, "station \(s.name): no such resource")
    }
    self.classes = classes
    self.resources = resources
    self.stations = stations
  }

  /// Lane (0 = most urgent) of each class in a resource's waiting line.
  var laneOfClass: [Int] {
    let levels = Array(Set(classes.map(\.priority))).sorted()
    return classes.map { c in levels.firstIndex(of: c.priority)! }
  }

  /// Number of distinct priority levels.
  var laneCount: Int { Set(classes.map(\.priority)).count }
}

extension PathwaySpec {
  /// A class of patient.
  public struct PatientClass: Sendable, Equatable {
    /// Name used in metric names (`class.labour.referred`).
    public var name: String
    /// Lower values are served first at every resource; equal values share a FIFO line.
    public var priority: Int
    /// Repeat visits after leaving, if the class comes back.
    public var returns: Returns?
    /// Creates a class.
    public init(name: String, priority: Int = 0, returns: Returns? = nil) {
      self.name = name
      self.priority = priority
      self.returns = returns
    }
  }

  /// Repeat visits: a patient's total number of visits is drawn once (rounded, at least 1);
  /// after each visit but the last the patient comes back to `station` after `after`.
  public struct Returns: Sendable, Equatable {
    /// Total visits, first included.
    public var visits: Distribution
    /// Time from leaving to coming back.
    public var after: Distribution
    /// Where a returning patient starts.
    public var station: StationID
    /// Class of a returning patient (a first visit becomes a follow-up); nil keeps the class.
    public var asClass: ClassID?
    /// When patients come back: on the first open day from the day `after` points to, at a
    /// uniform time within the hours; nil for exactly `after` later.
    public var window: ReturnWindow?
    /// Creates a return rule.
    public init(visits: Distribution, after: Distribution, station: StationID, asClass: ClassID? = nil,
                window: ReturnWindow? = nil) {
      self.visits = visits
      self.after = after
      self.station = station
      self.asClass = asClass
      self.window = window
    }
  }

  /// Clinic hours a returning patient keeps to.
  public struct ReturnWindow: Sendable, Equatable {
    /// Minutes after midnight when patients start coming.
    public var start: Double
    /// Minutes after midnight when they stop (after `start`, at most 24 h).
    public var end: Double
    /// Weekdays they come on, Monday first (time 0 is a Monday); at least one.
    public var days: [Bool]
    /// Creates a window.
    /// - Precondition: `0 <= start < end <= 1440`, seven days, at least one open.
    public init(start: Double, end: Double, days: [Bool]) {
      precondition(start >= 0 && start < end && end <= SimDuration.day.minutes && days.count == 7 && days.contains(true),
                   "a return window needs hours within a day and an open weekday")
      self.start = start
      self.end = end
      self.days = days
    }

    /// The instant a patient due back at `due` arrives, with `u` uniform in [0, 1): on the
    /// day of `due` if it is open and its hours are not over by then, at a uniform time
    /// between `due` (or the opening, if later) and the close; else on the next open day, at
    /// a uniform time within its hours. Never before `due` or `now`.
    public func arrival(due: Double, now: Double, u: Double) -> Double {
      let day = SimDuration.day.minutes
      let earliest = max(due, now)
      var d = (earliest / day).rounded(.down)
      while true {
        let weekday = Int(d.truncatingRemainder(dividingBy: 7))
        let opens = d * day + start
        let closes = opens + (end - start)
        if days[weekday], closes > earliest {
          let from = max(opens, earliest)
          return from + u * (closes - from)
        }
        d += 1
      }
    }
  }

  /// What a resource does with its waiting line when its roster goes to zero servers.
  public enum ClosingRule: String, Sendable, Equatable, CaseIterable {
    /// Those waiting wait for the next shift.
    case carryOver = "carry-over"
    /// Servers stay until everyone waiting at closing has been seen (overtime).
    case finishQueue = "finish-queue"
    /// Those waiting leave, counted as sent home.
    case sendHome = "send-home"
  }

  /// A pool of identical servers (staff or beds) shared by the stations that name it.
  public struct ResourcePool: Sendable, Equatable {
    /// Name used in metric names (`doctor.utilisation`).
    public var name: String
    /// Servers on duty over time (absences already taken off).
    public var roster: Roster
    /// The shifts alone, before absences: the closing rule applies when these reach zero.
    public var shift: Roster
    /// What happens to the waiting line when the shifts go to zero.
    public var closing: ClosingRule
    /// Creates a pool whose servers on duty are `roster`, or `shift` less absences.
    public init(name: String, roster: Roster, shift: Roster? = nil, closing: ClosingRule = .carryOver) {
      self.name = name
      self.roster = roster
      self.shift = shift ?? roster
      self.closing = closing
    }
  }

  /// Where a patient goes: another station (possibly as another class) or out of the network.
  public enum Destination: Sendable, Equatable {
    /// Join `station`, as class `asClass` when given.
    case station(StationID, asClass: ClassID?)
    /// Leave the network with `outcome`.
    case exit(Outcome)
  }

  /// How a patient leaves the network.
  public enum Outcome: Int, Sendable, Equatable, CaseIterable {
    /// Finished the pathway.
    case completed
    /// Referred out (a time limit ran out and the patient was sent on).
    case referred
    /// Gave up waiting.
    case reneged
    /// Would not join a long queue.
    case balked
    /// Turned away from a full station with nowhere to overflow.
    case refused
    /// Sent home when the resource closed.
    case sentHome

    /// Name used in metric names.
    public var name: String {
      switch self {
      case .completed: return "completed"
      case .referred: return "referred"
      case .reneged: return "reneged"
      case .balked: return "balked"
      case .refused: return "refused"
      case .sentHome: return "sent_home"
      }
    }
  }

  /// A waiting-time limit: after `limit` in the queue the patient goes to `then`.
  public struct Patience: Sendable, Equatable {
    /// Time a patient waits before giving up.
    public var limit: Distribution
    /// Where the patient goes then.
    public var then: Destination
    /// Creates a limit.
    public init(limit: Distribution, then: Destination) {
      self.limit = limit
      self.then = then
    }
  }

  /// One branch of a routing rule: with probability `probability`, go to `destination`.
  public struct Branch: Sendable, Equatable {
    /// Chance of taking this branch (the branches of a rule add up to at most 1).
    public var probability: Double
    /// Where it leads.
    public var destination: Destination
    /// Creates a branch.
    public init(probability: Double, destination: Destination) {
      self.probability = probability
      self.destination = destination
    }
  }

  /// When a routing rule applies.
  public enum Condition: Sendable, Equatable {
    /// Always (the last rule is usually this).
    case always
    /// While the time of day is in `[start, end)` minutes after midnight (wrapping past
    /// midnight when `end <= start`).
    case hours(start: Double, end: Double)
    /// While `station` could start a patient now (a server of its resource free, not full).
    case free(StationID)
  }

  /// A routing rule: the first rule whose condition holds decides; the probability its
  /// branches leave over means leaving the network (completed).
  public struct Rule: Sendable, Equatable {
    /// When the rule applies.
    public var condition: Condition
    /// What it does then.
    public var branches: [Branch]
    /// Creates a rule.
    public init(condition: Condition = .always, branches: [Branch]) {
      self.condition = condition
      self.branches = branches
    }
  }

  /// One step of care.
  public struct Station: Sendable, Equatable {
    /// Name used in metric names and stream names.
    public var name: String
    /// The pool whose server attends each patient here; nil for a pure delay (no waiting).
    public var resource: ResourceID?
    /// Most patients at this station (waiting plus in service); nil for no limit.
    public var capacity: Int?
    /// Whether the patient keeps the server after service here, until a station that
    /// releases it (or leaving the network).
    public var holds: Bool
    /// Held resources given back when service here ends.
    public var releases: [ResourceID]
    /// Time between being sent here and arriving (a follow-up after some days).
    public var delay: Distribution?
    /// Service time per class (nil: that class never comes here).
    public var service: [Distribution?]
    /// Arrivals from outside, per class.
    public var arrivals: [ArrivalProcess?]
    /// Routing after service, per class: the first matching rule decides.
    public var routing: [[Rule]]
    /// Waiting-time limit per class.
    public var patience: [Patience?]
    /// A class joins only if fewer than this many wait here.
    public var balk: [Int?]
    /// Where arrivals go when the station is full (instead of being refused).
    public var overflow: StationID?

    /// Creates a station; per-class lists must have one entry per class.
    public init(
      name: String, resource: ResourceID?, capacity: Int? = nil, holds: Bool = false,
      releases: [ResourceID] = [], delay: Distribution? = nil, service: [Distribution?],
      arrivals: [ArrivalProcess?], routing: [[Rule]], patience: [Patience?], balk: [Int?],
      overflow: StationID? = nil
    ) {
      self.name = name
      self.resource = resource
      self.capacity = capacity
      self.holds = holds
      self.releases = releases
      self.delay = delay
      self.service = service
      self.arrivals = arrivals
      self.routing = routing
      self.patience = patience
      self.balk = balk
      self.overflow = overflow
    }
  }
}
