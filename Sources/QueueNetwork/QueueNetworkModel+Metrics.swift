import SimKernel
import SimRandom
import SimStats

extension NetworkSpec {
  /// The figures one replication reports, in order. For a single queue the names carry no
  /// station prefix (`wait.mean`); in a network they do (`triage.wait.mean`).
  public var metrics: [Metric] {
    var list: [Metric] = []
    for station in stations {
      let p = prefixesStationNames ? "\(station.name)." : ""
      let l = prefixesStationNames ? "\(station.name): " : ""
      list += [
        Metric(p + "wait.mean", unit: "min", better: .lowerIsBetter, label: l + "wait in queue, mean"),
        .quantile(p + "wait.p50", unit: "min", better: .lowerIsBetter, label: l + "wait in queue, median"),
        .quantile(p + "wait.p90", unit: "min", better: .lowerIsBetter, label: l + "wait in queue, 90th percentile"),
        .quantile(p + "wait.p95", unit: "min", better: .lowerIsBetter, label: l + "wait in queue, 95th percentile"),
        .quantile(p + "wait.p99", unit: "min", better: .lowerIsBetter, label: l + "wait in queue, 99th percentile"),
        Metric(p + "wait.probability", unit: "ratio", better: .lowerIsBetter, label: l + "customers who wait"),
        Metric(p + "sojourn.mean", unit: "min", better: .lowerIsBetter, label: l + "time in system, mean"),
        Metric(p + "queue_length.mean", unit: "customers", better: .lowerIsBetter, label: l + "queue length, mean"),
        Metric(p + "in_system.mean", unit: "customers", better: .lowerIsBetter, label: l + "customers in system, mean"),
        Metric(p + "busy.mean", unit: "servers", better: .neither, label: l + "busy servers, mean"),
        Metric(p + "utilisation", unit: "ratio", better: .neither, label: l + "server utilisation"),
        Metric(p + "blocking", unit: "ratio", better: .lowerIsBetter, label: l + "customers turned away (full)"),
        Metric(p + "throughput", unit: "/h", better: .higherIsBetter, label: l + "customers served an hour"),
        Metric(p + "arrivals", unit: "count", better: .neither, label: l + "arrivals"),
        Metric(p + "overtime", unit: "min", better: .lowerIsBetter, label: l + "overtime after closing"),
      ]
      if classes.count > 1 {
        for c in classes {
          list.append(Metric(p + "class.\(c.name).wait.mean", unit: "min", better: .lowerIsBetter,
                            label: l + "\(c.name): wait in queue, mean"))
          list.append(Metric(p + "class.\(c.name).sojourn.mean", unit: "min", better: .lowerIsBetter,
                            label: l + "\(c.name): time in system, mean"))
        }
      }
    }
    if prefixesStationNames {
      list.append(Metric("network.sojourn.mean", unit: "min", better: .lowerIsBetter, label: "time in the network, mean"))
      list.append(Metric("network.throughput", unit: "/h", better: .higherIsBetter, label: "customers through the network an hour"))
    }
    return list
  }
}

extension QueueNetworkModel {
  /// Runs one replication from time 0 to `horizon`, discarding statistics before `warmUp`.
  /// - Returns: the figures named by ``NetworkSpec/metrics``.
  public static func replicate(
    _ spec: NetworkSpec, seeder: StreamSeeder, horizon: SimDuration, warmUp: SimDuration
  ) -> MetricValues {
    replicateCountingEvents(spec, seeder: seeder, horizon: horizon, warmUp: warmUp).values
  }

  /// Runs one replication and also reports how many events the kernel delivered and the
  /// trajectory fingerprint (`Simulation.fingerprint`).
  public static func replicateCountingEvents(
    _ spec: NetworkSpec, seeder: StreamSeeder, horizon: SimDuration, warmUp: SimDuration
  ) -> (values: MetricValues, events: UInt64, fingerprint: UInt64) {
    var model = QueueNetworkModel(spec: spec, seeder: seeder)
    var sim = Simulation<QueueNetworkEvent>(reservingEvents: 256)
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes),
                warmUpEnd: SimTime(minutes: warmUp.minutes))
    return (model.results(at: sim.now, observed: horizon - warmUp), sim.eventsProcessed, sim.fingerprint)
  }

  /// Closes the time averages at `now` and lists the figures.
  mutating func results(at now: SimTime, observed: SimDuration) -> MetricValues {
    var values: [Double] = []
    let hours = observed.hours
    for i in stations.indices {
      stations[i].close(at: now.minutes)
      let s = stations[i]
      let refused = s.resource.refusedCount - s.refusedAtWarmUp
      let served = s.wait.count
      let nan = Double.nan
      let busy = s.busy.mean ?? nan
      let onDuty = s.onDuty.mean ?? nan
      values += [
        s.wait.mean ?? nan, s.waitQuantiles.quantile(0.5) ?? nan,
        s.waitQuantiles.quantile(0.9) ?? nan, s.waitQuantiles.quantile(0.95) ?? nan,
        s.waitQuantiles.quantile(0.99) ?? nan, served > 0 ? Double(s.waited) / Double(served) : nan,
        s.sojourn.mean ?? nan, s.queueLength.mean ?? nan, s.meanInSystem ?? nan, busy,
        onDuty > 0 ? busy / onDuty : nan,
        s.arrivals > 0 ? Double(refused) / Double(s.arrivals) : nan,
        Double(s.completions) / hours, Double(s.arrivals),
        (s.resource.overtime - s.overtimeAtWarmUp).minutes,
      ]
      if spec.classes.count > 1 {
        for c in spec.classes.indices {
          values.append(s.classWait[c].mean ?? nan)
          values.append(s.classSojourn[c].mean ?? nan)
        }
      }
    }
    if spec.prefixesStationNames {
      values.append(networkSojourn.mean ?? .nan)
      values.append(Double(networkExits) / hours)
    }
    return MetricValues(metrics: spec.metrics, values: values)
  }
}
