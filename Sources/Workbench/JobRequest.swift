import Foundation

/// What a page asks the workbench to run: one of the CLI's experiments on scenario files of
/// the folder. It becomes the argument list of a `telesim` child process, never a shell line.
public struct JobRequest: Codable, Sendable, Equatable {
  /// The CLI's experiment commands the page may start.
  public enum Command: String, Codable, Sendable, CaseIterable {
    case run, sweep, compare, optimise
  }

  public var command: Command
  /// The scenario file (for `compare`, the baseline).
  public var scenario: String
  /// `compare`: the other scenario files.
  public var others: [String] = []
  /// `sweep`: `KEY=[v1,v2,…]` axes.
  public var sets: [String] = []
  /// `optimise`: `KEY=RANGE` decisions, `METRIC OP LIMIT` targets and what to minimise.
  public var vary: [String] = []
  public var targets: [String] = []
  public var minimise: String?
  public var replications: Int?
  public var seed: UInt64?

  /// Creates a request.
  public init(
    command: Command, scenario: String, others: [String] = [], sets: [String] = [], vary: [String] = [],
    targets: [String] = [], minimise: String? = nil, replications: Int? = nil, seed: UInt64? = nil
  ) {
    self.command = command
    self.scenario = scenario
    self.others = others
    self.sets = sets
    self.vary = vary
    self.targets = targets
    self.minimise = minimise
    self.replications = replications
    self.seed = seed
  }

  private enum CodingKeys: String, CodingKey {
    case command, scenario, others, sets, vary, targets, minimise, replications, seed
  }

  /// Reads a request; the lists a command does not use may be left out.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    command = try c.decode(Command.self, forKey: .command)
    scenario = try c.decode(String.self, forKey: .scenario)
    others = try c.decodeIfPresent([String].self, forKey: .others) ?? []
    sets = try c.decodeIfPresent([String].self, forKey: .sets) ?? []
    vary = try c.decodeIfPresent([String].self, forKey: .vary) ?? []
    targets = try c.decodeIfPresent([String].self, forKey: .targets) ?? []
    minimise = try c.decodeIfPresent(String.self, forKey: .minimise)
    replications = try c.decodeIfPresent(Int.self, forKey: .replications)
    // A number, or its digits as text: a page's numbers lose digits beyond 2^53.
    if let text = try? c.decodeIfPresent(String.self, forKey: .seed) {
      guard let value = UInt64(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .seed, in: c, debugDescription: "a seed is a whole number from 0 to 2^64-1")
      }
      seed = value
    } else {
      seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
    }
  }

  /// Most replications a page may ask for, and most values per list.
  static let maxReplications = 10_000
  static let maxItems = 20
  static let maxText = 1_000

  /// The CLI's arguments (after `telesim`), with the files resolved in `folder`; the results
  /// folder and report are added by the manager.
  /// - Throws: ``WorkbenchError`` for an unknown file or a value the CLI must not see.
  func arguments(in folder: ScenarioFolder) throws(WorkbenchError) -> [String] {
    guard let file = folder.file(scenario) else { throw .noSuchScenario }
    var args = [command.rawValue, file.path]
    switch command {
    case .run: break
    case .compare:
      guard !others.isEmpty else { throw .badArgument("compare needs a second scenario") }
      for o in others {
        guard let f = folder.file(o) else { throw .noSuchScenario }
        args.append(f.path)
      }
    case .sweep:
      guard !sets.isEmpty else { throw .badArgument("a sweep needs at least one KEY=[values]") }
      args += try Self.options("set", sets)
    case .optimise:
      guard !vary.isEmpty, !targets.isEmpty else {
        throw .badArgument("optimise needs a decision (KEY=RANGE) and a target")
      }
      args += try Self.options("vary", vary) + (try Self.options("target", targets))
      if let m = minimise, !m.isEmpty { args += try Self.options("minimise", [m]) }
    }
    if let r = replications {
      guard (1...Self.maxReplications).contains(r) else { throw .badArgument("replications from 1 to 10,000") }
      // An optimisation chooses its replications: the page's number is its first stage.
      args.append(command == .optimise ? "--first-replications=\(r)" : "--replications=\(r)")
    }
    if let s = seed { args.append("--seed=\(s)") }
    if others.count > Self.maxItems { throw .badArgument("at most \(Self.maxItems) scenarios") }
    return args
  }

  /// The command as a person would type it in the scenario folder: `telesim` and the
  /// arguments, each quoted for a POSIX shell when it needs to be (`'--target=m <= 2h'`).
  static func shown(_ arguments: [String], in folder: ScenarioFolder) -> String {
    let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.=/,:+@%"))
    return (["telesim"] + arguments.map { $0.replacingOccurrences(of: folder.root.path + "/", with: "") }).map { a in
      a.unicodeScalars.allSatisfy { plain.contains($0) } && !a.isEmpty
        ? a : "'" + a.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
  }

  /// `--name=VALUE` for each value: one argument each, so that no value can be read as another
  /// option; bounded, and free of control characters.
  static func options(_ name: String, _ values: [String]) throws(WorkbenchError) -> [String] {
    guard values.count <= maxItems else { throw .badArgument("at most \(maxItems) --\(name) values") }
    var out: [String] = []
    for v in values {
      let value = v.trimmingCharacters(in: .whitespaces)
      guard !value.isEmpty, value.count <= maxText,
        !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
      else { throw .badArgument("--\(name) needs a value of 1 to \(maxText) characters on one line") }
      out.append("--\(name)=\(value)")
    }
    return out
  }
}
