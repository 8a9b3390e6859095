import Experiments
import ScenarioIO

/// `telesim check`'s verdict for people (a table), CI servers (JUnit XML), GitHub Actions
/// (annotations) and job summaries (Markdown).
public enum GateOutput {
  /// One line per expectation (verdict, expectation, value, 95% CI, limit, unit), the reasons
  /// of failures, then the notices.
  public static func table(_ report: GateReport, style: TerminalStyle = .plain) -> String {
    var rows = [["", "expectation", "value [95% CI]", "limit"]]
    for f in report.findings {
      // Regressions read "METRIC vs baseline" here; the full sentence is in the FAIL lines.
      let name = f.kind == .regression ? "\(f.metric ?? f.name) vs baseline" : f.name
      let value = f.value.map { v -> String in
        let size = max(abs(v), abs(f.lower ?? 0), abs(f.upper ?? 0))
        // A regression's value is a worsening: a change, so shares in percentage points.
        let u = f.kind == .regression ? DisplayUnit.suitedToDifference(f.unit, typical: size)
          : DisplayUnit.suited(to: f.unit, typical: size)
        let interval = f.lower.flatMap { lo in f.upper.map { hi in " [\(u.short(lo)), \(u.short(hi))]" } } ?? ""
        return (f.kind == .regression && v > 0 ? "+" : "") + u.text(v) + interval
      } ?? "-"
      rows.append([f.verdict == .pass ? "pass" : "FAIL", name, value, limitCell(f)])
    }
    var text = "\(report.scenario): \(report.findings.filter { $0.verdict == .pass }.count) of "
      + "\(report.findings.count) expectations met\n"
      + SummaryTable.layout(rows, style: style, leftAligned: [1]) { r, c in c == 0 ? report.findings[r - 1].verdict == .pass : nil }
    for f in report.findings where f.verdict == .fail {
      text += "FAIL \(f.name): \(f.explanation)\n"
    }
    for n in report.notices { text += "note: \(n)\n" }
    return text
  }

  /// `≤ 45 min` for a threshold, `worse ≤ 2.00 min (5%)` for a regression.
  static func limitCell(_ f: GateReport.Finding) -> String {
    guard let limit = f.limitValue else { return f.limit }
    let u = DisplayUnit.suited(to: f.unit, typical: abs(limit))
    guard let comparison = f.limitComparison else {
      let share = f.limitNote.map { " (\($0.split(separator: " ").first ?? ""))" } ?? ""
      return "worse ≤ \(u.label == "%" ? u.short(limit) + " pt" : u.text(limit))\(share)"
    }
    return "\(ComparisonSymbol.text(comparison)) \(u.text(limit))"
  }

  static func interval(_ f: GateReport.Finding) -> String {
    guard let lo = f.lower, let hi = f.upper else { return "-" }
    return "[\(SummaryTable.number(lo)), \(SummaryTable.number(hi))]"
  }

  /// JUnit XML: one test suite for the scenario, one test case per expectation (a failure
  /// carries its reason), the notices as the suite's output.
  public static func junit(_ report: GateReport) -> String {
    let failures = report.findings.filter { $0.verdict == .fail }.count
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"telesim check\" tests=\"\(report.findings.count)\" failures=\"\(failures)\">\n"
    xml += "  <testsuite name=\"\(escape(report.scenario))\" tests=\"\(report.findings.count)\" failures=\"\(failures)\" "
      + "errors=\"0\" skipped=\"0\">\n"
    for f in report.findings {
      var attributes = "classname=\"telesim.\(escape(report.scenario)).\(f.kind.rawValue)\" name=\"\(escape(f.name))\""
      if let at = f.location { attributes += " file=\"\(escape(at.file))\" line=\"\(at.line)\"" }
      xml += "    <testcase \(attributes)>\n"
      if f.verdict == .fail {
        xml += "      <failure message=\"\(escape(f.explanation))\" type=\"\(f.kind.rawValue)\">"
          + "\(escape(f.name)): \(escape(f.explanation))</failure>\n"
      } else {
        xml += "      <system-out>\(escape(f.explanation))</system-out>\n"
      }
      xml += "    </testcase>\n"
    }
    if !report.notices.isEmpty {
      xml += "    <system-out>\(escape(report.notices.joined(separator: "\n")))</system-out>\n"
    }
    xml += "  </testsuite>\n</testsuites>\n"
    return xml
  }

  /// XML text: the five predefined entities, and no control characters XML 1.0 forbids.
  static func escape(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n", "\t", "\r": out.unicodeScalars.append(ch)
      default: if ch.value >= 0x20 { out.unicodeScalars.append(ch) }
      }
    }
    return out
  }

  /// Workflow commands for GitHub Actions: an error for each failed expectation (at its line
  /// in the expectations file) and a warning for each notice.
  public static func githubAnnotations(_ report: GateReport) -> [String] {
    var lines: [String] = []
    for f in report.findings where f.verdict == .fail {
      var properties = "title=\(property("telesim check: \(f.name)"))"
      if let at = f.location { properties = "file=\(property(at.file)),line=\(at.line),col=\(at.column)," + properties }
      lines.append("::error \(properties)::\(message(f.explanation))")
    }
    for n in report.notices { lines.append("::warning title=telesim check::\(message(n))") }
    return lines
  }

  /// GitHub's escaping for a workflow command's message.
  static func message(_ s: String) -> String {
    s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
  }

  /// GitHub's escaping for a workflow command's property.
  static func property(_ s: String) -> String {
    message(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }

  /// A Markdown section for a job summary (`GITHUB_STEP_SUMMARY`).
  public static func markdown(_ report: GateReport) -> String {
    let passed = report.findings.filter { $0.verdict == .pass }.count
    var md = "### telesim check: \(report.scenario) — \(report.failed ? "❌" : "✅") \(passed) of "
      + "\(report.findings.count) expectations met\n\n"
    md += "| | expectation | value | 95% CI | limit | unit |\n|---|---|---|---|---|---|\n"
    for f in report.findings {
      let cells = [f.verdict == .pass ? "✅" : "❌", "`\(f.name)`", f.value.map(SummaryTable.number) ?? "-", interval(f),
                   f.limit, f.unit]
      md += "| " + cells.map { $0.replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |\n"
    }
    let failures = report.findings.filter { $0.verdict == .fail }
    if !failures.isEmpty { md += "\n" + failures.map { "- **\($0.name)**: \($0.explanation)" }.joined(separator: "\n") + "\n" }
    if !report.notices.isEmpty { md += "\n" + report.notices.map { "> \($0)" }.joined(separator: "\n>\n") + "\n" }
    return md + "\n"
  }
}
