import Foundation

/// Reads a file that a scenario names, refusing what is not a regular file (reading a pipe
/// waits for a writer, `/dev/zero` never ends) and reading no more than a limit, whatever size
/// the file claims.
package enum BoundedFile {
  /// Why a file was not read.
  package enum Failure: Error {
    case missing
    /// A folder, device, pipe or socket.
    case notAFile(String)
    case tooLarge(limit: Int)
    case unreadable(String)

    /// The sentence to show after the file's name.
    package var message: String {
      switch self {
      case .missing: return "does not exist"
      case .notAFile(let kind): return "is \(kind), not a file"
      case .tooLarge(let limit): return "has more than \(limit) bytes"
      case .unreadable(let reason): return "cannot be read: \(reason)"
      }
    }
  }

  /// The bytes of `path`, at most `limit` of them.
  package static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
    guard FileManager.default.fileExists(atPath: path) else { return .failure(.missing) }
    if let kind = kind(of: path) { return .failure(.notAFile(kind)) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(.unreadable(String(cString: strerror(errno))))
    }
    defer { try? handle.close() }
    do {
      let data = try handle.read(upToCount: limit + 1) ?? Data()
      return data.count > limit ? .failure(.tooLarge(limit: limit)) : .success(data)
    } catch {
      return .failure(.unreadable(error.localizedDescription))
    }
  }

  /// "a folder" or "a device, pipe or socket" when `path` is not a regular file, following
  /// symbolic links (a link to a file is the file); nil for a regular file or none at all.
  package static func kind(of path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a folder"
    default: return "a device, pipe or socket"
    }
  }
}
