import Foundation
import GRDB

/// One run the workbench started, as the history keeps it.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "runs"
  public var id: Int64?
  /// The scenario file's name, its text's hash (FNV-1a, hex) and its text.
  public var scenario: String
  public var scenarioHash: String
  public var scenarioText: String
  public var seed: Int64
  /// The command as the CLI would take it (`run scenarios/x.yaml --replications 5`).
  public var command: String
  /// `running`, `done`, `failed` or `cancelled`.
  public var status: String
  /// Seconds since 1970.
  public var startedAt: Double
  public var finishedAt: Double?
  /// Where its results are.
  public var resultsPath: String?
  /// The experiment (`run`, `sweep`, `compare`, `optimise`) and its replications (nil: the
  /// scenario's own).
  public var kind: String = "run"
  public var replications: Int?
  /// Why it failed: the end of what the CLI said on stderr.
  public var message: String?

  /// Creates a record (the store gives it its ID).
  public init(
    scenario: String, scenarioHash: String, scenarioText: String, seed: Int64, command: String,
    status: String, startedAt: Double
  ) {
    self.scenario = scenario
    self.scenarioHash = scenarioHash
    self.scenarioText = scenarioText
    self.seed = seed
    self.command = command
    self.status = status
    self.startedAt = startedAt
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The workbench's run history in a SQLite file: schema migrations, and writes that two
/// browsers may make at once (one writer at a time, readers alongside: GRDB's pool in WAL
/// mode).
public final class RunHistory: Sendable {
  private let pool: DatabasePool

  /// Opens (or creates) the history at `path` and brings its schema up to date.
  public init(path: String) throws {
    // Another connection writing (a second server's, or a reader's checkpoint) makes a writer
    // wait its turn rather than fail.
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    pool = try DatabasePool(path: path, configuration: configuration)
    try Self.migrator.migrate(pool)
  }

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1: runs") { db in
      try db.create(table: "runs") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("scenario", .text).notNull()
        t.column("scenarioHash", .text).notNull()
        t.column("scenarioText", .text).notNull()
        t.column("seed", .integer).notNull()
        t.column("command", .text).notNull()
        t.column("status", .text).notNull()
        t.column("startedAt", .double).notNull()
        t.column("finishedAt", .double)
        t.column("resultsPath", .text)
      }
    }
    // v2 (after the spike): every experiment, not only runs, and why one failed.
    m.registerMigration("v2: kind, replications, message") { db in
      try db.alter(table: "runs") { t in
        t.add(column: "kind", .text).notNull().defaults(to: "run")
        t.add(column: "replications", .integer)
        t.add(column: "message", .text)
      }
    }
    return m
  }

  /// Records a new run and returns it with its ID.
  public func add(_ record: RunRecord) throws -> RunRecord {
    try pool.write { db in
      var r = record
      try r.insert(db)
      return r
    }
  }

  /// Sets a run's status, end time, results and, when it failed, why.
  public func finish(_ id: Int64, status: String, at time: Double, resultsPath: String?, message: String? = nil) throws
  {
    try pool.write { db in
      try db.execute(
        sql: "UPDATE runs SET status = ?, finishedAt = ?, resultsPath = ?, message = ? WHERE id = ?",
        arguments: [status, time, resultsPath, message, id])
    }
  }

  /// Records a run's scenario hash and seed once its scenario is read.
  public func describe(_ id: Int64, hash: String, seed: Int64) throws {
    try pool.write { db in
      try db.execute(sql: "UPDATE runs SET scenarioHash = ?, seed = ? WHERE id = ?", arguments: [hash, seed, id])
    }
  }

  /// One run, if the history has it.
  public func run(_ id: Int64) throws -> RunRecord? {
    try pool.read { db in try RunRecord.fetchOne(db, key: id) }
  }

  /// Runs newest first: only those of `scenario`, with `status`, or whose scenario or command
  /// contains `text`, when given; at most `limit`.
  public func list(scenario: String? = nil, status: String? = nil, text: String? = nil, limit: Int = 500) throws
    -> [RunRecord]
  {
    try pool.read { db in
      var request = RunRecord.order(Column("id").desc)
      if let scenario { request = request.filter(Column("scenario") == scenario) }
      if let status { request = request.filter(Column("status") == status) }
      if let text, !text.isEmpty {
        // The text itself, not a pattern: % and _ match only themselves.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
          .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        request = request.filter(
          sql: "scenario LIKE ? ESCAPE '\\' OR command LIKE ? ESCAPE '\\'", arguments: [pattern, pattern])
      }
      return try request.limit(limit).fetchAll(db)
    }
  }

  /// Marks runs left `running` by a server that stopped as `interrupted`: no process is
  /// behind them any more.
  public func markInterrupted(at time: Double) throws {
    try pool.write { db in
      try db.execute(
        sql: "UPDATE runs SET status = 'interrupted', finishedAt = ? WHERE status = 'running'", arguments: [time])
    }
  }

  /// Deletes a run's record; whether there was one.
  public func delete(_ id: Int64) throws -> Bool {
    try pool.write { db in try RunRecord.deleteOne(db, key: id) }
  }
}
