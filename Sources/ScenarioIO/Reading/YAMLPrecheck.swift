/// Cheap scans of scenario text for what would make the YAML library itself slow or deep,
/// done before it sees the text (the composed tree is bounded afterwards, in
/// ``ScenarioNode/converting(_:file:budget:depth:)``):
/// - nesting beyond ``Limits/yamlDepth``: Yams composes recursively and could exhaust the stack;
/// - a key that is not a plain name (an alias `*big: x`, an explicit `? key`, a list or a
///   mapping `[a, b]: x`): Yams compares keys to find duplicates, hashing the whole key each
///   time, so an alias bomb as a key takes minutes (found by the fuzzer). A scenario's keys
///   are plain names anyway.
///
/// Nesting counts brackets, indentation (two spaces a level) and the `- ` of compact nested
/// lists (`- - - x`).
///
/// Quotes and comments are followed line by line, roughly: a scan errs on the side of
/// refusing text no real scenario contains.
enum YAMLPrecheck {
  struct Problem {
    var message: String
    var hint: String
    var line: Int
    var column: Int
  }

  static func problem(in text: String) -> Problem? {
    let bytes = Array(text.utf8)
    var depth = 0
    var (line, column, indent) = (1, 0, 0)
    var atLineStart = true
    var quote: UInt8? = nil
    var inComment = false
    var previous: UInt8 = UInt8(ascii: "\n")
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      column += 1
      defer {
        previous = byte
        i += 1
      }
      if byte == UInt8(ascii: "\n") {
        (line, column, indent, atLineStart, quote, inComment) = (line + 1, 0, 0, true, nil, false)
        continue
      }
      if inComment { continue }
      if let q = quote {
        if byte == q { quote = nil }
        continue
      }
      if atLineStart {
        if byte == UInt8(ascii: " ") { indent += 1; continue }
        // `- - x` nests a list in a list on one line: each dash is a level, as two spaces are.
        if byte == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: " ") { indent += 2; continue }
      }
      let leading = atLineStart
      atLineStart = false
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
      case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || column == 1: inComment = true
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
        if isFollowedByColon(bytes, from: i + 1) {
          return Problem(message: "a list or mapping cannot be a key", hint: "keys are plain names", line: line, column: column)
        }
      case UInt8(ascii: "?") where (leading || [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(previous)
                                     || previous == UInt8(ascii: " ") && depth > 0)
                                     && (i + 1 == bytes.count || isBoundary(bytes[i + 1])):
        return Problem(message: "explicit keys (? key) are not used in scenarios", hint: "keys are plain names",
                       line: line, column: column)
      case UInt8(ascii: "*") where isBoundary(previous) && isAliasKey(bytes, from: i + 1):
        return Problem(message: "an alias (*name) cannot be a key", hint: "keys are plain names", line: line, column: column)
      default: break
      }
      // Block levels are usually two spaces apart.
      if depth + indent / 2 > Limits.yamlDepth {
        return Problem(message: "nesting deeper than \(Limits.yamlDepth) levels",
                       hint: "a scenario needs a few levels; check the brackets", line: line, column: column)
      }
    }
    return nil
  }

  /// Whether an alias may start after `byte`.
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
