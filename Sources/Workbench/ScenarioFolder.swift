import Foundation

/// The scenario files a workbench serves: the `.yaml` files directly in one folder, named so
/// that no request can reach outside it.
public struct ScenarioFolder: Sendable {
  /// The folder, as an absolute, standardised path.
  public let root: URL

  /// A folder of scenario files.
  public init(root: URL) { self.root = root.standardizedFileURL }

  /// The names of the scenario files, sorted.
  public func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root.path).filter(Self.isPlainName).sorted()
  }

  /// The file called `name`, or nil when the name is not a plain scenario file name (a path,
  /// `..`, a hidden file): such names are refused, never resolved.
  public func file(_ name: String) -> URL? {
    Self.isPlainName(name) ? root.appendingPathComponent(name) : nil
  }

  /// Letters, digits, `-`, `_` and `.`, ending in `.yaml`, not starting with a dot, no `..`.
  static func isPlainName(_ name: String) -> Bool {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
    return name.count <= 200 && name.hasSuffix(".yaml") && !name.hasPrefix(".") && !name.contains("..")
      && name.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
  }
}
