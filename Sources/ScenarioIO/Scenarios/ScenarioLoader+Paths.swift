import Foundation

extension ScenarioLoader {
  /// When set, the only folder (and what is below it) whose files a scenario may name: the
  /// workbench sets it, so that text typed into a page cannot read other files of the server
  /// (`extends: /etc/…`, `facilities: ../../…`) and show them in its diagnostics.
  @TaskLocal public static var confinedTo: String?

  /// A path as written in `file`, made relative to the current folder. Under ``confinedTo``, a
  /// path that leads outside names no file, and the reader's "cannot read" says why.
  static func resolve(_ name: String, relativeTo file: String) -> String {
    let folder = (file as NSString).deletingLastPathComponent
    let path = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    guard let root = confinedTo else { return path }
    // Relative, climbing only at its start (`../data/x.csv`), and inside the root once `..` is
    // resolved. A `..` after a folder could climb out of a linked folder's target.
    let climbsLater = name.split(separator: "/").drop { $0 == ".." }.contains("..")
    let lexical = Self.lexical(path)
    let inside = Self.lexical(root)
    if !name.hasPrefix("/") && !climbsLater
      && (lexical == inside || lexical.hasPrefix(inside.hasSuffix("/") ? inside : inside + "/"))
    {
      return path
    }
    return outsidePrefix + "outside \(inside), which the workbench does not read)/" + name
  }

  /// Why a resolved path names no file, when ``confinedTo`` kept it out.
  static func outsideReason(_ path: String) -> String? {
    guard path.hasPrefix(outsidePrefix) else { return nil }
    return String(path.dropFirst(outsidePrefix.count).prefix { $0 != ")" })
  }

  /// How a confined path that leads outside begins: no file lies there.
  private static let outsidePrefix = "/("

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
