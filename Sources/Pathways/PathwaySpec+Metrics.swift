import SimStats

extension PathwaySpec {
  /// Most visits a patient makes (a drawn count is capped here, so that a heavy-tailed law
  /// cannot keep a patient coming back for ever).
  public static let mostVisits = 1000

  /// Resources in metric order: each station's own resource (same name) right after the
  /// station, then the shared ones in the order given.
  var resourceOrder: [(after: Int?, resource: Int)] {
    var order: [(Int?, Int)] = []
    for (r, pool) in resources.enumerated() {
      order.append((stations.firstIndex { $0.name == pool.name }, r))
    }
    return order
  }

  /// The figures one replication reports, in order: per station (`opd.wait.mean`), per
  /// resource (`doctor.utilisation`), per class (`class.labour.referred`) and for the network.
  public var metrics: [Metric] {
    var list: [Metric] = []
    let order = resourceOrder
    for (s, station) in stations.enumerated() {
      list += stationMetrics(station)
      for (after, r) in order where after == s { list += resourceMetrics(resources[r].name) }
    }
    for (after, r) in order where after == nil { list += resourceMetrics(resources[r].name) }
    for c in classes { list += classMetrics(c.name) }
    list.append(Metric("network.sojourn.mean", unit: "min", better: .lowerIsBetter, label: "time in the network a visit, mean"))
    list.append(Metric("network.throughput", unit: "/h", better: .higherIsBetter, label: "pathways completed an hour"))
    return list
  }

  /// Classes reported per station: those with a service law there (the reader drops the laws
  /// of classes that cannot reach a station), when there are several classes.
  func reportedClasses(at station: Station) -> [Int] {
    classes.count > 1 ? classes.indices.filter { station.service[$0] != nil } : []
  }

  private func stationMetrics(_ station: Station) -> [Metric] {
    let p = "\(station.name)."
    let l = "\(station.name): "
    var list = [
      Metric(p + "arrivals", unit: "count", better: .neither, label: l + "arrivals"),
      Metric(p + "wait.mean", unit: "min", better: .lowerIsBetter, label: l + "wait before service, mean"),
      .quantile(p + "wait.p90", unit: "min", better: .lowerIsBetter, label: l + "wait before service, 90th percentile"),
      Metric(p + "sojourn.mean", unit: "min", better: .lowerIsBetter, label: l + "time here (wait and service, or wait of those who gave up), mean"),
      Metric(p + "in_system.mean", unit: "patients", better: .lowerIsBetter, label: l + "patients here, mean"),
      Metric(p + "throughput", unit: "/h", better: .higherIsBetter, label: l + "services completed an hour"),
      Metric(p + "reneged", unit: "ratio", better: .lowerIsBetter, label: l + "arrivals whose waiting limit ran out"),
      Metric(p + "balked", unit: "ratio", better: .lowerIsBetter, label: l + "arrivals who would not join the line"),
      Metric(p + "overflowed", unit: "ratio", better: .lowerIsBetter, label: l + "arrivals sent on because it was full"),
      Metric(p + "blocking", unit: "ratio", better: .lowerIsBetter, label: l + "arrivals turned away (full)"),
    ]
    for c in reportedClasses(at: station).map({ classes[$0] }) {
      let q = p + "class.\(c.name)."
      let m = l + "\(c.name): "
      list += [
        Metric(q + "arrivals", unit: "count", better: .neither, label: m + "arrivals"),
        Metric(q + "wait.mean", unit: "min", better: .lowerIsBetter, label: m + "wait before service, mean"),
        Metric(q + "sojourn.mean", unit: "min", better: .lowerIsBetter, label: m + "time here, mean"),
        Metric(q + "in_system.mean", unit: "patients", better: .lowerIsBetter, label: m + "patients here, mean"),
        Metric(q + "reneged", unit: "ratio", better: .lowerIsBetter, label: m + "arrivals whose waiting limit ran out"),
      ]
    }
    return list
  }

  private func resourceMetrics(_ name: String) -> [Metric] {
    let p = "\(name)."
    let l = "\(name): "
    return [
      Metric(p + "busy.mean", unit: "servers", better: .neither, label: l + "servers busy or held, mean"),
      Metric(p + "on_duty.mean", unit: "servers", better: .neither, label: l + "servers on duty, mean"),
      Metric(p + "utilisation", unit: "ratio", better: .neither, label: l + "utilisation (busy over on duty, overtime included)"),
      Metric(p + "queue_length.mean", unit: "patients", better: .lowerIsBetter, label: l + "patients waiting, mean"),
      Metric(p + "overtime", unit: "min", better: .lowerIsBetter, label: l + "time worked past the roster"),
    ]
  }

  private func classMetrics(_ name: String) -> [Metric] {
    let p = "class.\(name)."
    let l = "\(name): "
    var list = [
      Metric(p + "throughput", unit: "/h", better: .higherIsBetter, label: l + "pathways completed an hour"),
      Metric(p + "sojourn.mean", unit: "min", better: .lowerIsBetter, label: l + "time in the network a visit, mean"),
    ]
    for outcome in Outcome.allCases {
      list.append(Metric(p + outcome.name, unit: "ratio", better: outcome == .completed ? .higherIsBetter : .lowerIsBetter,
                         label: l + "share of visits ending \(String(outcome.name.map { $0 == "_" ? " " : $0 }))"))
    }
    return list
  }
}
