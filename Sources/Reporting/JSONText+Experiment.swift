import Experiments

extension JSONText {
  /// An experiment's document, opened: `schema`, `telesim_version`, `experiment_hash`,
  /// `seed` and (unless a search chooses them as it goes) `replications`, the keys every
  /// result file of an experiment starts with.
  static func experiment(_ schema: String, _ header: PlanHeader, replications: Bool = true) -> JSONText {
    var j = JSONText()
    j.beginObject()
    j.key("schema"); j.string(schema)
    j.key("telesim_version"); j.string(header.version)
    j.key("experiment_hash"); j.string(header.hash)
    j.key("seed"); j.integer(header.seed)
    if replications { j.key("replications"); j.integer(header.replications) }
    return j
  }
}
