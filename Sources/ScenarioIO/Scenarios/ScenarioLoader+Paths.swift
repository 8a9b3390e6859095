import Foundation

extension ScenarioLoader {
  /// When set, the only folder (and what is below it) whose files a scenario may name: the
  /// workbench sets it, so that text typed into a page cannot read other files of the server
  /// (`extends: /etc/…`, `facilities: ../../…`) and show them in its diagnostics. A process
  /// started with `TELESIM_CONFINE=DIR` (the workbench's experiments) is confined from the
  /// start, so that a sweep's or an optimisation's values are held to the same rule.
  @TaskLocal public static var confinedTo: String? = ProcessInfo.processInfo.environment["TELESIM_CONFINE"]

  /// A path as written in `file`, made relative to the current folder. Under ``confinedTo``, a
  /// path that leads outside names no file, and the reader's "cannot read" says why.
  static func resolve(_ name: String, relativeTo file: String) -> String {
    let folder = (file as NSString).deletingLastPathComponent
    let path = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    guard let root = confinedTo else { return path }
    // Relative, climbing only at its start (`../data/x.csv`), and inside the root once `..` is
    // resolved from the naming file's real folder (links followed, as the system will). A `..`
    // after a folder could climb out of a linked folder's target.
    let climbsLater = name.utf8.split(separator: UInt8(ascii: "/")).drop { $0.elementsEqual("..".utf8) }
      .contains { $0.elementsEqual("..".utf8) }
    let start = Self.real(folder.isEmpty ? "." : folder)
    let lexical = Array(Self.lexical(start + "/" + name).utf8)
    let inside = Array(Self.real(root).utf8)
    let within =
      lexical == inside
      || (lexical.count > inside.count && lexical.starts(with: inside)
        && lexical[inside.count] == UInt8(ascii: "/"))
    if !name.hasPrefix("/") && !climbsLater && within { return path }
    return outsidePrefix + "outside \(root), which the workbench does not read)"
  }

  /// Why a resolved path names no file, when ``confinedTo`` kept it out.
  static func outsideReason(_ path: String) -> String? {
    guard path.hasPrefix(outsidePrefix) else { return nil }
    return String(path.dropFirst(outsidePrefix.count).prefix { $0 != ")" })
  }

  /// How a confined path that leads outside begins: no file lies there.
  private static let outsidePrefix = "/("

  /// The folder's real path (links resolved), or its path by the letter if it does not exist.
  static func real(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return lexical(path) }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `path` made absolute with `.` and `..` taken away by the letter, not by the file system
  /// (which would follow links: the project's own linked folders stay inside it).
  static func lexical(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts: [Substring] = []
    for part in absolute.split(separator: "/") where part != "." {
      if part == ".." { _ = parts.popLast() } else { parts.append(part) }
    }
    return "/" + parts.joined(separator: "/")
  }
}
