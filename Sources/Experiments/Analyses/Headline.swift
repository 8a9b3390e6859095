import SimStats

/// The few metrics a precision target, a sweep table or a quick look starts from.
public enum Headline {
  /// Defaults by scenario kind, keeping only metrics the model reports.
  public static func metrics(kind: String, available: [Metric]) -> [String] {
    let wanted: [String]
    switch kind {
    case "care-network":
      wanted = ["teleconsult.wait.mean", "teleconsult.same_day", "specialist.utilisation", "beds.refused", "cost.meals"]
    case "network":
      wanted = ["network.sojourn.mean", "network.throughput"]
    default:
      wanted = ["wait.mean", "wait.p90", "utilisation", "blocking", "throughput"]
    }
    return wanted.filter { name in available.contains { $0.name == name } }
  }
}
