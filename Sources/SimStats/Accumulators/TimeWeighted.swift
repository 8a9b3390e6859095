/// Time-weighted average of a level that changes at instants (queue length, busy servers,
/// occupied beds), with the full time-at-level distribution for integer levels.
///
/// Call ``update(to:atMinutes:)`` whenever the level changes. The accumulator adds the
/// elapsed time to the previous level's bucket with a compensated sum; the mean and variance
/// are computed from those buckets when read, so an update costs one addition and memory is
/// O(highest level) whatever the horizon. Levels are integers; the histogram grows only when a new maximum is
/// reached, so steady state never allocates.
public struct TimeWeighted: Sendable, Equatable {
  /// The current level.
  @inlinable public var level: Int { current }
  @usableFromInline var current: Int
  @usableFromInline var lastChange: Double
  @usableFromInline var start: Double
  @usableFromInline var timeAtLevel: [CompensatedSum]
  /// Largest level seen since the last reset.
  @inlinable public var maximumLevel: Int { highest }
  @usableFromInline var highest: Int

  /// Starts observing at `minutes` with the given level.
  public init(level: Int = 0, atMinutes minutes: Double = 0) {
    precondition(level >= 0, "a level cannot be negative")
    current = level
    lastChange = minutes
    start = minutes
    highest = level
    timeAtLevel = Array(repeating: CompensatedSum(), count: Swift.max(level + 1, 8))
  }

  /// Sets the level to `newLevel` at `minutes` (not before the previous change).
  /// - Complexity: O(1) amortised.
  @inlinable @inline(__always)
  public mutating func update(to newLevel: Int, atMinutes minutes: Double) {
    // Callers update several levels after each event and usually only one moved: the
    // unchanged case stays inline, without a call.
    if newLevel != current { change(to: newLevel, atMinutes: minutes) }
  }

  @usableFromInline
  mutating func change(to newLevel: Int, atMinutes minutes: Double) {
    precondition(newLevel >= 0, "a level cannot be negative")
    accumulate(until: minutes)
    current = newLevel
    if newLevel > highest {
      highest = newLevel
      if newLevel >= timeAtLevel.count { grow(to: newLevel) }
    }
  }

  @usableFromInline
  mutating func grow(to newLevel: Int) {
    timeAtLevel.append(contentsOf: repeatElement(CompensatedSum(), count: newLevel + 1 - timeAtLevel.count + 8))
  }

  /// Forgets everything observed before `minutes` (end of warm-up); the current level stays.
  public mutating func reset(atMinutes minutes: Double) {
    self = TimeWeighted(level: current, atMinutes: minutes)
  }

  /// Integrates the current level up to `minutes` (call before reading results at the end).
  public mutating func close(atMinutes minutes: Double) { accumulate(until: minutes) }

  /// Observed time span.
  public var duration: Double { lastChange - start }

  /// Time-average level, or `nil` if no time has elapsed.
  public var mean: Double? {
    guard duration > 0 else { return nil }
    var area = 0.0
    for l in 0...highest { area += Double(l) * timeAtLevel[l].value }
    return area / duration
  }

  /// Time-average variance of the level, or `nil` if no time has elapsed.
  public var variance: Double? {
    guard let m = mean else { return nil }
    var total = 0.0
    for l in 0...highest { total += (Double(l) - m) * (Double(l) - m) * timeAtLevel[l].value }
    return total / duration
  }

  /// Share of time spent at each level 0...maximumLevel (sums to 1).
  public var levelDistribution: [Double] {
    guard duration > 0 else { return [] }
    return (0...highest).map { timeAtLevel[$0].value / duration }
  }

  /// Share of time at or above `threshold`.
  public func fractionOfTime(atLeast threshold: Int) -> Double {
    guard duration > 0, threshold <= highest else { return 0 }
    var total = 0.0
    for l in Swift.max(threshold, 0)...highest { total += timeAtLevel[l].value }
    return total / duration
  }

  @inlinable
  mutating func accumulate(until minutes: Double) {
    let dt = minutes - lastChange
    precondition(dt >= 0, "time-weighted updates must not go back in time")
    if dt > 0 {
      timeAtLevel[current].add(dt)
      lastChange = minutes
    }
  }
}
