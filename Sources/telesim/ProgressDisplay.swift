import Foundation
import Synchronization

/// A one-line progress bar on stderr, shown only when stderr is a terminal and the run has
/// lasted about 2 seconds (short runs stay quiet), and, once the first replication is done, an
/// estimate of the time left when it is more than a few seconds.
final class ProgressDisplay: Sendable {
  let total: Int
  private let workers: Int
  private let enabled: Bool
  private let isTerminal: Bool
  private let already: Int
  private let start = Date()
  private struct State {
    var shown = false
    var done = 0
    var estimated = false
  }
  private let state: Mutex<State>

  /// - Parameter already: units finished before this process started (a resumed experiment).
  init(total: Int, workers: Int, enabled: Bool, already: Int = 0) {
    self.total = total
    self.workers = max(workers, 1)
    self.enabled = enabled
    isTerminal = isatty(STDERR_FILENO) == 1
    self.already = already
    state = Mutex(State(done: already))
    // A watching program learns the total as soon as the work starts, not after a first unit.
    if Self.jsonLines {
      printToStandardError("{\"progress\": {\"done\": \(already), \"total\": \(total), \"elapsed_s\": 0}}")
    }
  }

  /// Units finished so far.
  var done: Int { state.withLock { $0.done } }

  /// Counts one more finished unit and redraws.
  func advance() {
    let elapsed = Date().timeIntervalSince(start)
    let (done, first, showBar) = state.withLock { s -> (Int, Bool, Bool) in
      s.done += 1
      let first = !s.estimated
      s.estimated = true
      let bar = enabled && isTerminal && elapsed > 2
      if bar { s.shown = true }
      return (s.done, first, bar)
    }
    if Self.jsonLines {
      // For a program watching the run (the workbench): one line per finished unit.
      printToStandardError("{\"progress\": {\"done\": \(done), \"total\": \(total), \"elapsed_s\": \(elapsed)}}")
    }
    // The first units ran side by side, one per worker: the rest take as long per batch.
    let left = elapsed * Double(total - done) / Double(min(workers, max(total - already, 1)))
    if first && enabled && left >= 3 {
      printToStandardError(
        (isTerminal && showBar ? "\n" : "") + "first replication done in \(Self.duration(elapsed)); "
          + "about \(Self.duration(left)) to go")
    }
    guard showBar else { return }
    let width = 30
    let filled = total > 0 ? width * done / total : width
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) replications".utf8))
  }

  func finish() {
    let shown = state.withLock { s -> Bool in
      defer { s.shown = false }
      return s.shown
    }
    if shown { FileHandle.standardError.write(Data("\n".utf8)) }
  }

  /// Whether to write a JSON line per finished unit (`TELESIM_PROGRESS=json`).
  static let jsonLines = ProcessInfo.processInfo.environment["TELESIM_PROGRESS"] == "json"

  /// `42 s`, `3.5 min`, `2.1 h`.
  static func duration(_ seconds: Double) -> String {
    if seconds < 90 { return "\(Int(seconds.rounded())) s" }
    if seconds < 5400 { return "\((seconds / 6).rounded() / 10) min" }
    return "\((seconds / 360).rounded() / 10) h"
  }
}
