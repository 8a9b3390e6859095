import Foundation

/// File-system calls that report failure in the operating system's words ("No space left on
/// device", "Read-only file system"): Foundation's messages ("The operation could not be
/// completed") hide which fault a planner has to fix.
package enum POSIXFiles {
  /// Creates `path` and any missing parent folders; nil on success, else the reason.
  package static func createFolders(_ path: String) -> String? {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
      prefix += "/"
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      return "not a folder"
    }
    return nil
  }

  /// Writes `bytes` to a new file at `path` (replacing one there); nil on success, else the reason.
  package static func writeAll(_ bytes: [UInt8], to path: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let reason = n < 0 ? String(cString: strerror(errno)) : "nothing written"
        _ = close(fd)
        return reason
      }
      offset += n
    }
    // On disk before the rename that publishes it, so a power cut cannot leave a named but
    // empty file; close reports a deferred write error (on NFS, say) as well.
    if fsync(fd) != 0 && errno != EINVAL {
      let reason = String(cString: strerror(errno))
      _ = close(fd)
      return reason
    }
    return close(fd) == 0 ? nil : String(cString: strerror(errno))
  }
}
