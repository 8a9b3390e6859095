import Experiments
import ScenarioIO
import SimStats

/// The answer of `telesim optimise`: the chosen design with its figures and cost, the
/// runners-up, every design's standing, or a plain statement that none meets the targets.
public struct OptimisationReport {
  let outcome: Optimiser.Outcome
  let optimiser: Optimiser
  let header: PlanHeader
  let results: [ExperimentResult]

  /// The report of `outcome`, found by `optimiser` for the experiment `header` describes.
  public init(outcome: Optimiser.Outcome, optimiser: Optimiser, header: PlanHeader, results: [ExperimentResult]) {
    self.outcome = outcome
    self.optimiser = optimiser
    self.header = header
    self.results = results
  }

  private var labels: [String] { header.designs.map(\.label) }
  private var objectiveUnit: String { unit(of: optimiser.objective.name) }

  private func unit(of name: String) -> String {
    header.designs[0].metrics.first { $0.name == name }?.unit ?? ""
  }

  private func shown(_ e: ReplicationEstimate?, unit: String) -> String {
    guard let e else { return "never observed" }
    let u = DisplayUnit.suited(to: unit, typical: e.mean)
    guard e.count > 1, e.standardDeviation > 0 else { return u.text(e.mean) }
    return "\(u.text(e.mean)) [\(u.short(e.lower)), \(u.short(e.upper))]"
  }

  /// The terminal table.
  public func table() -> String {
    let info = header.designs[0].info
    var out = "\(info.name): \(labels.count) designs, seed \(header.seed); minimise \(optimiser.objective.name)"
      + (objectiveUnit.isEmpty ? "" : " (\(objectiveUnit))") + "\n"
    let each = 1 - (1 - optimiser.settings.level) / Double(optimiser.targets.count)
    out += "targets: " + optimiser.targets.map(\.text).joined(separator: "; ")
      + " (each judged on its \(percent(each)) interval, so that a design judged feasible meets all of them with "
      + "\(percent(optimiser.settings.level)) confidence; the objective's interval is at \(percent(optimiser.settings.level)))\n"
    out += "method: \(outcome.method); \(outcome.replicationsRun) replications in all"
      + (objectiveUnit.isEmpty || outcome.method.contains("δ") == false ? "" : " (δ in \(objectiveUnit))") + "\n\n"
    if let chosen = outcome.chosen {
      out += "chosen: \(labels[chosen])\n" + figures(chosen)
      if !outcome.runnersUp.isEmpty {
        out += "runners-up:\n" + outcome.runnersUp.prefix(3).map {
          "  \(labels[$0]): \(shown(outcome.assessments[$0].objective, unit: objectiveUnit))\n"
        }.joined()
      }
    } else {
      out += "No design in the ranges meets every target with \(percent(optimiser.settings.level)) confidence.\n"
      for (t, best) in bestReached() {
        out += "  best reached for \(t.text): \(shown(best.estimate, unit: unit(of: t.metric))) at \(labels[best.design])\n"
      }
    }
    if !outcome.undecided.isEmpty {
      out += "\nnote: \(outcome.undecided.count) design\(outcome.undecided.count == 1 ? "" : "s") that could "
        + (outcome.chosen == nil ? "meet every target" : "beat the choice")
        + " stayed undecided after \(optimiser.settings.maxReplications) replications (a target's interval still holds its limit):\n"
      for d in outcome.undecided.prefix(5) {
        let a = outcome.assessments[d]
        let figures = zip(optimiser.targets, a.targets).filter { $0.1.status == .undecided }
          .map { "\($0.0.metric) \(shown($0.1.estimate, unit: unit(of: $0.0.metric)))" }.joined(separator: ", ")
        out += "  \(labels[d]): \(figures)\n"
      }
      out += "  the answer holds only if they fail: give more --max-replications, or a target with a margin\n"
    }
    out += "\n" + SummaryTable.layout(designRows())
    return out.hasSuffix("\n") ? out : out + "\n"
  }

  private func figures(_ d: Int) -> String {
    let a = outcome.assessments[d]
    var rows = [["", "estimate [CI]", ""]]
    rows.append([optimiser.objective.name, shown(a.objective, unit: objectiveUnit), "objective"])
    for (t, judged) in zip(optimiser.targets, a.targets) {
      rows.append([t.metric, shown(judged.estimate, unit: unit(of: t.metric)), "\(judged.status.rawValue) \(t.text)"])
    }
    if optimiser.objective.name != "cost.total", let cost = results[d].estimate("cost.total") {
      rows.append(["cost.total", shown(cost, unit: "Rs/d"), ""])
    }
    for line in ["cost.specialists", "cost.beds"] where optimiser.objective.name != line {
      if let cost = results[d].estimate(line), cost.mean > 0 { rows.append([line, shown(cost, unit: "Rs/d"), ""]) }
    }
    let capacity = header.designs[d].info.capacity.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
    return SummaryTable.layout(rows) + (capacity.isEmpty ? "" : "capacity: \(capacity)\n")
  }

  /// One row per design. With a choice, a column gives each objective's difference from it:
  /// a cost dominated by fixed lines shows the same three figures for every design otherwise.
  private func designRows() -> [[String]] {
    let chosen = outcome.chosen.map { outcome.assessments[$0].objective.mean }
    var rows = [["design", "reps", "status", optimiser.objective.name] + (chosen == nil ? [] : ["vs chosen"])
                + optimiser.targets.map(\.metric)]
    for a in outcome.assessments {
      let delta = chosen.map { c -> String in
        let d = a.objective.mean - c
        return d == 0 ? "0" : (d > 0 ? "+" : "") + DisplayUnit.suited(to: objectiveUnit, typical: d).text(d)
      }
      rows.append([labels[a.design], "\(a.replications)", a.status.rawValue, shown(a.objective, unit: objectiveUnit)]
                  + (delta.map { [$0] } ?? [])
                  + zip(optimiser.targets, a.targets).map { t, j in shown(j.estimate, unit: unit(of: t.metric)) })
    }
    return rows
  }

  /// For each target, the design whose mean comes closest to meeting it.
  func bestReached() -> [(Expectations.Threshold, (design: Int, estimate: ReplicationEstimate?))] {
    optimiser.targets.enumerated().map { i, t in
      let higher = t.comparison == .atLeast || t.comparison == .above
      let ranked = outcome.assessments.compactMap { a in a.targets[i].estimate.map { (a.design, $0) } }
      let best = ranked.max { higher ? $0.1.mean < $1.1.mean : $0.1.mean > $1.1.mean }
      return (t, (best?.0 ?? 0, best?.1))
    }
  }

  private func percent(_ x: Double) -> String {
    let p = x * 100
    return (p == p.rounded() ? String(Int(p)) : JSONText.format((p * 10).rounded() / 10)) + "%"
  }

  /// `telesim/optimisation/v1`.
  public func json() -> String {
    // Replications are chosen design by design; each design's count is in `designs`.
    var j = JSONText.experiment("telesim/optimisation/v1", header, replications: false)
    j.key("scenario"); j.beginObject()
    j.key("name"); j.string(header.designs[0].info.name)
    j.key("file"); j.string(header.designs[0].info.file); j.endObject()
    j.key("objective"); j.beginObject()
    j.key("name"); j.string(optimiser.objective.name)
    j.key("kind"); j.string({ if case .exact = optimiser.objective { return "exact" } else { return "metric" } }())
    j.key("unit"); j.string(objectiveUnit); j.endObject()
    j.key("targets"); j.beginArray(); for t in optimiser.targets { j.string(t.text) }; j.endArray()
    j.key("settings"); j.beginObject()
    j.key("first_replications"); j.integer(optimiser.settings.firstReplications)
    j.key("max_replications"); j.integer(optimiser.settings.maxReplications)
    j.key("confidence"); j.number(optimiser.settings.level)
    j.key("indifference"); if let d = optimiser.settings.indifference { j.number(d) } else { j.null() }
    j.endObject()
    j.key("method"); j.string(outcome.method)
    j.key("replications_run"); j.integer(outcome.replicationsRun)
    j.key("chosen"); if let c = outcome.chosen { j.string(labels[c]) } else { j.null() }
    j.key("runners_up"); j.beginArray(); for r in outcome.runnersUp { j.string(labels[r]) }; j.endArray()
    j.key("undecided"); j.beginArray(); for d in outcome.undecided { j.string(labels[d]) }; j.endArray()
    j.key("best_reached"); j.beginArray()
    if outcome.chosen == nil {
      for (t, best) in bestReached() {
        j.beginObject(); j.key("target"); j.string(t.text); j.key("design"); j.string(labels[best.design])
        j.key("mean"); j.number(best.estimate?.mean ?? .nan); j.endObject()
      }
    }
    j.endArray()
    j.key("designs"); j.beginArray()
    for a in outcome.assessments {
      j.beginObject()
      j.key("label"); j.string(labels[a.design])
      j.key("settings"); j.beginArray(); for s in header.designs[a.design].settings { j.string(s) }; j.endArray()
      j.key("replications"); j.integer(a.replications)
      j.key("status"); j.string(a.status.rawValue)
      j.key("objective"); estimate(a.objective, into: &j)
      j.key("targets"); j.beginArray()
      for (t, judged) in zip(optimiser.targets, a.targets) {
        j.beginObject(); j.key("target"); j.string(t.text); j.key("status"); j.string(judged.status.rawValue)
        j.key("estimate"); if let e = judged.estimate { estimate(e, into: &j) } else { j.null() }
        j.endObject()
      }
      j.endArray()
      j.key("capacity"); j.beginObject()
      for c in header.designs[a.design].info.capacity { j.key(c.name); j.integer(c.value) }
      j.endObject()
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text + "\n"
  }

  private func estimate(_ e: ReplicationEstimate, into j: inout JSONText) {
    j.beginObject(); j.key("mean"); j.number(e.mean); j.key("level"); j.number(e.level)
    j.key("ci"); if e.count > 1 { j.beginArray(); j.number(e.lower); j.number(e.upper); j.endArray() } else { j.null() }
    j.endObject()
  }

  /// One row per design: replications, status, the objective and every target's mean and CI.
  public func csv() -> String {
    var header = ["design", "replications", "status", "objective_mean", "objective_lower", "objective_upper"]
    for t in optimiser.targets { header += ["\(t.metric)_mean", "\(t.metric)_lower", "\(t.metric)_upper", "\(t.metric)_status"] }
    var out = header.joined(separator: ",") + "\n"
    for a in outcome.assessments {
      var cells = [labels[a.design], "\(a.replications)", a.status.rawValue,
                   ComparisonReport.num(a.objective.mean), ComparisonReport.num(a.objective.count > 1 ? a.objective.lower : nil),
                   ComparisonReport.num(a.objective.count > 1 ? a.objective.upper : nil)]
      for j in a.targets {
        cells += [ComparisonReport.num(j.estimate?.mean), ComparisonReport.num(j.estimate?.lower),
                  ComparisonReport.num(j.estimate?.upper), j.status.rawValue]
      }
      out += cells.map(SummaryReport.csvField).joined(separator: ",") + "\n"
    }
    return out
  }
}
