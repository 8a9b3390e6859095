import Foundation
import Synchronization

/// The finished units of an experiment, appended to a file as each one completes, so that an
/// interrupted experiment can be finished later (`--resume`) with the same bytes as an
/// uninterrupted one: a unit's record is exactly what the final result is made from.
///
/// The file holds JSON lines: first `{"schema":"telesim/checkpoint/v1","experiment_hash":…}`,
/// then one ``UnitRecord`` per line, each written with one `write(2)` under a lock. A process
/// killed mid-line leaves at most a torn last line, which resuming ignores.
public final class Checkpoint: Sendable {
  /// Where the records are kept.
  public let path: String
  /// Records found when resuming (empty for a fresh start).
  public let restored: [UnitRecord]
  private struct State {
    var descriptor: Int32
    var written: Int
    var failure: String?
  }
  private let state: Mutex<State>

  static let schema = "telesim/checkpoint/v1"

  private init(path: String, descriptor: Int32, restored: [UnitRecord]) {
    self.path = path
    self.restored = restored
    state = Mutex(State(descriptor: descriptor, written: 0, failure: nil))
  }

  /// Starts an empty checkpoint for the experiment `header` at `path` (replacing any file there).
  /// - Throws: ``CheckpointError`` when the file cannot be created.
  public static func start(at path: String, header: PlanHeader) throws(CheckpointError) -> Checkpoint {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if let reason = POSIXFiles.createFolders(folder) { throw CheckpointError("cannot create \(folder): \(reason)") }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CheckpointError("cannot create \(path): \(String(cString: strerror(errno)))") }
    let checkpoint = Checkpoint(path: path, descriptor: fd, restored: [])
    let opening = "{\"experiment_hash\":\"\(header.hash)\",\"schema\":\"\(schema)\"}\n"
    guard checkpoint.append(line: opening) else {
      checkpoint.remove()
      throw CheckpointError("cannot write \(path): \(checkpoint.failure ?? "unknown error")")
    }
    return checkpoint
  }

  /// Reopens the checkpoint at `path` to finish the experiment `header`.
  /// - Throws: ``CheckpointError`` when there is none, it belongs to another experiment, or a
  ///   record other than the last is damaged.
  public static func resume(at path: String, header: PlanHeader) throws(CheckpointError) -> Checkpoint {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CheckpointError("no unfinished experiment to resume (\(path) does not exist)")
    }
    var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.first, let opening = try? JSONDecoder().decode([String: String].self, from: Data(first)),
          opening["schema"] == schema else {
      throw CheckpointError("\(path) is not a TeleSim checkpoint" + advice)
    }
    guard opening["experiment_hash"] == header.hash else {
      throw CheckpointError("\(path) belongs to another experiment (hash \(opening["experiment_hash"] ?? "?"), this one "
                            + "\(header.hash)): resume with the same files, settings, seed and replications")
    }
    let decoder = ShardFile.decoder
    var records: [UnitRecord] = []
    var seen = Set<ExperimentPlan.Unit>()
    var reference: [Int: UnitRecord] = [:]
    for (i, line) in lines.enumerated().dropFirst() {
      guard let record = try? decoder.decode(UnitRecord.self, from: Data(line)) else {
        // Only the last line may be torn (the process stopped while writing it).
        if i == lines.count - 1 { break }
        throw CheckpointError("\(path): line \(i + 1) is damaged" + Self.advice)
      }
      if let problem = header.problem(with: record, reference: reference[record.unit.design]) {
        throw CheckpointError("\(path): line \(i + 1): \(problem)" + Self.advice)
      }
      if reference[record.unit.design] == nil { reference[record.unit.design] = record }
      if seen.insert(record.unit).inserted { records.append(record) }
    }
    // Rewritten whole (without a torn line), then appended to.
    let fresh = try start(at: path, header: header)
    for record in records { fresh.record(record) }
    fresh.close()
    let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard fd >= 0 else { throw CheckpointError("cannot reopen \(path): \(String(cString: strerror(errno)))") }
    return Checkpoint(path: path, descriptor: fd, restored: records)
  }

  static let advice = "; delete it to start again with --out"

  /// Appends `record`. A failure (a full disk) does not stop the experiment; it is kept in
  /// ``failure`` and later records are not written.
  public func record(_ record: UnitRecord) {
    guard let data = try? ShardFile.encoder.encode(record) else { return }
    _ = append(line: String(decoding: data, as: UTF8.self) + "\n")
  }

  /// Records written since this process opened the checkpoint.
  public var written: Int { state.withLock { $0.written } }

  /// Why writing the checkpoint stopped, if it did.
  public var failure: String? { state.withLock { $0.failure } }

  /// Runs `body` while no record is being written (so that exiting from it never leaves a
  /// torn line).
  public func whileQuiet<T>(_ body: () -> T) -> T { state.withLock { _ in body() } }

  /// Closes the file.
  public func close() {
    state.withLock { s in
      if s.descriptor >= 0 { _ = Glibc.close(s.descriptor) }
      s.descriptor = -1
    }
  }

  /// Closes and deletes the file.
  public func remove() {
    close()
    unlink(path)
  }

  private func append(line: String) -> Bool {
    state.withLock { s in
      guard s.failure == nil, s.descriptor >= 0 else { return false }
      let bytes = Array(line.utf8)
      let n = bytes.withUnsafeBytes { Glibc.write(s.descriptor, $0.baseAddress, $0.count) }
      guard n == bytes.count else {
        s.failure = n < 0 ? String(cString: strerror(errno)) : "short write (disk full?)"
        return false
      }
      s.written += 1
      return true
    }
  }
}

/// A checkpoint could not be written or read back.
public struct CheckpointError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, naming the file.
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { message }
}
