/// A pool of identical servers with a waiting line, optional finite capacity, and a number of
/// servers on duty that can change over time (a roster).
///
/// The resource holds state only: the model schedules the service completions it implies.
/// When capacity falls below the number of busy servers, the surplus servers finish their
/// current job and then leave; the time they work past the change is recorded as overtime.
public struct Resource: Sendable {
  /// Outcome of an arrival.
  public enum Admission: Sendable, Equatable {
    /// A server was free: service starts now.
    case served
    /// All servers on duty are busy: the job waits.
    case queued
    /// The system already holds `systemCapacity` jobs: the job is turned away.
    case refused
  }

  /// Servers on duty now.
  public private(set) var capacity: Int
  /// Servers busy now (may exceed `capacity` while surplus servers finish).
  public private(set) var busy = 0
  /// Maximum jobs in the system (in service plus waiting), or `nil` for no limit.
  public let systemCapacity: Int?
  /// The waiting line.
  public private(set) var queue: ClassQueue
  /// Arrivals turned away because the system was full.
  public private(set) var refusedCount = 0
  /// Total time surplus servers worked after their shift ended.
  public private(set) var overtime = SimDuration.zero
  /// Shift-end instants of servers still finishing a job after their shift ended.
  @usableFromInline var shiftEnds: ContiguousArray<SimTime> = []

  /// Creates a resource.
  /// - Precondition: `servers >= 0`, `systemCapacity >= max(servers, 1)` when given.
  public init(servers: Int, systemCapacity: Int? = nil, priorityClasses: Int = 1) {
    precondition(servers >= 0, "a resource cannot have a negative number of servers")
    if let k = systemCapacity {
      precondition(k >= Swift.max(servers, 1), "system capacity must be at least 1 and at least the servers")
    }
    capacity = servers
    self.systemCapacity = systemCapacity
    queue = ClassQueue(classes: priorityClasses)
    shiftEnds.reserveCapacity(servers)
  }

  /// Jobs in service plus waiting.
  public var inSystem: Int { busy + queue.count }
  /// Whether a server on duty is free.
  public var hasFreeServer: Bool { busy < capacity }

  /// Admits `job`: it starts service, waits, or is refused.
  /// - Complexity: O(1) amortised.
  public mutating func arrive(_ job: Int32, priorityClass: Int = 0) -> Admission {
    if let k = systemCapacity, inSystem >= k {
      refusedCount += 1
      return .refused
    }
    if busy < capacity {
      busy += 1
      checkInvariantsIfEnabled()
      return .served
    }
    queue.enqueue(job, priorityClass: priorityClass)
    checkInvariantsIfEnabled()
    return .queued
  }

  /// Records that one busy server finished a job at `now`, and hands that server the next
  /// waiting job if it stays on duty.
  /// - Returns: the job that starts service now, if any.
  /// - Precondition: at least one server is busy.
  public mutating func complete(at now: SimTime) -> (job: Int32, priorityClass: Int)? {
    precondition(busy > 0, "completed a job on a resource with no busy server")
    defer { checkInvariantsIfEnabled() }
    if busy > capacity {
      busy -= 1
      recordOvertime(until: now)
      return nil
    }
    busy -= 1
    return startNextIfFree()
  }

  /// Takes the next waiting job onto a free server.
  /// - Returns: the job that starts service now, or `nil` if no server is free or nobody waits.
  public mutating func startNextIfFree() -> (job: Int32, priorityClass: Int)? {
    guard busy < capacity, let next = queue.dequeue() else { return nil }
    busy += 1
    return next
  }

  /// Changes the number of servers on duty at `now`.
  ///
  /// Surplus busy servers finish their job first. After raising capacity, call
  /// ``startNextIfFree()`` until it returns `nil` to start waiting jobs.
  /// - Precondition: `0 <= servers <= systemCapacity` (when there is one).
  public mutating func setCapacity(_ servers: Int, at now: SimTime) {
    precondition(servers >= 0, "a resource cannot have a negative number of servers")
    precondition(systemCapacity.map { servers <= $0 } ?? true, "servers on duty cannot exceed the system capacity")
    let surplusBefore = Swift.max(busy - capacity, 0)
    let surplusAfter = Swift.max(busy - servers, 0)
    if surplusAfter > surplusBefore {
      for _ in 0..<(surplusAfter - surplusBefore) { shiftEnds.append(now) }
    } else if surplusAfter < surplusBefore {
      // Servers called back on duty stop accruing overtime; drop the latest shift ends.
      shiftEnds.removeLast(surplusBefore - surplusAfter)
    }
    capacity = servers
  }

  /// Traps in `SIM_INTERNAL_CHECKS` builds if servers are not conserved: busy servers are
  /// those on duty that are busy plus those finishing past their shift, and nobody waits
  /// while a server on duty is free.
  @inlinable @inline(__always)
  func checkInvariantsIfEnabled() {
    #if SIM_INTERNAL_CHECKS
    precondition(busy >= 0 && busy - Swift.max(busy - capacity, 0) <= capacity, "resource: busy servers not conserved")
    precondition(Swift.max(busy - capacity, 0) == shiftEnds.count, "resource: surplus servers not tracked")
    precondition(queue.count == 0 || busy >= capacity, "resource: a job waits while a server is free")
    #endif
  }

  @usableFromInline
  mutating func recordOvertime(until now: SimTime) {
    // Which surplus server finished is immaterial: the total is Σ finish − Σ shift end.
    let end = shiftEnds.removeFirst()
    overtime = overtime + (now - end)
  }
}

extension Resource {
  /// Removes and returns the first waiting job (for models that send waiting customers away,
  /// such as a clinic closing with patients still in the queue).
  public mutating func drainQueue() -> (job: Int32, priorityClass: Int)? {
    queue.dequeue()
  }
}
