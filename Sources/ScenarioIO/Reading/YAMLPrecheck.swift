/// Cheap scans of scenario text for what would make the YAML library itself slow or deep,
/// done before it sees the text (the composed tree is bounded afterwards, in
/// ``ScenarioNode/converting(_:file:budget:depth:)``):
/// - nesting beyond ``Limits/yamlDepth``: Yams composes recursively and could exhaust the stack;
/// - an alias used as a mapping key (`*big: x`, `? *big`): Yams compares keys to find
///   duplicates, hashing the whole aliased tree each time, so an alias bomb as a key takes
///   minutes (found by the fuzzer). A scenario's keys are plain names anyway.
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
    var significant: UInt8 = UInt8(ascii: "\n")  // the last byte that is not a space
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      column += 1
      defer {
        previous = byte
        if byte != UInt8(ascii: " ") { significant = byte }
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
      if byte == UInt8(ascii: " ") && atLineStart { indent += 1; continue }
      atLineStart = false
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
      case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || column == 1: inComment = true
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      case UInt8(ascii: "*") where isBoundary(previous) && isAliasKey(bytes, from: i + 1, after: significant):
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

  /// Whether the alias name starting at `start` is followed by `:` (a key), or the alias
  /// follows an explicit-key `?` (`previous` is the last byte before it that is not a space).
  static func isAliasKey(_ bytes: [UInt8], from start: Int, after previous: UInt8) -> Bool {
    var j = start
    while j < bytes.count, !isBoundary(bytes[j]), bytes[j] != UInt8(ascii: "]"), bytes[j] != UInt8(ascii: "}"),
          bytes[j] != UInt8(ascii: ":") { j += 1 }
    guard j > start else { return false }
    while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
    let colon = j < bytes.count && bytes[j] == UInt8(ascii: ":")
    return colon || previous == UInt8(ascii: "?")
  }
}
