/// A model that the kernel drives: it reacts to its own events and keeps its own statistics.
///
/// The kernel is generic over the model's event type, so the domain plugs in without
/// existentials and events stay small value types (enums carrying IDs, not references).
public protocol SimulationModel {
  /// The model's event payload.
  associatedtype Event

  /// Reacts to `event` at `simulation.now`, scheduling further events as needed.
  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>)

  /// Called once when the warm-up period ends: discard statistics gathered so far, keeping
  /// the current state (queues, busy servers) as the starting level of time averages.
  mutating func endWarmUp(at time: SimTime)

  /// A 64-bit code for `event` (its kind and the entity it concerns) that goes into the run's
  /// trajectory fingerprint with the event's time. The default, 0, fingerprints times only.
  func fingerprintCode(of event: Event) -> UInt64
}

extension SimulationModel {
  public mutating func endWarmUp(at time: SimTime) {}
  @inlinable public func fingerprintCode(of event: Event) -> UInt64 { 0 }
}

/// Whether this build checks the engine's invariants as it runs (`SIM_INTERNAL_CHECKS`, set
/// for every debug build in `Package.swift`): the calendar's heap property, a monotone clock,
/// resource conservation, and the models' own ledgers.
public let internalChecksEnabled: Bool = {
  #if SIM_INTERNAL_CHECKS
  return true
  #else
  return false
  #endif
}()

extension Simulation {
  /// One step of the trajectory hash: the event's time bits and code folded into the state,
  /// then one odd multiplication. Each step is a bijection of the state, so two runs that
  /// differ in one event keep different fingerprints however they continue.
  @inlinable @inline(__always)
  static func mix(_ state: UInt64, _ timeBits: UInt64, _ code: UInt64) -> UInt64 {
    ((state &<< 5 | state &>> 59) ^ timeBits ^ code) &* 0x9e37_79b9_7f4a_7c15
  }
}

/// Why a run returned.
public enum RunOutcome: Sendable, Equatable {
  /// The clock reached the horizon.
  case reachedHorizon
  /// No event was left before the horizon.
  case calendarEmpty
  /// The model called ``Simulation/stop()``.
  case stopped
}

/// The clock and the event calendar of one replication.
///
/// Single-threaded by design: parallelism exists only between replications, each with its
/// own `Simulation`.
public struct Simulation<Event> {
  /// The current instant. Set before the model sees an event.
  @inlinable public var now: SimTime { SimTime(minutes: clock) }
  @usableFromInline var clock: Double = 0
  @usableFromInline var calendar: EventCalendar<Event>
  @usableFromInline var stopRequested = false
  /// Events delivered to the model so far.
  @inlinable public var eventsProcessed: UInt64 { delivered }
  @usableFromInline var delivered: UInt64 = 0
  /// A hash over the sequence of delivered events (each one's time and the model's code for
  /// it), as OMNeT++ keeps: any change of behaviour at a fixed seed changes it. Not a
  /// cryptographic hash; it detects change, it does not authenticate.
  @inlinable public var fingerprint: UInt64 { trajectory }
  @usableFromInline var trajectory: UInt64 = 0x6a09_e667_f3bc_c908

  /// Creates an empty simulation at time zero.
  public init(reservingEvents capacity: Int = 64) {
    calendar = EventCalendar(reservingCapacity: capacity)
  }

  /// Number of live pending events.
  public var pendingEventCount: Int { calendar.count }

  /// Schedules `event` at the absolute instant `time`.
  ///
  /// - Parameters:
  ///   - priority: order among events at the same instant (lower first).
  /// - Precondition: `time >= now` (time never runs backwards) and `time` is finite.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func schedule(_ event: Event, at time: SimTime, priority: EventPriority = .normal) {
    precondition(time.minutes >= now.minutes, "cannot schedule an event before now")
    calendar.schedule(event, at: time.minutes, priority: priority)
  }

  /// Schedules `event` after `delay` from now.
  ///
  /// - Precondition: `delay` is not negative.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func schedule(_ event: Event, after delay: SimDuration, priority: EventPriority = .normal) {
    precondition(delay.minutes >= 0, "cannot schedule an event with a negative delay")
    calendar.schedule(event, at: now.minutes + delay.minutes, priority: priority)
  }

  /// Schedules `event` after `delay` from now and returns a handle for ``cancel(_:)``.
  ///
  /// - Precondition: `delay` is not negative.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func scheduleCancellable(_ event: Event, after delay: SimDuration,
                                           priority: EventPriority = .normal) -> EventHandle {
    precondition(delay.minutes >= 0, "cannot schedule an event with a negative delay")
    return calendar.scheduleCancellable(event, at: now.minutes + delay.minutes, priority: priority)
  }

  /// Cancels a pending event; it will not be delivered.
  /// - Returns: `false` (and nothing changes) if the event has already fired or was cancelled.
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool { calendar.cancel(handle) }

  /// Asks the run loop to return after the current event.
  public mutating func stop() { stopRequested = true }

  /// Runs `model` until `horizon`, a stop request, or an empty calendar.
  ///
  /// Events at exactly `horizon` are delivered; later ones stay pending. When the clock first
  /// reaches `warmUpEnd` (before any event at or after it is delivered), the model's
  /// ``SimulationModel/endWarmUp(at:)`` is called with the clock set to `warmUpEnd`. On
  /// return after reaching the horizon, `now == horizon`.
  /// - Returns: why the run stopped.
  @inlinable
  public mutating func run<M: SimulationModel>(
    _ model: inout M, until horizon: SimTime, warmUpEnd: SimTime = .zero
  ) -> RunOutcome where M.Event == Event {
    stopRequested = false
    var warmedUp = warmUpEnd.minutes <= now.minutes
    if !warmedUp && warmUpEnd.minutes <= 0 {
      model.endWarmUp(at: now)
      warmedUp = true
    }
    while let nextTime = calendar.nextLiveTime() {
      if nextTime > horizon.minutes { break }
      if !warmedUp && nextTime >= warmUpEnd.minutes {
        clock = warmUpEnd.minutes
        model.endWarmUp(at: warmUpEnd)
        warmedUp = true
      }
      // nextLiveTime() has dropped cancelled entries, so the root is the live next event.
      let (time, event) = calendar.deliverTop()
      #if SIM_INTERNAL_CHECKS
      precondition(time >= clock, "the clock ran backwards")
      #endif
      clock = time
      delivered &+= 1
      trajectory = Self.mix(trajectory, time.bitPattern, model.fingerprintCode(of: event))
      model.handle(event, in: &self)
      calendar.finishDelivery()
      if stopRequested { return .stopped }
    }
    let emptied = calendar.isEmpty
    if !warmedUp && warmUpEnd.minutes <= horizon.minutes {
      clock = warmUpEnd.minutes
      model.endWarmUp(at: warmUpEnd)
    }
    clock = horizon.minutes
    return emptied ? .calendarEmpty : .reachedHorizon
  }
}
