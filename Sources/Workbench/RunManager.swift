import Foundation
import ScenarioIO

/// Experiments started from the workbench: each a `telesim` child process writing its results
/// under the data folder, so that a run goes on when the page is closed and its results are
/// written whole or not at all, as from the command line. Progress comes from the child's
/// JSON progress lines (`TELESIM_PROGRESS=json`) and reaches every page watching the run.
public actor RunManager {
  /// A run's progress as pages see it.
  public struct Progress: Codable, Sendable, Equatable {
    /// The run.
    public var id: Int64
    /// Replications finished, of the total (0 until the child has read its scenario).
    public var done: Int
    public var total: Int
    /// Seconds since the child started its replications.
    public var elapsedSeconds: Double
    /// `running`, `done`, `failed`, `cancelled` or `interrupted`.
    public var status: String

    static func start(_ id: Int64, _ status: String) -> Progress {
      Progress(id: id, done: 0, total: 0, elapsedSeconds: 0, status: status)
    }
  }

  let telesim: URL
  let folder: ScenarioFolder
  let history: RunHistory
  let results: URL
  /// Most experiments running at once: each uses every core, so more only queue for them (and
  /// a double click, or a script, cannot start a hundred).
  let maxRunning: Int
  private var processes: [Int64: Process] = [:]
  private var cancelled: Set<Int64> = []
  private var latest: [Int64: Progress] = [:]
  private var watchers: [Int64: [(key: UUID, continuation: AsyncStream<Progress>.Continuation)]] = [:]

  /// A manager running `telesim` on `folder`'s scenarios, recording in `history`, with
  /// results under `results`, at most `maxRunning` at once.
  public init(
    telesim: URL, folder: ScenarioFolder, history: RunHistory, results: URL,
    maxRunning: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)
  ) {
    self.telesim = telesim
    self.folder = folder
    self.history = history
    self.results = results
    self.maxRunning = maxRunning
  }

  /// Starts the experiment `job` asks for as a child `telesim` writing to RESULTS/ID (with
  /// its report), records it, and returns its ID.
  /// - Throws: ``WorkbenchError`` when a file is not in the folder, an argument is refused, or
  ///   ``maxRunning`` experiments run; nothing is recorded then. A file that does not validate
  ///   fails as a run, with the CLI's diagnostics as its message.
  public func start(_ job: JobRequest) throws -> Int64 {
    let arguments = try job.arguments(in: folder)
    guard let file = folder.file(job.scenario) else { throw WorkbenchError.noSuchScenario }
    let text = try folder.read(job.scenario).text
    // The other files of a comparison are scenario files too: not links, folders or FIFOs.
    for other in job.others where folder.file(other).map(ScenarioFolder.isRegular) != true {
      throw WorkbenchError.noSuchScenario
    }
    guard processes.count < maxRunning else { throw WorkbenchError.busy(processes.count) }
    // The scenario's hash and default seed are filled in when the child has ended (reading a
    // statewide network takes a fifth of a second, which the run should not wait for).
    var record = RunRecord(
      scenario: job.scenario, scenarioHash: "", scenarioText: text, seed: Int64(bitPattern: job.seed ?? 0),
      command: JobRequest.shown(arguments, in: folder), status: "running", startedAt: Date().timeIntervalSince1970)
    record.kind = job.command.rawValue
    record.replications = job.replications
    record = try history.add(record)
    let id = record.id!
    let out = results.appendingPathComponent("\(id)")
    let process: Process
    let events: AsyncStream<ExperimentProcess.Event>
    do {
      try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
      (process, events) = try ExperimentProcess.launch(
        telesim, arguments + ["--out", out.path] + (job.command == .optimise ? [] : ["--report"]),
        log: results.appendingPathComponent("\(id).log"), confinedTo: folder.files.path)
    } catch {
      try? history.finish(
        id, status: "failed", at: Date().timeIntervalSince1970, resultsPath: nil,
        message: "cannot start \(telesim.path): \(error.localizedDescription)")
      latest[id] = .start(id, "failed")
      throw WorkbenchError.badArgument("cannot start telesim: \(error.localizedDescription)")
    }
    processes[id] = process
    latest[id] = .start(id, "running")
    // One task hears the child in order: no progress after its end, none lost before it.
    Task { for await event in events { self.hear(id, event, results: out, text: text, file: file, seed: job.seed) } }
    return id
  }

  /// Records the scenario's hash and seed once the child has ended, so that reading it never
  /// competes with the run for the cores: from the run's own summary when it wrote one, else
  /// from the text it started with (the child read the same).
  private func describe(_ id: Int64, results: URL, text: String, file: URL, seed: UInt64?) {
    struct Summary: Decodable {
      var scenario_hash: String
      var seed: UInt64
    }
    if let data = FileManager.default.contents(atPath: results.appendingPathComponent("summary.json").path),
      let summary = try? JSONDecoder().decode(Summary.self, from: data)
    {
      try? history.describe(id, hash: summary.scenario_hash, seed: Int64(bitPattern: summary.seed))
      return
    }
    let (history, folder) = (history, folder)
    Task.detached(priority: .utility) {
      guard let scenario = try? folder.confined({ try ScenarioLoader.parse(text, file: file.path) }) else { return }
      try? history.describe(id, hash: scenario.contentHash, seed: Int64(bitPattern: seed ?? scenario.seed))
    }
  }

  /// Starts `telesim compare` of two finished runs: the same files, which must not have
  /// changed since (their scenario hash), under common random numbers on the first run's seed
  /// and replications, so that the paired differences are `compare`'s own.
  public func compare(_ a: RunRecord, _ b: RunRecord) throws -> Int64 {
    for r in [a, b] {
      guard r.kind == "run", r.status == "done" else {
        throw WorkbenchError.badArgument(
          "#\(r.id ?? 0) is a \(r.kind) that is \(r.status): only finished runs (not sweeps, comparisons or "
            + "optimisations) can be compared")
      }
      guard let file = folder.file(r.scenario),
        let now = try? folder.confined({ try ScenarioLoader.load(path: file.path) }),
        now.contentHash == r.scenarioHash
      else {
        throw WorkbenchError.badArgument(
          "\(r.scenario), or a file it reads, has changed since run #\(r.id ?? 0) (or is gone); "
            + "the history keeps the text it ran")
      }
    }
    guard a.id != b.id else { throw WorkbenchError.badArgument("pick two different runs") }
    return try start(
      JobRequest(
        command: .compare, scenario: a.scenario, others: [b.scenario],
        replications: a.replications, seed: UInt64(bitPattern: a.seed)))
  }

  /// Removes a finished run's results, output and checkpoint (a cancelled run's), and forgets it.
  public func removeFiles(of id: Int64) {
    latest[id] = nil
    try? FileManager.default.removeItem(at: results.appendingPathComponent(".\(id).checkpoint.jsonl"))
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

  /// Whether an experiment is running.
  public func isRunning(_ id: Int64) -> Bool { processes[id]?.isRunning ?? false }

  /// The run's progress now and as it changes, until it ends. A run this server did not start
  /// (an earlier server's) gives its recorded status once.
  public func watch(_ id: Int64) -> AsyncStream<Progress> {
    let key = UUID()
    return AsyncStream { continuation in
      guard let now = latest[id] ?? (try? history.run(id)).map({ Progress.start(id, $0.status) }) else {
        continuation.finish()
        return
      }
      continuation.yield(now)
      guard now.status == "running", processes[id] != nil else {
        continuation.finish()
        return
      }
      // A page that closes stops being written to.
      continuation.onTermination = { _ in Task { await self.unwatch(id, key) } }
      watchers[id, default: []].append((key, continuation))
    }
  }

  private func unwatch(_ id: Int64, _ key: UUID) {
    watchers[id]?.removeAll { $0.key == key }
  }

  private func hear(_ id: Int64, _ event: ExperimentProcess.Event, results: URL, text: String, file: URL, seed: UInt64?)
  {
    switch event {
    case .progress(let done, let total, let elapsed):
      let p = Progress(id: id, done: done, total: total, elapsedSeconds: elapsed, status: "running")
      latest[id] = p
      for w in watchers[id] ?? [] { w.continuation.yield(p) }
    case .ended(let exitStatus, let message):
      describe(id, results: results, text: text, file: file, seed: seed)
      let status = cancelled.contains(id) ? "cancelled" : exitStatus == 0 ? "done" : "failed"
      try? history.finish(
        id, status: status, at: Date().timeIntervalSince1970,
        resultsPath: exitStatus == 0 ? results.path : nil, message: status == "failed" ? message : nil)
      var p = latest[id] ?? .start(id, status)
      p.status = status
      latest[id] = p
      for w in watchers[id] ?? [] {
        w.continuation.yield(p)
        w.continuation.finish()
      }
      watchers[id] = nil
      processes[id] = nil
      cancelled.remove(id)
    }
  }
}

/// What a workbench request can get wrong.
public enum WorkbenchError: Error, Equatable {
  /// No such scenario file in the folder.
  case noSuchScenario
  /// A new file's name is taken.
  case exists
  /// The file changed since the page opened it.
  case changedOnDisk
  /// As many experiments run as the server allows.
  case busy(Int)
  /// A request the workbench refuses, and why.
  case badArgument(String)
}
