/// How a page writes a threshold's comparison: `<=` as `≤`, `>=` as `≥`.
enum ComparisonSymbol {
  static func text(_ comparison: String) -> String {
    ["<=": "≤", "<": "<", ">=": "≥", ">": ">"][comparison] ?? comparison
  }
}
