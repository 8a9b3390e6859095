/// Runs `body(0) … body(count − 1)` with at most `workers` running at once and returns the
/// results in index order, so the output never depends on scheduling. `finished` is called
/// with each result as it arrives and `progress` with the number finished so far (both from
/// the calling task, one at a time).
func parallelMap<T: Sendable>(_ count: Int, workers: Int, progress: (@Sendable (Int) -> Void)?,
                              finished: ((Int, T) -> Void)? = nil,
                              _ body: @escaping @Sendable (Int) -> T) async -> [T] {
  var results = [T?](repeating: nil, count: count)
  await withTaskGroup(of: (Int, T).self) { group in
    var next = 0
    func launch() {
      let i = next
      group.addTask { (i, body(i)) }
      next += 1
    }
    while next < count && next < max(workers, 1) { launch() }
    var done = 0
    for await (i, value) in group {
      results[i] = value
      done += 1
      finished?(i, value)
      progress?(done)
      if next < count { launch() }
    }
  }
  return results.map { $0! }
}
