import Foundation

/// One shard's results: the experiment's self-description and the records of its units.
public struct ShardFile: Sendable, Codable {
  public static let schema = "telesim/shard/v1"
  public var schema: String
  public var header: PlanHeader
  public var shard: Int
  public var of: Int
  public var records: [UnitRecord]

  public init(header: PlanHeader, shard: Int, of count: Int, records: [UnitRecord]) {
    schema = Self.schema
    self.header = header
    self.shard = shard
    of = count
    self.records = records
  }

  /// File name of shard `index` of `count`.
  /// JSON with sorted keys, infinities and NaN as text, and every double written so that it
  /// reads back to the same bits (shards and checkpoints are reduced into exact results).
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  /// Reads what ``encoder`` writes.
  static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }

  public static func fileName(_ index: Int, of count: Int) -> String { "shard-\(index)-of-\(count).json" }

  /// JSON text (sorted keys; NaN written as "nan", which JSON has no number for).
  public func encoded() throws -> String {
    String(decoding: try Self.encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// Reads a shard file.
  public static func read(_ path: String) throws(MergeError) -> ShardFile {
    guard let data = FileManager.default.contents(atPath: path) else { throw MergeError("\(path): cannot read the file") }
    do {
      let shard = try Self.decoder.decode(ShardFile.self, from: data)
      guard shard.schema == schema else { throw MergeError("\(path): not a TeleSim shard (schema '\(shard.schema)')") }
      return shard
    } catch let error as MergeError {
      throw error
    } catch {
      throw MergeError("\(path): not a TeleSim shard file (\(error.localizedDescription))")
    }
  }
}

/// Why shards cannot be merged.
public struct MergeError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Checks that shard files hold every unit of one experiment exactly once, and gathers them.
public enum ShardMerge {
  /// The common header and all records in canonical order.
  /// - Throws: ``MergeError`` for no shards, shards of different experiments or versions,
  ///   and missing or duplicate units (naming the files concerned).
  public static func merge(_ shards: [(path: String, file: ShardFile)]) throws(MergeError) -> (PlanHeader, [UnitRecord]) {
    guard let first = shards.first else { throw MergeError("no shard files given") }
    let header = first.file.header
    for s in shards.dropFirst() where s.file.header.hash != header.hash || s.file.header != header {
      guard s.file.header.hash == header.hash else {
        throw MergeError("\(s.path) belongs to another experiment (hash \(s.file.header.hash), version "
                         + "\(s.file.header.version)) than \(first.path) (hash \(header.hash), version \(header.version))")
      }
      throw MergeError("\(s.path) and \(first.path) name the same experiment (\(header.hash)) but describe it differently "
                       + "(an edited file?)")
    }
    var owner: [ExperimentPlan.Unit: String] = [:]
    var records: [ExperimentPlan.Unit: UnitRecord] = [:]
    var reference: [Int: UnitRecord] = [:]
    for s in shards {
      for r in s.file.records {
        if let problem = header.problem(with: r, reference: reference[r.unit.design]) { throw MergeError("\(s.path): \(problem)") }
        if reference[r.unit.design] == nil { reference[r.unit.design] = r }
        if let other = owner[r.unit] {
          throw MergeError("replication \(r.unit.replication) of '\(header.designs[r.unit.design].label)' is in both \(other) and \(s.path)")
        }
        owner[r.unit] = s.path
        records[r.unit] = r
      }
    }
    let missing = header.units.filter { records[$0] == nil }
    if !missing.isEmpty {
      let shown = missing.prefix(5).map { "replication \($0.replication) of '\(header.designs[$0.design].label)'" }
      throw MergeError("\(missing.count) unit\(missing.count == 1 ? " is" : "s are") missing: " + shown.joined(separator: ", ")
                       + (missing.count > 5 ? ", …" : "") + " (is a shard file missing?)")
    }
    return (header, header.units.map { records[$0]! })
  }
}

/// Which part of the work this process does: `i/n`, or `auto` from a scheduler's array index.
public struct ShardSpec: Sendable, Equatable {
  public var index: Int
  public var count: Int

  /// Shard `index` of `count`. - Precondition: 0 ≤ index < count.
  public init(index: Int, count: Int) {
    precondition(index >= 0 && index < count, "shard index outside 0..<count")
    self.index = index
    self.count = count
  }

  /// Parses `i/n` (0 ≤ i < n), `auto` or `auto/n` (n when the environment gives no count).
  /// `auto` reads, in order: Slurm `SLURM_ARRAY_TASK_ID` (with `SLURM_ARRAY_TASK_COUNT`, or
  /// `_MIN`/`_MAX`), Kubernetes `JOB_COMPLETION_INDEX`, AWS Batch `AWS_BATCH_JOB_ARRAY_INDEX`
  /// (with `AWS_BATCH_JOB_ARRAY_SIZE`), Google Batch `BATCH_TASK_INDEX` (with `BATCH_TASK_COUNT`).
  public static func parse(_ text: String, environment: [String: String]) throws(MergeError) -> ShardSpec {
    let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
    if parts.first == "auto" {
      let given = parts.count == 2 ? Int(parts[1]) : nil
      return try fromEnvironment(environment, count: given)
    }
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else {
      throw MergeError("--shard must be i/n with 0 ≤ i < n (e.g. 0/4), auto, or auto/n; got '\(text)'")
    }
    return ShardSpec(index: i, count: n)
  }

  static func fromEnvironment(_ env: [String: String], count given: Int?) throws(MergeError) -> ShardSpec {
    func int(_ key: String) -> Int? { env[key].flatMap { Int($0) } }
    var index: Int?
    var count: Int?
    if let id = int("SLURM_ARRAY_TASK_ID") {
      let low = int("SLURM_ARRAY_TASK_MIN") ?? 0
      index = id - low
      count = int("SLURM_ARRAY_TASK_COUNT") ?? int("SLURM_ARRAY_TASK_MAX").map { $0 - low + 1 }
    } else if let id = int("JOB_COMPLETION_INDEX") {
      index = id
    } else if let id = int("AWS_BATCH_JOB_ARRAY_INDEX") {
      index = id
      count = int("AWS_BATCH_JOB_ARRAY_SIZE")
    } else if let id = int("BATCH_TASK_INDEX") {
      index = id
      count = int("BATCH_TASK_COUNT")
    }
    guard let index else {
      throw MergeError("--shard auto found no array index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, "
                       + "AWS_BATCH_JOB_ARRAY_INDEX or BATCH_TASK_INDEX)")
    }
    guard let n = count ?? given else {
      throw MergeError("--shard auto: the environment gives the index \(index) but no count; write --shard auto/N")
    }
    guard index >= 0, index < n else { throw MergeError("--shard auto: index \(index) is outside 0..<\(n)") }
    return ShardSpec(index: index, count: n)
  }
}
