import Foundation

/// A child `telesim` and what it says as it runs: its progress lines and its end, in the order
/// they happened, as one stream.
enum ExperimentProcess {
  /// What the manager hears from a child.
  enum Event: Sendable {
    case progress(done: Int, total: Int, elapsed: Double)
    /// The exit status and the last lines it wrote on stderr that were not progress.
    case ended(exitStatus: Int32, message: String)
  }

  /// Starts `telesim arguments…` with its stdout in `log`, reading files under `confinedTo`
  /// only (`TELESIM_CONFINE`: a sweep's values are scenario text too), and returns its events.
  /// The stream ends after `.ended`.
  static func launch(_ telesim: URL, _ arguments: [String], log: URL, confinedTo: String) throws
    -> (Process, AsyncStream<Event>)
  {
    let process = Process()
    process.executableURL = telesim
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TELESIM_PROGRESS"] = "json"
    environment["NO_COLOR"] = "1"
    environment["TELESIM_CONFINE"] = confinedTo
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    // What the CLI prints (the table of a run, compare, sweep or optimisation) is kept for the page.
    guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
      throw WorkbenchError.badArgument("cannot write \(log.path)")
    }
    let output = try FileHandle(forWritingTo: log)
    defer { try? output.close() }  // the child has its own copy
    process.standardOutput = output
    let (events, continuation) = AsyncStream<Event>.makeStream()
    let lines = LineSplitter()
    let tail = TextTail()
    let hear: @Sendable (String) -> Void = { line in
      if let p = progress(line) {
        continuation.yield(.progress(done: p.done, total: p.total, elapsed: p.elapsed))
      } else {
        tail.append(line)
      }
    }
    errors.fileHandleForReading.readabilityHandler = { handle in
      for line in lines.feed(handle.availableData) { hear(line) }
    }
    process.terminationHandler = { p in
      errors.fileHandleForReading.readabilityHandler = nil
      // What came after the last handler call: the last progress, or the error that ended it.
      for line in lines.feed(errors.fileHandleForReading.readDataToEndOfFile()) { hear(line) }
      continuation.yield(.ended(exitStatus: p.terminationStatus, message: tail.text))
      continuation.finish()
    }
    try process.run()
    return (process, events)
  }

  /// `{"progress": {"done": 3, "total": 5, "elapsed_s": 1.2}}`, or nil for other lines.
  static func progress(_ line: String) -> (done: Int, total: Int, elapsed: Double)? {
    struct Line: Decodable {
      struct P: Decodable {
        var done: Int
        var total: Int
        var elapsed_s: Double
      }
      var progress: P
    }
    guard line.hasPrefix("{\"progress\""), let l = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else {
      return nil
    }
    return (l.progress.done, l.progress.total, l.progress.elapsed_s)
  }
}

/// The last lines of a child's stderr that were not progress: why it failed.
final class TextTail: @unchecked Sendable {
  // Appended to from the pipe's handlers; read once after the process ended.
  private let lock = NSLock()
  private var lines: [String] = []

  func append(_ line: String) {
    lock.withLock {
      lines.append(String(line.prefix(500)))
      if lines.count > 20 { lines.removeFirst() }
    }
  }

  var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// Splits a byte stream into lines (a line may arrive in pieces). A line longer than
/// ``longest`` bytes is cut there, so that a child writing without newlines cannot fill memory.
final class LineSplitter: @unchecked Sendable {
  static let longest = 64 << 10
  // Fed by the pipe's handler, then once more when the process ended.
  private let lock = NSLock()
  private var pending = Data()

  func feed(_ data: Data) -> [String] {
    lock.withLock {
      pending.append(data)
      var lines: [String] = []
      while true {
        let start = pending.startIndex
        if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
          lines.append(String(decoding: pending[start..<newline], as: UTF8.self))
          pending.removeSubrange(start...newline)
        } else if pending.count > Self.longest {
          lines.append(String(decoding: pending[start..<start + Self.longest], as: UTF8.self))
          pending.removeSubrange(start..<start + Self.longest)
        } else {
          break
        }
      }
      return lines
    }
  }
}
