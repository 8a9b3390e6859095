import Experiments
import Foundation
import SimStats

/// Tables and files for `telesim compare`.
public enum ComparisonReport {
  /// One block per alternative: each metric's baseline → alternative means, the paired
  /// difference with its 95% CI, and the verdict with its practical size ("better · small").
  /// Values show in units suited to their size, the difference in the same unit (shares in
  /// percentage points); the variance CRN removed is summarised above the table
  /// (comparison.csv has it per metric). Fits 100 columns; 105 for a care network with its cost rows.
  public static func table(_ c: Comparison, style: TerminalStyle = .plain) -> String {
    var out = ""
    for alt in 1..<c.labels.count {
      let rows = c.rows.filter { $0.alternative == alt }
      let cuts = rows.map(\.varianceReduction).filter(\.isFinite).sorted()
      let median = cuts.isEmpty ? nil : cuts[cuts.count / 2]
      out += "A = \(c.labels[0]), B = \(c.labels[alt])\n"
        + "paired under common random numbers"
        + (median.map { "; variance of differences cut by \(Int(($0 * 100).rounded()))% (median)" } ?? "") + "\n"
      var cells = [["metric", "A → B", "B − A [95% CI]", "verdict"]]
      var good: [Bool?] = [nil]
      for r in rows {
        let u = DisplayUnit.suited(to: r.metric.unit, typical: r.baseline?.mean ?? r.value?.mean ?? .nan)
        let values = "\(r.baseline.map { u.short($0.mean) } ?? "-") → \(r.value.map { u.text($0.mean) } ?? "-")"
        cells.append([r.metric.name, values, differenceCell(r, unit: u), verdictCell(r)])
        good.append(r.verdict == "better" ? true : r.verdict == "worse" ? false : nil)
      }
      out += SummaryTable.layout(cells, style: style) { row, column in column == 3 ? good[row] : nil } + "\n"
      out += costTable(c.costRatios.filter { $0.alternative == alt }, style: style)
    }
    return out
  }

  /// What B's extra cost a day buys, per unit of each outcome, with Fieller's 95% interval:
  /// rupees per refusal avoided (a cost a day over a gain a day), or rupees a day per minute.
  static func costTable(_ ratios: [CostRatio], style: TerminalStyle) -> String {
    guard !ratios.isEmpty else { return "" }
    var cells = [["cost per outcome", "extra cost", "gain [95% CI]", "price [95% CI]"]]
    for r in ratios {
      let cost = DisplayUnit.suited(to: "Rs/d", typical: r.extraCost.mean)
      let gain = DisplayUnit.same(r.gainUnit)
      cells.append(["per " + r.outcome, cost.text(r.extraCost.mean),
                    "\(gain.short(r.gain.mean)) [\(gain.short(r.gain.lower)), \(gain.short(r.gain.upper))] \(r.gainUnit)",
                    priceCell(r)])
    }
    let warning = ratios.first.map(\.differentPrices).flatMap { $0.isEmpty ? nil : $0 }.map {
      "warning: the two scenarios price things differently (\($0.joined(separator: ", "))): the extra cost mixes "
        + "a change of price with a change of what is done\n"
    } ?? ""
    return SummaryTable.layout(cells, style: style) { _, _ in nil } + "\n" + warning
  }

  /// `8.48 lakh Rs [6.98, 10.8]`, or why no price can be given.
  static func priceCell(_ r: CostRatio) -> String {
    switch r.status {
    case .noGain: return "no detectable gain"
    case .saves: return "saves money and gains"
    case .loses:
      // Both negative: rupees saved per unit lost; a dearer change that is worse has no price.
      guard r.extraCost.mean < 0 else { return "dearer and worse" }
      let u = DisplayUnit.suited(to: r.priceUnit, typical: r.ratio)
      return "worse: saves \(u.text(r.ratio)) per unit lost [\(u.short(r.lower)), \(u.short(r.upper))]"
    case .costs:
      let u = DisplayUnit.suited(to: r.priceUnit, typical: r.ratio)
      return "\(u.text(r.ratio)) [\(u.short(r.lower)), \(u.short(r.upper))]"
    }
  }

  /// `+6.16 [3.94, 8.39]` in the values' unit `unit`; shares in percentage points (`pt`).
  static func differenceCell(_ r: Comparison.Row, unit: DisplayUnit) -> String {
    guard let d = r.difference, d.mean.isFinite else { return "-" }
    let u = r.metric.unit == "ratio" ? DisplayUnit(label: "pt", factor: 100) : unit
    let sign = d.mean > 0 ? "+" : ""
    let interval = d.count > 1 && !d.halfWidth.isNaN ? " [\(u.short(d.lower)), \(u.short(d.upper))]" : ""
    // In the row's own unit (the A → B column names it); shares in percentage points.
    return sign + u.short(d.mean) + (u.label == "pt" ? " pt" : "") + interval
  }

  /// `better · small`, `worse · large`, `no difference`, `identical`.
  static func verdictCell(_ r: Comparison.Row) -> String {
    switch r.verdict {
    case "better", "worse", "higher", "lower": return r.verdict + (r.size.map { " · " + $0.rawValue } ?? "")
    case "no detectable difference": return "no difference"
    default: return r.verdict
    }
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
    var j = JSONText.experiment("telesim/comparison/v1", header)
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
    j.key("cost_per_outcome"); j.beginArray()
    for r in c.costRatios {
      j.beginObject()
      j.key("alternative"); j.string(c.labels[r.alternative])
      j.key("outcome"); j.string(r.outcome)
      j.key("extra_cost_per_day"); j.number(r.extraCost.mean)
      j.key("extra_cost_ci95"); j.beginArray(); j.number(r.extraCost.lower); j.number(r.extraCost.upper); j.endArray()
      j.key("gain_unit"); j.string(r.gainUnit)
      j.key("gain"); j.number(r.gain.mean)
      j.key("gain_ci95"); j.beginArray(); j.number(r.gain.lower); j.number(r.gain.upper); j.endArray()
      j.key("status"); j.string(r.status.rawValue)
      j.key("different_prices"); j.beginArray(); for p in r.differentPrices { j.string(p) }; j.endArray()
      j.key("price_unit"); j.string(r.priceUnit)
      j.key("cost_per_unit"); j.number(r.ratio)
      j.key("cost_per_unit_ci95")
      if r.lower.isFinite { j.beginArray(); j.number(r.lower); j.number(r.upper); j.endArray() } else { j.null() }
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
