import SimKernel
import SimStats

/// One teleconsultation queue: a hub's specialists of one specialty (or, with the statewide
/// pool, every hub's specialists of that specialty), with the figures planners read.
struct ConsultQueue {
  private var resource = Resource(servers: 0)
  /// Specialists on duty while a session is open.
  let specialists: Int
  /// Patients whose attempt failed and who come back when the next session opens.
  var retry = ContiguousArray<PatientID>()
  var busy = TimeWeighted()
  var onDuty = TimeWeighted()
  /// Patients waiting in line (not those waiting to retry after a failed call).
  var waiting = TimeWeighted()
  var consults = 0
  var wait = Tally()
  private var overtimeAtWarmUp = SimDuration.zero
  /// The line's length when the model last took note of it (for statewide counts).
  private var notedWaiting = 0

  init(specialists: Int) {
    self.specialists = specialists
  }

  /// How much the line has grown since this was last asked.
  mutating func waitingChangeSinceNoted() -> Int {
    defer { notedWaiting = resource.queue.count }
    return resource.queue.count - notedWaiting
  }

  /// Overtime since the end of warm-up, minutes.
  var overtimeMinutes: Double { (resource.overtime - overtimeAtWarmUp).minutes }

  /// A patient joins: whether a specialist takes them at once.
  mutating func join(_ p: PatientID, at now: SimTime) -> Bool {
    let served = resource.arrive(p.rawValue) == .served
    observeLevels(at: now)
    return served
  }

  /// A specialist is free again: the next patient they take, if any.
  mutating func release(at now: SimTime) -> PatientID? {
    let next = resource.complete(at: now).map { PatientID(Int($0.job)) }
    observeLevels(at: now)
    return next
  }

  /// The session opens or closes: the specialists on duty change.
  mutating func setOpen(_ open: Bool, at now: SimTime) {
    resource.setCapacity(open ? specialists : 0, at: now)
    onDuty.update(to: open ? specialists : 0, atMinutes: now.minutes)
  }

  /// The next waiting patient onto a free specialist, if both exist.
  mutating func startNextIfFree() -> PatientID? { resource.startNextIfFree().map { PatientID(Int($0.job)) } }

  /// Removes the next waiting patient (a session closing on patients sent home).
  mutating func removeNextWaiting() -> PatientID? { resource.drainQueue().map { PatientID(Int($0.job)) } }

  /// Records the busy and waiting levels (after changes made through ``startNextIfFree()``
  /// or ``removeNextWaiting()``).
  mutating func observeLevels(at now: SimTime) {
    busy.update(to: resource.busy, atMinutes: now.minutes)
    waiting.update(to: resource.queue.count, atMinutes: now.minutes)
  }

  /// A consultation starts after `wait`.
  mutating func recordConsult(waited wait: SimDuration) {
    consults += 1
    self.wait.record(wait.minutes)
  }

  /// Discards the figures gathered so far (end of warm-up).
  mutating func reset(at now: SimTime) {
    busy.reset(atMinutes: now.minutes)
    onDuty.reset(atMinutes: now.minutes)
    waiting.reset(atMinutes: now.minutes)
    consults = 0
    wait = Tally()
    overtimeAtWarmUp = resource.overtime
  }

  /// Closes the time averages at the end of the run.
  mutating func close(at now: SimTime) {
    busy.close(atMinutes: now.minutes)
    onDuty.close(atMinutes: now.minutes)
    waiting.close(atMinutes: now.minutes)
  }
}
