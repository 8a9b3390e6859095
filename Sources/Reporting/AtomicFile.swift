import Experiments
import Foundation

/// Writes files so that a reader never sees half of one: the text goes to a temporary file in
/// the same folder, which is then renamed over the target (rename is atomic on POSIX).
public enum AtomicFile {
  /// Writes `text` to `path` atomically, creating the folder if needed. On failure nothing is
  /// left behind: neither a temporary file nor a changed target.
  /// - Throws: ``FileWriteError`` naming the path and the reason.
  public static func write(_ text: String, to path: String) throws(FileWriteError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    if let reason = POSIXFiles.createFolders(folder.path) { throw FileWriteError(path: folder.path, reason: reason) }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    if let reason = POSIXFiles.writeAll(Array(text.utf8), to: temporary.path) {
      unlink(temporary.path)
      throw FileWriteError(path: path, reason: reason)
    }
    if rename(temporary.path, url.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw FileWriteError(path: path, reason: String(cString: strerror(code)))
    }
  }
}

/// A result file or folder could not be written.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
  /// The file or folder.
  public let path: String
  /// Why, as the operating system says it ("No space left on device").
  public let reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// "cannot write PATH: REASON".
  public var description: String { "cannot write \(path): \(reason)" }
}
