/// Builds JSON text with a fixed key order and a fixed number format, so that the same
/// results always give the same bytes. Non-finite numbers become `null`.
struct JSONText {
  private(set) var text = ""
  private var needsComma: [Bool] = [false]

  mutating func beginObject() { open("{") }
  mutating func endObject() { close("}") }
  mutating func beginArray() { open("[") }
  mutating func endArray() { close("]") }

  mutating func key(_ k: String) {
    separate()
    text += Self.quote(k) + ":"
    needsComma[needsComma.count - 1] = false
    suppressNext = true
  }

  mutating func string(_ s: String) { separate(); text += Self.quote(s) }
  mutating func number(_ x: Double) { separate(); text += Self.format(x) }
  mutating func integer<I: BinaryInteger>(_ n: I) { separate(); text += "\(n)" }
  mutating func null() { separate(); text += "null" }
  mutating func bool(_ b: Bool) { separate(); text += b ? "true" : "false" }

  private var suppressNext = false

  private mutating func separate() {
    if suppressNext {
      suppressNext = false
    } else if needsComma[needsComma.count - 1] {
      text += ","
    }
    needsComma[needsComma.count - 1] = true
  }

  private mutating func open(_ bracket: String) {
    separate()
    text += bracket
    needsComma.append(false)
  }

  private mutating func close(_ bracket: String) {
    needsComma.removeLast()
    text += bracket
  }

  /// Shortest representation that reads back to the same Double; `null` if not finite.
  static func format(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
