import ArgumentParser
import Foundation
import Reporting

/// `telesim report DIR`: the planner's HTML report of a result folder.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write one self-contained HTML report (charts, maps, verdicts, run record) of a run, compare or sweep --out folder.",
    discussion: """
      The page needs no network: CSS, SVG charts and the replay script are inline. Maps are drawn from
      districts.geojson (and blocks.geojson) found beside the scenario's data files, or in --boundaries DIR.
      With --trace DIR (a folder written by run --trace, best with --trace-days and --trace-district) the page
      replays the ambulances' movements.
      """)

  @Argument(help: "A folder written by telesim run, compare or sweep with --out.")
  var folder: String

  @Option(name: [.short, .customLong("output")], help: "The HTML file to write (default: FOLDER/report.html).")
  var output: String?

  @Option(help: ArgumentHelp("A --trace folder whose ambulance drives the page replays.", valueName: "DIR"))
  var trace: String?

  @Option(help: ArgumentHelp("The folder holding districts.geojson (and blocks.geojson).", valueName: "DIR"))
  var boundaries: String?

  func run() throws {
    try writeReport(folder: folder, to: output, context: ReportContext(traceFolder: trace, boundariesFolder: boundaries))
  }
}

/// Writes the report of `folder` (atomically) and says where; exit code 1 on failure.
func writeReport(folder: String, to output: String?, context: ReportContext) throws {
  let path = output ?? folder + "/report.html"
  let html: String
  do { html = try HTMLReport.html(folder: folder, context: context) } catch {
    printToStandardError("error: cannot make the report: \(error.message)")
    throw ExitCode(1)
  }
  try writeOrExit { try AtomicFile.write(html, to: path) }
  printToStandardError("wrote \(path) (\(html.utf8.count / 1024) KB)")
}
