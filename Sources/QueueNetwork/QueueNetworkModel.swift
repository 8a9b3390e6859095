import SimKernel
import SimRandom
import SimStats

/// Events of the queueing-network model. Payloads are kept to 6 bytes, widest field first
/// (a 2-byte field before a 4-byte one would be padded to 8), so that a calendar entry is
/// 24 bytes rather than 32 (the sift loops move whole entries).
public enum QueueNetworkEvent: Sendable {
  /// An external arrival of `customerClass` at `station`.
  case arrival(station: Int16, customerClass: Int16)
  /// The customer in `slot` finishes service at `station`.
  case departure(slot: Int32, station: Int16)
  /// The roster of `station` changes the number of servers on duty.
  case rosterChange(station: Int16)

  /// The event's kind and station (and customer class or slot), for the trajectory
  /// fingerprint.
  @inlinable var fingerprintCode: UInt64 {
    switch self {
    case .arrival(let s, let c): return 1 << 48 | UInt64(UInt16(bitPattern: s)) << 32 | UInt64(UInt16(bitPattern: c))
    case .departure(let slot, let s): return 2 << 48 | UInt64(UInt16(bitPattern: s)) << 32 | UInt64(UInt32(bitPattern: slot))
    case .rosterChange(let s): return 3 << 48 | UInt64(UInt16(bitPattern: s)) << 32
    }
  }
}

extension EventPriority {
  /// A roster change comes before arrivals and departures at the same instant, so that a
  /// customer arriving as a shift starts finds the new servers on duty.
  static let rosterChange = EventPriority(-1)
}

/// One replication of a ``NetworkSpec``: customers arrive, wait, are served and are routed.
///
/// Random streams, one per source of variation: `arrivals.STATION.CLASS`,
/// `service.STATION`, `routing.STATION`.
public struct QueueNetworkModel: SimulationModel {
  let spec: NetworkSpec
  let lanes: [Int]
  var stations: [StationState]
  var customers = CustomerPool()
  let arrivalStreams: ContiguousArray<RandomStream?>
  let serviceStreams: ContiguousArray<RandomStream>
  let routingStreams: [RandomStream]
  /// The same streams for plain-data draws without reference counting: inter-arrival stream
  /// of (station, class) at `station * classes + class`, then service streams after them.
  let hotStreams: StreamSet
  let routingCumulative: [[Double]]
  /// Probability of moving on from each station (the last cumulative value).
  let routingTotal: ContiguousArray<Double>
  /// Service law of (station, class) at `station * classCount + class`: a flat array keeps
  /// the hot path to one bounds check and no copy.
  let serviceLaws: ContiguousArray<Distribution>
  /// Arrival process of (station, class); only read where the spec has one. Not optional:
  /// unwrapping an optional copies the process (and retains its tables) on every arrival.
  let arrivalLaws: ContiguousArray<ArrivalProcess>
  /// Plain-data copies of parametric laws (nil for tables and time-varying arrivals): the hot
  /// path samples these without reference counting.
  let fastService: ContiguousArray<ParametricLaw?>
  let fastInterArrival: ContiguousArray<ParametricLaw?>
  let classCount: Int
  var networkSojourn = Tally()
  /// Whether network-wide sojourns are reported (only for `kind: network`): a single queue
  /// skips that tally, which would repeat the station's sojourn.
  let tracksNetworkSojourn: Bool
  var networkExits = 0
  /// Waits at the first station in order of service start, kept only for a pilot run.
  var pilot: PilotLog?
  /// External arrivals since the start (never reset), for conservation checks.
  var externalArrivalCount = 0
  /// Customers who left the network since the start (never reset).
  package private(set) var totalExits = 0

  /// Builds the model of one replication with streams from `seeder`.
  public init(spec: NetworkSpec, seeder: StreamSeeder) {
    self.spec = spec
    lanes = spec.laneOfClass
    stations = spec.stations.map {
      StationState(spec: $0, lanes: spec.laneCount, classes: spec.classes.count)
    }
    arrivalStreams = ContiguousArray(spec.stations.flatMap { s in
      spec.classes.indices.map { c in
        s.arrivals[c] == nil ? nil : seeder.stream("arrivals.\(s.name).\(spec.classes[c].name)")
      }
    })
    serviceStreams = ContiguousArray(spec.stations.map { seeder.stream("service.\($0.name)") })
    routingStreams = spec.stations.map { seeder.stream("routing.\($0.name)") }
    routingTotal = ContiguousArray(spec.stations.map { $0.routing.reduce(0, +) })
    classCount = spec.classes.count
    tracksNetworkSojourn = spec.prefixesStationNames
    serviceLaws = ContiguousArray(spec.stations.flatMap(\.service))
    let none = ArrivalProcess.renewal((try? Distribution.constant(1))!)
    arrivalLaws = ContiguousArray(spec.stations.flatMap { $0.arrivals.map { $0 ?? none } })
    fastService = ContiguousArray(serviceLaws.map(\.parametric))
    let placeholder = seeder.stream("unused")
    hotStreams = StreamSet(arrivalStreams.map { $0 ?? placeholder } + Array(serviceStreams))
    fastInterArrival = ContiguousArray(arrivalLaws.map { $0.interArrival?.parametric })
    routingCumulative = spec.stations.map { s in
      var running = 0.0
      return s.routing.map { p in
        running += p
        return running
      }
    }
  }

  public func fingerprintCode(of event: QueueNetworkEvent) -> UInt64 { event.fingerprintCode }

  /// Schedules the first arrivals and roster changes.
  public mutating func start(in sim: inout Simulation<QueueNetworkEvent>) {
    for (s, station) in spec.stations.enumerated() {
      for c in spec.classes.indices {
        guard let process = station.arrivals[c], let stream = arrivalStreams[s * classCount + c]
        else { continue }
        let first = process.next(afterMinutes: 0, using: stream)
        sim.schedule(.arrival(station: Int16(s), customerClass: Int16(c)),
                     at: SimTime(minutes: first))
      }
      if let change = station.roster.nextChange(after: .zero) {
        sim.schedule(.rosterChange(station: Int16(s)), at: change, priority: .rosterChange)
      }
    }
  }

  public mutating func handle(_ event: QueueNetworkEvent, in sim: inout Simulation<QueueNetworkEvent>) {
    switch event {
    case .arrival(let s, let c):
      let station = Int(s)
      let customerClass = Int(c)
      let law = station * classCount + customerClass
      let next: Double
      if let fast = fastInterArrival[law] {
        next = sim.now.minutes + hotStreams.sample(fast, stream: law)
      } else {
        next = arrivalLaws[law].next(afterMinutes: sim.now.minutes, using: arrivalStreams[law]!)
      }
      sim.schedule(event, at: SimTime(minutes: next))
      externalArrivalCount += 1
      let slot = customers.admit(customerClass: customerClass, at: sim.now.minutes)
      enter(slot, station: station, in: &sim)
    case .departure(let slot, let s):
      depart(slot, station: Int(s), in: &sim)
    case .rosterChange(let s):
      changeRoster(station: Int(s), in: &sim)
    }
  }

  public mutating func endWarmUp(at time: SimTime) {
    for i in stations.indices { stations[i].resetStatistics(at: time.minutes) }
    networkSojourn = Tally()
    networkExits = 0
  }

  /// A customer joins `station` (from outside or from another station).
  @inline(__always)
  mutating func enter(_ slot: Int32, station: Int, in sim: inout Simulation<QueueNetworkEvent>) {
    let now = sim.now.minutes
    let customerClass = customers.customerClass(slot)
    // One mutation of the station per arrival (each element access re-checks uniqueness).
    switch stations[station].admit(slot, lane: lanes[customerClass], customerClass: customerClass, at: now) {
    case .served:
      if station == 0 { pilot?.record(now, 0) }
      startService(slot, station: station, in: &sim)
    case .queued:
      break
    case .refused:
      customers.release(slot)
    }
  }

  @inline(__always)
  mutating func startService(_ slot: Int32, station: Int, in sim: inout Simulation<QueueNetworkEvent>) {
    let customerClass = customers.customerClass(slot)
    let law = station * classCount + customerClass
    let duration: Double
    if let fast = fastService[law] {
      duration = hotStreams.sample(fast, stream: arrivalLaws.count + station)
    } else {
      duration = serviceLaws[law].sample(using: serviceStreams[station])
    }
    sim.schedule(.departure(slot: slot, station: Int16(station)), after: SimDuration(minutes: duration))
  }

  @inline(__always)
  mutating func depart(_ slot: Int32, station: Int, in sim: inout Simulation<QueueNetworkEvent>) {
    let now = sim.now.minutes
    let stay = now - customers.arrivalAtStation(slot)
    if let next = stations[station].finish(stay: stay, customerClass: customers.customerClass(slot), at: sim.now) {
      let waited = now - customers.arrivalAtStation(next)
      stations[station].recordWait(waited, customerClass: customers.customerClass(next))
      if station == 0 { pilot?.record(now, waited) }
      startService(next, station: station, in: &sim)
    }
    route(slot, from: station, in: &sim)
  }

  @inline(__always)
  mutating func route(_ slot: Int32, from station: Int, in sim: inout Simulation<QueueNetworkEvent>) {
    // Most stations route nobody onward: decide that without touching the routing row.
    let total = routingTotal[station]
    if total > 0 {
      let cumulative = routingCumulative[station]
      let u = routingStreams[station].uniform()
      if u < total, let target = cumulative.firstIndex(where: { u < $0 }) {
        customers.moved(slot, at: sim.now.minutes)
        enter(slot, station: target, in: &sim)
        return
      }
    }
    if tracksNetworkSojourn { networkSojourn.record(sim.now.minutes - customers.enteredNetwork(slot)) }
    networkExits += 1
    totalExits += 1
    customers.release(slot)
  }

  mutating func changeRoster(station: Int, in sim: inout Simulation<QueueNetworkEvent>) {
    let roster = spec.stations[station].roster
    let servers = roster.servers(at: sim.now)
    stations[station].resource.setCapacity(servers, at: sim.now)
    stations[station].onDuty.update(to: servers, atMinutes: sim.now.minutes)
    while let (next, _) = stations[station].resource.startNextIfFree() {
      let waited = sim.now.minutes - customers.arrivalAtStation(next)
      stations[station].recordWait(waited, customerClass: customers.customerClass(next))
      if station == 0 { pilot?.record(sim.now.minutes, waited) }
      startService(next, station: station, in: &sim)
    }
    stations[station].observeLevels(at: sim.now.minutes)
    if let change = roster.nextChange(after: sim.now) {
      sim.schedule(.rosterChange(station: Int16(station)), at: change, priority: .rosterChange)
    }
  }
}

extension QueueNetworkModel {
  /// Per-station counts since the start (not reset at warm-up), for conservation checks:
  /// every customer who arrived was refused, is still present, or has left the station.
  package struct Census: Equatable {
    package var present: Int
    package var refused: Int
  }

  /// The census of each station, and how many customers are in the network.
  package var census: (stations: [Census], customersInNetwork: Int) {
    (stations.map { Census(present: $0.resource.inSystem, refused: $0.resource.refusedCount) },
     customers.active)
  }

  /// Runs a fresh model to `horizon` with no warm-up and returns it, for invariant tests.
  package static func runForInspection(_ spec: NetworkSpec, seeder: StreamSeeder, horizon: SimDuration)
    -> QueueNetworkModel
  {
    var model = QueueNetworkModel(spec: spec, seeder: seeder)
    var sim = Simulation<QueueNetworkEvent>()
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes))
    return model
  }

  /// Customers that entered the network from outside (admitted or refused at first station).
  package var externalArrivals: Int { externalArrivalCount }
}

/// A time series of one output, recorded only during a pilot run (for warm-up detection).
public final class PilotLog {
  public private(set) var times: [Double] = []
  public private(set) var values: [Double] = []
  public init() {}
  func record(_ time: Double, _ value: Double) {
    times.append(time)
    values.append(value)
  }
}

extension QueueNetworkModel {
  /// Runs one replication without warm-up and returns the waits at the first station in order
  /// of service start, with their times: the series MSER-5 reads.
  public static func pilotSeries(_ spec: NetworkSpec, seeder: StreamSeeder, horizon: SimDuration)
    -> (times: [Double], values: [Double])
  {
    var model = QueueNetworkModel(spec: spec, seeder: seeder)
    let log = PilotLog()
    model.pilot = log
    var sim = Simulation<QueueNetworkEvent>()
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes))
    return (log.times, log.values)
  }
}
