/// Suggests the closest known spelling for a misspelt name.
public enum DidYouMean {
  /// The candidate nearest to `word` by edit distance, if it is close enough to be a typo
  /// (at most a third of the word's length, and at least 1 edit allowed).
  static func suggestion(for word: String, among candidates: [String]) -> String? {
    let limit = Swift.max(1, (word.count + 2) / 3)
    var best: (String, Int)?
    for c in candidates {
      let d = distance(word.lowercased(), c.lowercased())
      if d <= limit && (best == nil || d < best!.1) { best = (c, d) }
    }
    return best?.0
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// "did you mean 'x'?" or, failing a close match, the list of valid choices.
  public static func hint(for word: String, among candidates: [String]) -> String {
    if let s = suggestion(for: word, among: candidates) { return "did you mean '\(s)'?" }
    return "expected one of: " + candidates.joined(separator: ", ")
  }
}
