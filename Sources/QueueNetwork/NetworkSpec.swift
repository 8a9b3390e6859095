import SimKernel
import SimRandom

/// A validated description of a queueing network: one or more stations, customer classes,
/// external arrivals and probabilistic routing (as in Ciw). A single queue is a network of one
/// station.
public struct NetworkSpec: Sendable, Equatable {
  /// A customer class.
  public struct CustomerClass: Sendable, Equatable {
    /// Name used in metric names (`class.urgent.wait.mean`).
    public var name: String
    /// Priority: lower values are served first; equal values share a FIFO line.
    public var priority: Int
    /// Creates a class.
    public init(name: String, priority: Int = 0) {
      self.name = name
      self.priority = priority
    }
  }

  /// One service station.
  public struct Station: Sendable, Equatable {
    /// Name used in metric names and stream names.
    public var name: String
    /// Servers on duty over time.
    public var roster: Roster
    /// Most customers in the station (waiting plus in service); `nil` for no limit.
    public var capacity: Int?
    /// Service time in minutes, one per class (index aligned with ``NetworkSpec/classes``).
    public var service: [Distribution]
    /// Arrivals from outside, one optional process per class.
    public var arrivals: [ArrivalProcess?]
    /// Probability of moving to each station after service (index aligned with stations);
    /// the remainder leaves the network.
    public var routing: [Double]

    /// Creates a station.
    public init(
      name: String, roster: Roster, capacity: Int? = nil, service: [Distribution],
      arrivals: [ArrivalProcess?], routing: [Double]
    ) {
      self.name = name
      self.roster = roster
      self.capacity = capacity
      self.service = service
      self.arrivals = arrivals
      self.routing = routing
    }
  }

  /// Customer classes (at least one).
  public var classes: [CustomerClass]
  /// Stations (at least one).
  public var stations: [Station]
  /// Whether metric names carry the station prefix (false for a single queue).
  public var prefixesStationNames: Bool

  /// Creates a network.
  /// - Precondition: at least one class and station; each station has one service law and one
  ///   arrival slot per class and one routing entry per station.
  public init(classes: [CustomerClass], stations: [Station], prefixesStationNames: Bool) {
    precondition(!classes.isEmpty && !stations.isEmpty, "a network needs a class and a station")
    precondition(classes.count <= Int(Int16.max) && stations.count <= Int(Int16.max),
                 "at most 32,767 stations and classes (events carry 16-bit indices)")
    for s in stations {
      precondition(s.service.count == classes.count && s.arrivals.count == classes.count,
                   "one service law and arrival slot per class at station \(s.name)")
      precondition(s.routing.count == stations.count, "one routing entry per station")
    }
    self.classes = classes
    self.stations = stations
    self.prefixesStationNames = prefixesStationNames
  }

  /// Lane (0 = most urgent) of each class in a station's waiting line.
  var laneOfClass: [Int] {
    let levels = Array(Set(classes.map(\.priority))).sorted()
    return classes.map { c in levels.firstIndex(of: c.priority)! }
  }

  /// Number of distinct priority levels.
  var laneCount: Int { Set(classes.map(\.priority)).count }
}
