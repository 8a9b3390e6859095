import Foundation
import ScenarioIO

/// Experiments started from the workbench: each a `telesim` child process writing its results
/// under the data folder, so that a run goes on when the page is closed and its results are
/// written whole or not at all, as from the command line. Progress comes from the child's
/// JSON progress lines (`TELESIM_PROGRESS=json`) and reaches every page watching the run.
public actor RunManager {
  /// A run's progress as pages see it.
  public struct Progress: Codable, Sendable, Equatable {
    public var id: Int64
    public var done: Int
    public var total: Int
    public var elapsedSeconds: Double
    /// `running`, `done`, `failed` or `cancelled`.
    public var status: String
  }

  let telesim: URL
  let folder: ScenarioFolder
  let history: RunHistory
  let results: URL
  private var processes: [Int64: Process] = [:]
  private var cancelled: Set<Int64> = []
  private var latest: [Int64: Progress] = [:]
  private var watchers: [Int64: [AsyncStream<Progress>.Continuation]] = [:]

  /// A manager running `telesim` on `folder`'s scenarios, recording in `history`, with
  /// results under `results`.
  public init(telesim: URL, folder: ScenarioFolder, history: RunHistory, results: URL) {
    self.telesim = telesim
    self.folder = folder
    self.history = history
    self.results = results
  }

  /// Starts the experiment `job` asks for as a child `telesim` writing to RESULTS/ID (with
  /// its report), records it, and returns its ID.
  /// - Throws: ``WorkbenchError`` when a file is not in the folder or an argument is refused;
  ///   nothing is recorded then. A file that does not validate fails as a run, with the CLI's
  ///   diagnostics as its message.
  public func start(_ job: JobRequest) throws -> Int64 {
    let arguments = try job.arguments(in: folder)
    guard let file = folder.file(job.scenario), let text = try? String(contentsOf: file, encoding: .utf8) else {
      throw WorkbenchError.noSuchScenario
    }
    // The scenario's hash and default seed are filled in once it is read, off the path to the
    // child's start (reading a statewide network takes a fifth of a second).
    var record = RunRecord(
      scenario: job.scenario, scenarioHash: "", scenarioText: text, seed: job.seed ?? 0,
      command: "telesim "
        + arguments.map { $0.replacingOccurrences(of: folder.root.path + "/", with: "") }
        .joined(separator: " "),
      status: "running", startedAt: Date().timeIntervalSince1970)
    record.kind = job.command.rawValue
    record.replications = job.replications
    record = try history.add(record)
    let id = record.id!
    do {
      let out = results.appendingPathComponent("\(id)")
      let log = results.appendingPathComponent("\(id).log")
      let process = Process()
      process.executableURL = telesim
      process.arguments = arguments + ["--out", out.path] + (job.command == .optimise ? [] : ["--report"])
      var environment = ProcessInfo.processInfo.environment
      environment["TELESIM_PROGRESS"] = "json"
      environment["NO_COLOR"] = "1"
      process.environment = environment
      let errors = Pipe()
      process.standardError = errors
      // What the CLI prints (the table of a compare, sweep or optimisation) is kept for the page.
      try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
        throw WorkbenchError.badArgument("cannot write in \(results.path)")
      }
      let output = try FileHandle(forWritingTo: log)
      defer { try? output.close() }  // the child has its own copy
      process.standardOutput = output
      let lines = LineSplitter()
      let tail = TextTail()
      errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
        for line in lines.feed(handle.availableData) {
          guard let p = Self.progress(line) else {
            tail.append(line)
            continue
          }
          Task { await self?.publish(id, done: p.done, total: p.total, elapsed: p.elapsed) }
        }
      }
      process.terminationHandler = { [weak self] p in
        errors.fileHandleForReading.readabilityHandler = nil
        // What came after the last handler call (the error that ended it, most likely).
        for line in lines.feed(errors.fileHandleForReading.readDataToEndOfFile()) where Self.progress(line) == nil {
          tail.append(line)
        }
        let status = p.terminationStatus
        Task { await self?.ended(id, exitStatus: status, results: out, message: tail.text) }
      }
      // The total is known from the CLI's first line (a sweep's designs times replications).
      latest[id] = Progress(id: id, done: 0, total: 0, elapsedSeconds: 0, status: "running")
      try process.run()
      let history = history
      Task.detached(priority: .utility) {
        // The text as it was when the run started (the child read the same).
        guard let scenario = try? ScenarioLoader.parse(text, file: file.path) else { return }
        try? history.describe(id, hash: scenario.contentHash, seed: job.seed ?? Int64(clamping: scenario.seed))
      }
      processes[id] = process
    } catch {
      try? history.finish(
        id, status: "failed", at: Date().timeIntervalSince1970, resultsPath: nil,
        message: "cannot start \(telesim.path): \(error.localizedDescription)")
      latest[id] = Progress(id: id, done: 0, total: 0, elapsedSeconds: 0, status: "failed")
      throw WorkbenchError.badArgument("cannot start telesim: \(error.localizedDescription)")
    }
    return id
  }

  /// Starts `telesim compare` of two finished runs: the same files, which must not have
  /// changed since (their scenario hash), under common random numbers on the first run's seed
  /// and replications, so that the paired differences are `compare`'s own.
  public func compare(_ a: RunRecord, _ b: RunRecord) throws -> Int64 {
    for r in [a, b] {
      guard r.kind == "run", r.status == "done" else {
        throw WorkbenchError.badArgument(
          "run \(r.id ?? 0) is a \(r.kind) that is \(r.status): compare two finished runs")
      }
      guard let file = folder.file(r.scenario), let now = try? ScenarioLoader.load(path: file.path),
        now.contentHash == r.scenarioHash
      else {
        throw WorkbenchError.badArgument(
          "\(r.scenario) has changed since run \(r.id ?? 0) (or is gone); "
            + "the history keeps the text it ran")
      }
    }
    return try start(
      JobRequest(
        command: .compare, scenario: a.scenario, others: [b.scenario],
        replications: a.replications, seed: a.seed))
  }

  /// Removes a finished run's results and output.
  public func removeFiles(of id: Int64) {
    try? FileManager.default.removeItem(at: results.appendingPathComponent("\(id)"))
    try? FileManager.default.removeItem(at: results.appendingPathComponent("\(id).log"))
  }

  /// Stops a run (SIGTERM: the CLI keeps the replications it finished); whether it was running.
  public func cancel(_ id: Int64) -> Bool {
    guard let p = processes[id], p.isRunning else { return false }
    cancelled.insert(id)
    p.terminate()
    return true
  }

  /// The run's progress now and as it changes, until it ends.
  public func watch(_ id: Int64) -> AsyncStream<Progress> {
    AsyncStream { continuation in
      if let now = latest[id] {
        continuation.yield(now)
        if now.status != "running" { continuation.finish(); return }
      } else {
        continuation.finish()
        return
      }
      watchers[id, default: []].append(continuation)
    }
  }

  private func publish(_ id: Int64, done: Int, total: Int, elapsed: Double) {
    let p = Progress(id: id, done: done, total: total, elapsedSeconds: elapsed, status: "running")
    latest[id] = p
    for w in watchers[id] ?? [] { w.yield(p) }
  }

  private func ended(_ id: Int64, exitStatus: Int32, results: URL, message: String) {
    let status = cancelled.contains(id) ? "cancelled" : exitStatus == 0 ? "done" : "failed"
    try? history.finish(
      id, status: status, at: Date().timeIntervalSince1970,
      resultsPath: exitStatus == 0 ? results.path : nil, message: status == "failed" ? message : nil)
    var p = latest[id] ?? Progress(id: id, done: 0, total: 0, elapsedSeconds: 0, status: status)
    p.status = status
    latest[id] = p
    for w in watchers[id] ?? [] {
      w.yield(p)
      w.finish()
    }
    watchers[id] = nil
    processes[id] = nil
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
    guard let l = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else { return nil }
    return (l.progress.done, l.progress.total, l.progress.elapsed_s)
  }

  /// Whether any experiment is running (a deleted or renamed file must not pull the floor
  /// from under one).
  public func isRunning(_ id: Int64) -> Bool { processes[id]?.isRunning ?? false }
}

/// The last lines of a child's stderr that were not progress: why it failed.
final class TextTail: @unchecked Sendable {
  // Appended to from the pipe's handler only; read once after the process ended.
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

/// Splits a byte stream into lines (a line may arrive in pieces).
final class LineSplitter: @unchecked Sendable {
  // Fed by the pipe's handler, then once more when the process ended.
  private let lock = NSLock()
  private var pending = Data()

  func feed(_ data: Data) -> [String] {
    lock.lock()
    defer { lock.unlock() }
    pending.append(data)
    var lines: [String] = []
    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
      lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
      pending.removeSubrange(pending.startIndex...newline)
    }
    return lines
  }
}

/// What a workbench request can get wrong.
public enum WorkbenchError: Error, Equatable {
  case noSuchScenario
  case exists
  case badArgument(String)
}
