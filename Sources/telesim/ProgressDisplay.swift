import Foundation
import Synchronization

/// A one-line progress bar on stderr, shown only when stderr is a terminal and the run has
/// lasted about 2 seconds (short runs stay quiet).
final class ProgressDisplay: Sendable {
  private let total: Int
  private let enabled: Bool
  private let start = Date()
  private let shown = Mutex(false)

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
  }

  func update(_ done: Int) {
    guard enabled, Date().timeIntervalSince(start) > 2 else { return }
    let width = 30
    let filled = total > 0 ? width * done / total : width
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    shown.withLock { $0 = true }
    FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) replications".utf8))
  }

  func finish() {
    if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
