import Foundation

/// Runs started from the workbench: each a `telesim run` child process writing its results
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

  /// Starts `telesim run NAME --replications N --seed S --out RESULTS/ID` and returns its ID.
  public func start(scenario name: String, replications: Int, seed: Int64) throws -> Int64 {
    guard let file = folder.file(name), let text = try? String(contentsOf: file, encoding: .utf8) else {
      throw WorkbenchError.noSuchScenario
    }
    guard (1...10_000).contains(replications) else { throw WorkbenchError.badArgument("replications from 1 to 10,000") }
    let arguments = ["run", file.path, "--replications", "\(replications)", "--seed", "\(seed)"]
    var record = RunRecord(scenario: name, scenarioHash: Self.hash(text), scenarioText: text, seed: seed,
                           command: arguments.joined(separator: " "), status: "running",
                           startedAt: Date().timeIntervalSince1970)
    record = try history.add(record)
    let id = record.id!
    let out = results.appendingPathComponent("\(id)")
    let process = Process()
    process.executableURL = telesim
    process.arguments = arguments + ["--out", out.path, "--report"]
    var environment = ProcessInfo.processInfo.environment
    environment["TELESIM_PROGRESS"] = "json"
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    let lines = LineSplitter()
    errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
      for line in lines.feed(handle.availableData) {
        guard let p = Self.progress(line) else { continue }
        Task { await self?.publish(id, done: p.done, total: p.total, elapsed: p.elapsed) }
      }
    }
    process.terminationHandler = { [weak self] p in
      errors.fileHandleForReading.readabilityHandler = nil
      let status = p.terminationStatus
      Task { await self?.ended(id, exitStatus: status, results: out) }
    }
    latest[id] = Progress(id: id, done: 0, total: replications, elapsedSeconds: 0, status: "running")
    try process.run()
    processes[id] = process
    return id
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

  private func ended(_ id: Int64, exitStatus: Int32, results: URL) {
    let status = cancelled.contains(id) ? "cancelled" : exitStatus == 0 ? "done" : "failed"
    try? history.finish(id, status: status, at: Date().timeIntervalSince1970,
                        resultsPath: exitStatus == 0 ? results.path : nil)
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

  /// FNV-1a 64 of the text, hex: the same scenario text gives the same hash.
  static func hash(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return String(h, radix: 16)
  }
}

/// Splits a byte stream into lines (a line may arrive in pieces).
final class LineSplitter: @unchecked Sendable {
  // Used only from the pipe's readability handler, which the system calls one at a time.
  private var pending = Data()

  func feed(_ data: Data) -> [String] {
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
  case badArgument(String)
}
