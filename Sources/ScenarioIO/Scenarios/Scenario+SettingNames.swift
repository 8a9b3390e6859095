extension Scenario {
  /// A key path as a planner would say it: list items by their name, words by spaces.
  /// `specialties[0].specialists_per_hub` is "general_medicine specialists per hub" when the
  /// first specialty is named general_medicine; an item without a name is "upgrades 2"
  /// (counted from 1).
  public func settingName(_ key: String) -> String {
    var words: [String] = []
    var prefix = ""
    for part in key.split(separator: ".", omittingEmptySubsequences: false) {
      var field = Substring(part)
      var indices: [Int] = []
      while let open = field.lastIndex(of: "["), field.hasSuffix("]"),
            let i = Int(field[field.index(after: open)..<field.index(before: field.endIndex)]) {
        indices.insert(i, at: 0)
        field = field[..<open]
      }
      prefix += prefix.isEmpty ? String(field) : "." + field
      if indices.isEmpty {
        words.append(field.replacingOccurrences(of: "_", with: " "))
        continue
      }
      for i in indices {
        prefix += "[\(i)]"
        // The item itself names what it is; its list's name would only repeat that.
        if let name = itemName(at: prefix) { words.append(name) } else {
          words.append(field.replacingOccurrences(of: "_", with: " ") + " \(i + 1)")
        }
      }
    }
    return words.joined(separator: " ")
  }

  /// The `name` (or `id`) of the list item at `path`, if it has one.
  private func itemName(at path: String) -> String? {
    for field in ["name", "id"] {
      if let s = settings.first(where: { $0.path == path + "." + field }) { return s.value }
    }
    return nil
  }
}
