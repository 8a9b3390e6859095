/// Where in a scenario file something is: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
  /// The file as the user named it.
  public var file: String
  /// Line, from 1.
  public var line: Int
  /// Column, from 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// One problem found in a scenario file.
public struct ScenarioDiagnostic: Sendable, Hashable {
  /// A stable category for tools; new codes do not break `switch`es.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: String { case syntax, unknownKey, missingKey, wrongType, invalidValue, unknownName, io }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }
    /// The YAML itself does not parse.
    public static let syntax = Code(.syntax)
    /// A key that the schema does not know.
    public static let unknownKey = Code(.unknownKey)
    /// A required key is absent.
    public static let missingKey = Code(.missingKey)
    /// A value of the wrong shape (a list where a number belongs, say).
    public static let wrongType = Code(.wrongType)
    /// A value of the right shape that is out of range or inconsistent.
    public static let invalidValue = Code(.invalidValue)
    /// A reference to a name that is not defined (a station, a specialty).
    public static let unknownName = Code(.unknownName)
    /// The file could not be read.
    public static let io = Code(.io)
    public var description: String { kind.rawValue }
  }

  /// Category.
  public var code: Code
  /// What is wrong.
  public var message: String
  /// Where.
  public var location: SourceLocation
  /// Key path, e.g. `stations[1].service.mean`.
  public var path: String
  /// How to fix it, when we can tell.
  public var hint: String?

  /// Creates a diagnostic.
  public init(code: Code, message: String, location: SourceLocation, path: String, hint: String? = nil) {
    self.code = code
    self.message = message
    self.location = location
    self.path = path
    self.hint = hint
  }

  /// Compiler-style rendering: `FILE:LINE:COL: error: PATH: MESSAGE (HINT)`.
  public var rendered: String {
    let at = "\(location.file):\(location.line):\(location.column): error: "
    let subject = path.isEmpty ? "" : "\(path): "
    return at + subject + message + (hint.map { " (\($0))" } ?? "")
  }
}

/// A scenario that could not be loaded: every problem found, sorted by location.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  /// All diagnostics, sorted by file, line and column.
  public let diagnostics: [ScenarioDiagnostic]
  /// Creates an error from diagnostics (sorted here).
  public init(_ diagnostics: [ScenarioDiagnostic]) {
    self.diagnostics = diagnostics.sorted { ($0.location, $0.path) < ($1.location, $1.path) }
  }
  /// One rendered diagnostic per line.
  public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
