/// A cheap scan of scenario text for what would make the YAML library itself slow or deep,
/// done before it sees the text (the composed tree is bounded afterwards, in
/// ``ScenarioNode/converting(_:file:budget:depth:)``):
/// - nesting beyond ``Limits/yamlDepth``, counting brackets, indentation (two spaces a
///   level) and the `- ` of compact nested lists (`- - - x`): Yams composes recursively;
/// - in a document that uses aliases, a key that is not a plain name (an alias `*big: x`, an
///   explicit `? key`, a list or mapping `[a, b]: x`): Yams compares keys to find duplicates,
///   hashing the whole key each time, so an alias bomb as a key takes minutes (found by the
///   fuzzer). Without aliases such keys are cheap, and the reader refuses them with its own
///   message, so text that merely looks like one (in a block scalar, say) is left alone.
///
/// Quoted strings (across lines), comments and block scalars (`|`, `>`) are skipped; the
/// scan errs on the side of letting text through to the parser, whose own limits apply.
enum YAMLPrecheck {
  struct Problem {
    var message: String
    var hint: String
    var line: Int
    var column: Int
  }

  static func problem(in text: String) -> Problem? {
    var scan = Scan(bytes: Array(text.utf8))
    return scan.run()
  }

  private struct Scan {
    let bytes: [UInt8]
    var i = 0
    var (line, column, indent, depth) = (1, 0, 0, 0)
    var atLineStart = true
    var quote: UInt8?
    var inComment = false
    /// The indentation of the line that opened a block scalar; deeper lines are its text.
    var blockIndent: Int?
    var previous = UInt8(ascii: "\n")
    var sawAlias = false
    var keyProblem: Problem?

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func run() -> Problem? {
      while i < bytes.count {
        if let problem = step() { return problem }
        previous = bytes[i]
        i += 1
      }
      return sawAlias ? keyProblem : nil
    }

    private mutating func step() -> Problem? {
      let byte = bytes[i]
      column += 1
      if byte == UInt8(ascii: "\n") {
        (line, column, indent, atLineStart, inComment) = (line + 1, 0, 0, true, false)
        return nil
      }
      if inComment { return nil }
      if let q = quote {
        if byte == q { quote = nil }
        return nil
      }
      if atLineStart {
        if byte == UInt8(ascii: " ") { indent += 1; return nil }
        if let block = blockIndent {
          if indent > block { skipLine(); return nil }
          blockIndent = nil
        }
        // `- - x` nests a list in a list on one line: each dash is a level, as two spaces are.
        if byte == UInt8(ascii: "-"), next == UInt8(ascii: " ") { indent += 2; return nil }
      }
      let leading = atLineStart
      atLineStart = false
      switch byte {
      // (A `where` binds only to the pattern before it, so each pattern carries its own.)
      case UInt8(ascii: "\"") where startsToken, UInt8(ascii: "'") where startsToken: quote = byte
      case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || leading: inComment = true
      case UInt8(ascii: "|") where opensBlock(), UInt8(ascii: ">") where opensBlock(): blockIndent = indent
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
        if YAMLPrecheck.isFollowedByColon(bytes, from: i + 1) { noteKey("a list or mapping cannot be a key") }
      case UInt8(ascii: "?") where (leading || [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(previous))
                                     && (i + 1 == bytes.count || YAMLPrecheck.isBoundary(bytes[i + 1])):
        noteKey("explicit keys (? key) are not used in scenarios")
      case UInt8(ascii: "*") where YAMLPrecheck.isBoundary(previous) && i + 1 < bytes.count && !YAMLPrecheck.isBoundary(bytes[i + 1]):
        sawAlias = true
        if YAMLPrecheck.isAliasKey(bytes, from: i + 1) { noteKey("an alias (*name) cannot be a key") }
      default: break
      }
      if depth + indent / 2 > Limits.yamlDepth {
        return Problem(message: "nesting deeper than \(Limits.yamlDepth) levels",
                       hint: "a scenario needs a few levels; check the brackets", line: line, column: column)
      }
      return nil
    }

    private var next: UInt8? { i + 1 < bytes.count ? bytes[i + 1] : nil }

    /// Whether the byte at `i` begins a token: a quote there opens a quoted string.
    private var startsToken: Bool { YAMLPrecheck.isBoundary(previous) || previous == UInt8(ascii: ":") }

    private mutating func noteKey(_ message: String) {
      if keyProblem == nil { keyProblem = Problem(message: message, hint: "keys are plain names", line: line, column: column) }
    }

    /// Whether the `|` or `>` at `i` follows a space and is followed only by block indicators
    /// (`-`, `+`, a digit), spaces and perhaps a comment: the start of a block scalar.
    private func opensBlock() -> Bool {
      guard previous == UInt8(ascii: " ") else { return false }
      var j = i + 1
      while j < bytes.count, [UInt8(ascii: "-"), UInt8(ascii: "+")].contains(bytes[j]) || (48...57).contains(bytes[j]) { j += 1 }
      while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
      return j == bytes.count || bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "#")
    }

    /// Moves to the last byte of this line (the newline is handled by the next step).
    private mutating func skipLine() {
      while i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "\n") { i += 1 }
    }
  }

  /// Whether an alias, a quote or an indicator may start after `byte`.
  static func isBoundary(_ byte: UInt8) -> Bool {
    [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: "{"),
     UInt8(ascii: ","), UInt8(ascii: "?")].contains(byte)
  }

  /// Whether the alias name starting at `start` is followed by `:` (a key).
  static func isAliasKey(_ bytes: [UInt8], from start: Int) -> Bool {
    var j = start
    while j < bytes.count, !isBoundary(bytes[j]), bytes[j] != UInt8(ascii: "]"), bytes[j] != UInt8(ascii: "}"),
          bytes[j] != UInt8(ascii: ":") { j += 1 }
    return j > start && isFollowedByColon(bytes, from: j)
  }

  /// Whether spaces and then `:` followed by a space, a line end or the end come next: what
  /// makes the value before it a key.
  static func isFollowedByColon(_ bytes: [UInt8], from start: Int) -> Bool {
    var j = start
    while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
    guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return false }
    return j + 1 == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[j + 1])
  }
}
