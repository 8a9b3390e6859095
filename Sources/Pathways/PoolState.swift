import SimStats

/// A resource's live state and the statistics gathered since the end of warm-up.
struct PoolState {
  /// Servers the roster puts on duty now.
  var onDuty: Int
  /// Servers that may start a patient now: the roster's level, or more while a
  /// `finish-queue` closing sees out those who waited at closing.
  var serving: Int
  /// Servers busy now, serving or held by a patient between steps.
  var busy = 0
  var line: WaitingLine
  /// Patients really waiting (the line may also hold stale entries).
  var waiting = 0
  /// During a `finish-queue` closing: only patients whose wait began by the closing (ticket
  /// at most this) may start; tickets, not times, so that an arrival at the very instant of
  /// closing is not mistaken for one already in line.
  var closingCutoff: UInt64?
  /// Patients still waiting who were in line at closing.
  var eligibleLeft = 0

  var busyLevel = TimeWeighted()
  var onDutyLevel: TimeWeighted
  var queueLevel = TimeWeighted()
  /// Servers working past the roster (busy beyond those on duty); its area is the overtime.
  var surplusLevel = TimeWeighted()

  init(servers: Int, lanes: Int) {
    onDuty = servers
    serving = servers
    line = WaitingLine(lanes: lanes)
    onDutyLevel = TimeWeighted(level: servers)
  }

  /// Whether a new patient could start now.
  var hasFreeServer: Bool { closingCutoff == nil && busy < serving }

  mutating func observe(at now: Double) {
    busyLevel.update(to: busy, atMinutes: now)
    onDutyLevel.update(to: onDuty, atMinutes: now)
    queueLevel.update(to: waiting, atMinutes: now)
    surplusLevel.update(to: max(busy - onDuty, 0), atMinutes: now)
  }

  mutating func reset(at now: Double) {
    busyLevel.reset(atMinutes: now)
    onDutyLevel.reset(atMinutes: now)
    queueLevel.reset(atMinutes: now)
    surplusLevel.reset(atMinutes: now)
  }

  mutating func close(at now: Double) {
    busyLevel.close(atMinutes: now)
    onDutyLevel.close(atMinutes: now)
    queueLevel.close(atMinutes: now)
    surplusLevel.close(atMinutes: now)
  }
}

/// Counts and tallies of one station, overall and per class, since the end of warm-up.
struct StationTally {
  var arrivals = 0
  var completions = 0
  var reneged = 0
  var balked = 0
  var overflowed = 0
  var refused = 0
  var wait = Tally()
  var waitQuantiles = QuantileSketch()
  var sojourn = Tally()
  /// Patients here now (waiting or in service), and those waiting, for capacity and balking.
  var present = 0
  var waiting = 0
  var presentLevel = TimeWeighted()
  var classArrivals: [Int]
  var classReneged: [Int]
  var classWait: [Tally]
  var classSojourn: [Tally]
  var classPresent: [Int]
  var classPresentLevel: [TimeWeighted]

  init(classes: Int) {
    classArrivals = Array(repeating: 0, count: classes)
    classReneged = Array(repeating: 0, count: classes)
    classWait = Array(repeating: Tally(), count: classes)
    classSojourn = Array(repeating: Tally(), count: classes)
    classPresent = Array(repeating: 0, count: classes)
    classPresentLevel = Array(repeating: TimeWeighted(), count: classes)
  }

  /// One more (or fewer) patient of class `c` here at `now`.
  mutating func changePresent(by delta: Int, patientClass c: Int, at now: Double) {
    present += delta
    classPresent[c] += delta
    presentLevel.update(to: present, atMinutes: now)
    classPresentLevel[c].update(to: classPresent[c], atMinutes: now)
  }

  mutating func reset(at now: Double) {
    let classes = classArrivals.count
    let (p, w, cp) = (present, waiting, classPresent)
    var levels = presentLevel
    var classLevels = classPresentLevel
    levels.reset(atMinutes: now)
    for i in classLevels.indices { classLevels[i].reset(atMinutes: now) }
    self = StationTally(classes: classes)
    (present, waiting, classPresent) = (p, w, cp)
    presentLevel = levels
    classPresentLevel = classLevels
  }

  mutating func close(at now: Double) {
    presentLevel.close(atMinutes: now)
    for i in classPresentLevel.indices { classPresentLevel[i].close(atMinutes: now) }
  }
}
