import Experiments
import SimStats

/// Tables and files for `telesim compare`.
public enum ComparisonReport {
  /// One block per alternative: each metric's baseline and alternative means, the paired
  /// difference with its 95% CI, the verdict, and the variance CRN removed.
  public static func table(_ c: Comparison) -> String {
    var out = ""
    for alt in 1..<c.labels.count {
      out += "\(c.labels[alt]) vs \(c.labels[0]) (paired replications, common random numbers)\n"
      var rows = [["metric", c.labels[0], c.labels[alt], "difference", "95% CI", "verdict", "CRN var. cut", "unit"]]
      for r in c.rows where r.alternative == alt {
        rows.append([
          r.metric.name, r.baseline.map { SummaryTable.number($0.mean) } ?? "-",
          r.value.map { SummaryTable.number($0.mean) } ?? "-", r.difference.map { SummaryTable.number($0.mean) } ?? "-",
          SummaryTable.interval(r.difference), r.verdict,
          r.varianceReduction.isFinite ? "\(Int((r.varianceReduction * 100).rounded()))%" : "-", r.metric.unit,
        ])
      }
      out += SummaryTable.layout(rows) + "\n"
    }
    return out
  }

  /// `alternative,metric,unit,baseline_mean,alternative_mean,difference,ci_lo,ci_hi,verdict,variance_reduction`.
  public static func csv(_ c: Comparison) -> String {
    var out = "alternative,baseline,metric,unit,baseline_mean,alternative_mean,difference,ci_lo,ci_hi,verdict,variance_reduction,"
      + "size,assessment\n"
    for r in c.rows {
      let d = r.difference
      let cells = [
        c.labels[r.alternative], c.labels[0], r.metric.name, r.metric.unit, num(r.baseline?.mean), num(r.value?.mean),
        num(d?.mean), num(d.map { $0.count > 1 ? $0.lower : .nan }), num(d.map { $0.count > 1 ? $0.upper : .nan }),
        r.verdict, num(r.varianceReduction), r.size?.rawValue ?? "", r.assessment,
      ]
      out += cells.map(SummaryReport.csvField).joined(separator: ",") + "\n"
    }
    return out
  }

  /// `telesim/comparison/v1`: the experiment, then per alternative and metric the paired
  /// difference, its CI, the verdict, the variance reduction, the practical size and the
  /// assessment ("real, small"); then every setting that differs from the baseline.
  public static func json(_ c: Comparison, header: PlanHeader) -> String {
    var j = JSONText()
    j.beginObject()
    j.key("schema"); j.string("telesim/comparison/v1")
    j.key("telesim_version"); j.string(header.version)
    j.key("experiment_hash"); j.string(header.hash)
    j.key("seed"); j.integer(header.seed)
    j.key("replications"); j.integer(header.replications)
    j.key("scenarios"); j.beginArray()
    for d in header.designs {
      j.beginObject(); j.key("label"); j.string(d.label); j.key("file"); j.string(d.info.file)
      j.key("scenario_hash"); j.string(d.info.hash); j.endObject()
    }
    j.endArray()
    j.key("differences"); j.beginArray()
    for r in c.rows {
      j.beginObject()
      j.key("alternative"); j.string(c.labels[r.alternative])
      j.key("metric"); j.string(r.metric.name)
      j.key("unit"); j.string(r.metric.unit)
      j.key("better"); j.string(r.metric.direction.rawValue)
      j.key("baseline_mean"); j.number(r.baseline?.mean ?? .nan)
      j.key("alternative_mean"); j.number(r.value?.mean ?? .nan)
      j.key("difference"); j.number(r.difference?.mean ?? .nan)
      j.key("ci95")
      if let d = r.difference, d.count > 1 { j.beginArray(); j.number(d.lower); j.number(d.upper); j.endArray() } else { j.null() }
      j.key("verdict"); j.string(r.verdict)
      j.key("variance_reduction"); j.number(r.varianceReduction)
      j.key("size"); if let size = r.size { j.string(size.rawValue) } else { j.null() }
      j.key("assessment"); j.string(r.assessment)
      j.endObject()
    }
    j.endArray()
    j.key("changes"); j.beginArray()
    for alt in header.designs.dropFirst() {
      for change in SettingChange.between(header.designs[0].info.settings, alt.info.settings) {
        j.beginObject()
        j.key("alternative"); j.string(alt.label)
        j.key("setting"); j.string(change.path)
        j.key("baseline"); if let v = change.baseline { j.string(v) } else { j.null() }
        j.key("value"); if let v = change.alternative { j.string(v) } else { j.null() }
        j.endObject()
      }
    }
    j.endArray()
    j.endObject()
    return j.text + "\n"
  }

  static func num(_ x: Double?) -> String {
    guard let x, !x.isNaN else { return "" }
    return JSONText.format(x)
  }
}

extension ComparisonReport {
  /// Paired differences (alternative − baseline) of every breakdown table the two designs
  /// share, replication by replication under common random numbers, with 95% CI half-widths.
  public static func breakdownDifferences(baseline: ExperimentResult, alternative: ExperimentResult) -> [BreakdownTable] {
    guard let names = alternative.replicationTables.first?.map(\.name) else { return [] }
    return names.compactMap { name in
      let a = baseline.replicationTables.compactMap { tables in tables.first { $0.name == name } }
      let b = alternative.replicationTables.compactMap { tables in tables.first { $0.name == name } }
      return BreakdownTable.pairedDifferences(baseline: a, alternative: b)
    }
  }
}
