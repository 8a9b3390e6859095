import Experiments
import Foundation

/// A folder of results that appears whole or not at all.
///
/// Files are written into a staging folder beside the destination (`.NAME.partial`), and the
/// staging folder is renamed into
/// place when everything is written. A destination that already holds results is moved aside
/// first and deleted after, so at every moment the destination is the old set, absent for an
/// instant, or the new set, never a mixture. Each set records the hash of the experiment that
/// made it (`.telesim-experiment`), so that a later run can tell its own results from
/// another experiment's.
public enum ResultSet {
  /// The hidden file naming the experiment a result folder belongs to (first line) and the
  /// entries it wrote (one per line).
  public static let marker = ".telesim-experiment"
  /// What TeleSim adds to a result folder after it is in place (`--report`).
  static let laterFiles = ["report.html"]

  /// The staging folder for `destination`: `.NAME.partial` beside it.
  /// - Parameter destination: the `--out` folder.
  /// - Returns: the staging folder's path.
  public static func staging(for destination: String) -> String {
    sibling(of: destination, suffix: "partial")
  }

  /// What stops `destination` from receiving the results of `experiment`.
  public enum Obstacle: Sendable, Equatable {
    /// Another experiment's results, which `--force` may replace.
    case otherResults(String)
    /// Something no flag makes a results folder: a file, or a folder of other files.
    case notAResultsFolder(String)

    /// The sentence to show.
    public var message: String {
      switch self {
      case .otherResults(let m), .notAResultsFolder(let m): return m
      }
    }
  }

  /// What stops `destination` from receiving the results of `experiment`.
  /// - Parameters:
  ///   - destination: the `--out` folder.
  ///   - experiment: the experiment's hash (``ExperimentPlan/hash``).
  ///   - force: whether another experiment's results may be replaced.
  /// - Returns: nil when the folder is absent, empty, holds this experiment's results, or
  ///   holds results and `force` is set.
  public static func obstacle(to destination: String, experiment: String, force: Bool) -> Obstacle? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder) else { return nil }
    guard isFolder.boolValue else { return .notAResultsFolder("\(destination) is a file, not a folder") }
    let contents = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
    if contents.isEmpty { return nil }
    let lines = (try? String(contentsOfFile: destination + "/" + marker, encoding: .utf8))?
      .split(separator: "\n").map(String.init)
    let owner = lines?.first
    if owner != nil, owner == experiment || force, let written = lines?.dropFirst(), !written.isEmpty {
      // Replacing the folder would delete what the user put there beside the results.
      let theirs = contents.filter { !written.contains($0) && $0 != marker && !laterFiles.contains($0) }.sorted()
      if !theirs.isEmpty {
        return .notAResultsFolder("\(destination) holds files TeleSim did not write (" + theirs.prefix(3).joined(separator: ", ")
                                  + (theirs.count > 3 ? ", …" : "") + "); move them, or name another folder")
      }
    }
    if owner == experiment { return nil }
    let isResults = owner != nil || contents.contains { ["summary.json", "comparison.json", "sweep.json"].contains($0) }
    guard isResults else {
      return .notAResultsFolder("\(destination) holds files that are not TeleSim results; name an empty or new folder")
    }
    if force { return nil }
    return .otherResults("\(destination) holds the results of another experiment" + (owner.map { " (\($0))" } ?? "")
                         + "; give --force to replace them, or name another folder")
  }

  /// Puts back results that a kill between the two renames of ``commit(_:to:experiment:)``
  /// left aside as `.NAME.old` with no `NAME`, so the next command finds them where they were.
  public static func restoreInterrupted(_ destination: String) {
    let old = sibling(of: destination, suffix: "old")
    guard !FileManager.default.fileExists(atPath: destination), FileManager.default.fileExists(atPath: old) else { return }
    _ = rename(old, destination)
  }

  /// Moves the finished `staging` folder into place at `destination`, marked as the results
  /// of `experiment`.
  /// - Parameters:
  ///   - staging: the folder the results were written into.
  ///   - destination: the `--out` folder.
  ///   - experiment: the experiment's hash, written into ``marker``.
  /// - Throws: ``FileWriteError``; the destination then still holds what it held before.
  public static func commit(_ staging: String, to destination: String, experiment: String) throws(FileWriteError) {
    // The marker lists the top-level entries, so that a later run can tell them from files a
    // user added.
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []).sorted()
    try AtomicFile.write(([experiment] + entries).joined(separator: "\n") + "\n", to: staging + "/" + marker)
    let parent = split(destination).parent
    if !parent.isEmpty, let reason = POSIXFiles.createFolders(parent) { throw FileWriteError(path: parent, reason: reason) }
    let old = sibling(of: destination, suffix: "old")
    try? FileManager.default.removeItem(atPath: old)
    let hadOld = FileManager.default.fileExists(atPath: destination)
    if hadOld, rename(destination, old) != 0 {
      throw FileWriteError(path: destination, reason: String(cString: strerror(errno)))
    }
    if rename(staging, destination) != 0 {
      let reason = String(cString: strerror(errno))
      if hadOld { _ = rename(old, destination) }
      throw FileWriteError(path: destination, reason: reason)
    }
    if hadOld { try? FileManager.default.removeItem(atPath: old) }
  }

  /// `.NAME.SUFFIX` in the folder that holds `path` (the staging folder, the checkpoint).
  /// - Returns: the sibling's path, relative if `path` is.
  public static func sibling(of path: String, suffix: String) -> String {
    let (parent, name) = split(path)
    return parent + ".\(name).\(suffix)"
  }

  /// `path` as its folder (with a trailing slash, or empty) and its last component, without
  /// a trailing slash. Spelled out because NSString's path methods trap on some short strings
  /// in this toolchain's Foundation.
  package static func split(_ path: String) -> (parent: String, name: String) {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
    return (String(trimmed[...slash]), String(trimmed[trimmed.index(after: slash)...]))
  }
}
