import Foundation
import ScenarioIO
import Synchronization

/// The finished units of an experiment, appended to a file as each one completes, so that an
/// interrupted experiment can be finished later (`--resume`) with the same bytes as an
/// uninterrupted one: a unit's record is exactly what the final result is made from.
///
/// The file holds JSON lines: first the experiment's whole ``PlanHeader`` (scenarios with the
/// hashes of their data files, seed, replications, version), then one ``UnitRecord`` per line,
/// each written with one `write(2)` under a lock. A process killed mid-line leaves at most a
/// torn last line, which resuming cuts off; nothing before it is ever rewritten. The file is
/// locked (`flock`) while open, so two processes never write one checkpoint.
public final class Checkpoint: Sendable {
  /// Where the records are kept.
  public let path: String
  /// Records found when resuming (empty for a fresh start).
  public let restored: [UnitRecord]
  private struct State {
    var descriptor: Int32
    var failure: String?
  }
  private let state: Mutex<State>

  static let schema = "telesim/checkpoint/v2"

  private init(path: String, descriptor: Int32, restored: [UnitRecord]) {
    self.path = path
    self.restored = restored
    state = Mutex(State(descriptor: descriptor, failure: nil))
  }

  private struct Opening: Codable {
    var schema: String
    var header: PlanHeader
  }

  /// Opens the checkpoint of the experiment `header` at `path`, locked for this process.
  ///
  /// - Parameters:
  ///   - resume: keep the records already there (`--resume`); otherwise start empty.
  ///   - force: start empty even when the file holds unfinished work of this very experiment.
  /// - Returns: the checkpoint, with ``restored`` holding the records kept.
  /// - Throws: ``CheckpointError``: another process holds the file; there is nothing to
  ///   resume, or it belongs to another experiment, or a record other than the last is
  ///   damaged; or (without `resume` and `force`) it holds unfinished work that a fresh start
  ///   would throw away.
  public static func open(at path: String, header: PlanHeader, resume: Bool, force: Bool = false)
    throws(CheckpointError) -> Checkpoint
  {
    if resume && !FileManager.default.fileExists(atPath: path) {
      throw CheckpointError("no unfinished experiment to resume (\(path) does not exist)", .nothing)
    }
    // A pipe would block the open below and a device would never end.
    if let kind = BoundedFile.kind(of: path) { throw CheckpointError("\(path) is \(kind), not a checkpoint", .foreign) }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if let reason = POSIXFiles.createFolders(folder) { throw CheckpointError("cannot create \(folder): \(reason)") }
    let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CheckpointError("cannot open \(path): \(String(cString: strerror(errno)))") }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      _ = Glibc.close(fd)
      throw CheckpointError("another telesim process is writing \(path); wait for it or stop it", .busy)
    }
    do throws(CheckpointError) {
      // A fresh start replaces what is there only if it holds no finished work, or --force.
      let found = resume ? try read(fd, path: path, header: header)
                         : ((try? read(fd, path: path, header: header)) ?? (matches: false, records: [], end: 0, lines: 2))
      if !resume, !force, found.lines > 1 {
        throw CheckpointError(found.matches
          ? "\(path) holds \(found.records.count) finished replications of this experiment: finish them with --resume "
            + "instead of --out, or give --force to start again"
          : "\(path) holds the unfinished work of another experiment: finish it with that experiment's command and "
            + "--resume, or give --force to discard it", .unfinished)
      }
      if resume && !found.matches {
        throw CheckpointError("\(path) belongs to another experiment: resume with the same files (and data), "
                              + "settings, seed and replications" + advice, .foreign)
      }
      let keep = resume ? found.end : 0
      guard ftruncate(fd, off_t(keep)) == 0, lseek(fd, off_t(keep), SEEK_SET) >= 0 else {
        throw CheckpointError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
      let checkpoint = Checkpoint(path: path, descriptor: fd, restored: resume ? found.records : [])
      if !resume {
        let opening = try? ShardFile.encoder.encode(Opening(schema: schema, header: header))
        guard let opening, checkpoint.append(line: String(decoding: opening, as: UTF8.self) + "\n") else {
          checkpoint.remove()
          throw CheckpointError("cannot write \(path): \(checkpoint.failure ?? "cannot encode the header")")
        }
      }
      return checkpoint
    } catch {
      _ = Glibc.close(fd)
      throw error
    }
  }

  /// The records in the open file `fd`, whether its header is `header`'s, and where the last
  /// whole record ends.
  private static func read(_ fd: Int32, path: String, header: PlanHeader) throws(CheckpointError)
    -> (matches: Bool, records: [UnitRecord], end: Int, lines: Int)
  {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = Glibc.read(fd, &buffer, buffer.count)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      data.append(contentsOf: buffer[0..<n])
    }
    var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let complete = data.last == UInt8(ascii: "\n")
    if complete { lines.removeLast() }
    guard let first = lines.first, !first.isEmpty else { return (false, [], 0, 0) }
    guard let opening = try? ShardFile.decoder.decode(Opening.self, from: Data(first)), opening.schema == schema else {
      throw CheckpointError("\(path) is not a TeleSim checkpoint" + advice, .foreign)
    }
    guard opening.header == header else { return (false, [], 0, lines.count) }
    var records: [UnitRecord] = []
    var seen = Set<ExperimentPlan.Unit>()
    var reference: [Int: UnitRecord] = [:]
    var end = first.count + 1
    for (i, line) in lines.enumerated().dropFirst() {
      let isLast = i == lines.count - 1
      guard let record = try? ShardFile.decoder.decode(UnitRecord.self, from: Data(line)), !isLast || complete else {
        // Only the last line may be torn (the process stopped while writing it); it is cut off.
        if isLast { break }
        throw CheckpointError("\(path): line \(i + 1) is damaged" + advice)
      }
      if let problem = header.problem(with: record, reference: reference[record.unit.design]) {
        throw CheckpointError("\(path): line \(i + 1): \(problem)" + advice)
      }
      if reference[record.unit.design] == nil { reference[record.unit.design] = record }
      if seen.insert(record.unit).inserted { records.append(record) }
      end += line.count + 1
    }
    return (true, records, end, lines.count)
  }

  static let advice = "; delete it to start again"

  /// Appends `record`. A failure (a full disk) does not stop the experiment; it is kept in
  /// ``failure`` and later records are not written.
  public func record(_ record: UnitRecord) {
    guard let data = try? ShardFile.encoder.encode(record) else { return }
    _ = append(line: String(decoding: data, as: UTF8.self) + "\n")
  }

  /// Why writing the checkpoint stopped, if it did.
  public var failure: String? { state.withLock { $0.failure } }

  /// Runs `body` while no record is being written (so that exiting from it never leaves a
  /// torn line).
  public func whileQuiet<T>(_ body: () -> T) -> T { state.withLock { _ in body() } }

  /// Closes the file (and releases its lock).
  public func close() {
    state.withLock { s in
      if s.descriptor >= 0 { _ = Glibc.close(s.descriptor) }
      s.descriptor = -1
    }
  }

  /// Deletes the file, then closes it: the lock is held until the file is gone.
  public func remove() {
    unlink(path)
    close()
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
      return true
    }
  }
}

/// A checkpoint could not be written or read back.
public struct CheckpointError: Error, Sendable, CustomStringConvertible {
  /// What kind of obstacle it is, so that the command line can choose its exit code.
  public enum Kind: Sendable {
    /// Nothing to resume.
    case nothing
    /// The file belongs to another experiment.
    case foreign
    /// Unfinished work that a fresh start would discard (`--resume` or `--force`).
    case unfinished
    /// Another process holds the file.
    case busy
    /// The file could not be read or written.
    case io
  }

  /// What went wrong, naming the file.
  public let message: String
  /// The kind of obstacle.
  public let kind: Kind
  init(_ message: String, _ kind: Kind = .io) {
    self.message = message
    self.kind = kind
  }
  /// The message.
  public var description: String { message }
}
