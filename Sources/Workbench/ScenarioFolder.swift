import Foundation
import ScenarioIO

/// The scenario files a workbench serves: the `.yaml` files directly in one folder, named so
/// that no request can reach outside it.
public struct ScenarioFolder: Sendable {
  /// The folder, as an absolute, standardised path.
  public let root: URL
  /// The folder whose files the scenarios may read (`extends:`, data tables): by default the
  /// one that holds `root`, as `scenarios/` and `data/` sit side by side in a project.
  public let files: URL

  /// A folder of scenario files, reading data under `files` (default: `root`'s parent).
  public init(root: URL, files: URL? = nil) {
    self.root = root.standardizedFileURL
    self.files = (files ?? root.standardizedFileURL.deletingLastPathComponent()).standardizedFileURL
  }

  /// The names of the scenario files (regular files, not links or folders), sorted.
  public func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root.path).filter { name in
      Self.isPlainName(name) && Self.isRegular(root.appendingPathComponent(name))
    }.sorted()
  }

  /// `body` with the scenario loader reading files under ``files`` only.
  public func confined<T>(_ body: () throws -> T) rethrows -> T {
    try ScenarioLoader.$confinedTo.withValue(files.path, operation: body)
  }

  private static let saving = NSLock()

  /// A regular file itself, not a link (which could lead anywhere) or a folder.
  static func isRegular(_ file: URL) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType) == .typeRegular
  }

  /// The file called `name`, or nil when the name is not a plain scenario file name (a path,
  /// `..`, a hidden file): such names are refused, never resolved.
  public func file(_ name: String) -> URL? {
    Self.isPlainName(name) ? root.appendingPathComponent(name) : nil
  }

  /// The text of file `name` and its version (FNV-1a of its bytes, hex): a regular file of at
  /// most the loader's limit, so that a huge file or a FIFO cannot hold a request up.
  public func read(_ name: String) throws(WorkbenchError) -> (text: String, version: String) {
    guard let file = file(name) else { throw .badArgument("not a scenario file name") }
    // A link could lead anywhere; folders, pipes and size are the loader's own bounded read.
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil {
      throw .badArgument("\(name) is a link, not a scenario file")
    }
    let data: Data
    switch BoundedFile.read(file.path, limit: Limits.scenarioBytes) {
    case .success(let bytes): data = bytes
    case .failure(.missing): throw .noSuchScenario
    case .failure(let failure): throw .badArgument("\(name) \(failure.message)")
    }
    return (String(decoding: data, as: UTF8.self), FNV1a.text(of: data))
  }

  /// Replaces file `name`'s text: written beside it and renamed over it, so that a reader
  /// (or a run starting) sees the old text or the new, never half. With `base`, refused
  /// (`.changedOnDisk`) when the file is no longer at that version: another browser saved it.
  /// Returns the new version.
  @discardableResult
  public func save(_ text: String, as name: String, base: String? = nil) throws(WorkbenchError) -> String {
    guard let file = file(name) else { throw .badArgument("not a scenario file name") }
    // One save at a time, so that two saves from the same version cannot both pass the check.
    Self.saving.lock()
    defer { Self.saving.unlock() }
    let current = try read(name)
    if let base, base.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) != current.version {
      throw .changedOnDisk
    }
    let data = Data(text.utf8)
    do { try data.write(to: file, options: .atomic) } catch {
      throw .badArgument("cannot write \(name): \(error.localizedDescription)")
    }
    return FNV1a.text(of: data)
  }

  /// Writes a new file `name`; refuses (`.exists`) when there is one, even if another request
  /// creates it at the same moment.
  public func create(_ text: String, as name: String) throws(WorkbenchError) {
    guard let file = file(name) else { throw .badArgument("not a scenario file name") }
    let temporary = root.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
    do { try Data(text.utf8).write(to: temporary) } catch {
      throw .badArgument("cannot write \(name): \(error.localizedDescription)")
    }
    defer { unlink(temporary.path) }
    // link(2) fails when the target exists: no check-then-write race.
    if link(temporary.path, file.path) != 0 {
      throw errno == EEXIST ? .exists : .badArgument("cannot write \(name): \(String(cString: strerror(errno)))")
    }
  }

  /// Letters, digits, `-`, `_` and `.`, ending in `.yaml`, not starting with a dot, no `..`.
  static func isPlainName(_ name: String) -> Bool {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
    // Not starting with '-' either, so that a name shown in a command is never read as an option.
    return name.count <= 200 && name.hasSuffix(".yaml") && !name.hasPrefix(".") && !name.hasPrefix("-")
      && !name.contains("..")
      && name.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
  }
}
