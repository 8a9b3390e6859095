import ArgumentParser
import Experiments
import Foundation
import Reporting

extension ExperimentOptions {
  /// Writes a result set with `body` (given the folder to write into) and moves it into
  /// place as a whole; without --out, does nothing. On failure the message names the path,
  /// the destination keeps what it held, and the process exits with code 1; the checkpoint
  /// stays, so that --resume can write the results without running anything again.
  func writeResults(experiment: String, _ body: (String) throws -> Void) throws {
    guard let out = outFolder else { return }
    let staging = ResultSet.staging(for: out)
    // Left over from a write that failed earlier; it holds only result files.
    try? FileManager.default.removeItem(atPath: staging)
    try writeOrExit {
      try body(staging)
      // A signal now waits until the results are in place and the checkpoint is gone.
      try Interruption.critical { () throws(FileWriteError) in
        try ResultSet.commit(staging, to: out, experiment: experiment)
        Interruption.finished()
      }
    } onFailure: {
      try? FileManager.default.removeItem(atPath: staging)
      let checkpoint = checkpointPath(out, shard: nil)
      let kept = FileManager.default.fileExists(atPath: checkpoint)
      printToStandardError("note: \(out) is unchanged" + (kept ? "; the finished replications are kept in \(checkpoint) "
                                                                  + "(free some space, then --resume \(out))" : ""))
    }
  }

  /// Writes OUT/report.html when --report was given, with the run's wall-clock time.
  func writeReportIfAsked(since start: ContinuousClock.Instant, trace: String? = nil) throws {
    guard report, let out = outFolder else { return }
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    try writeReport(folder: out, to: nil, context: ReportContext(traceFolder: trace, runSeconds: seconds, threads: workers))
  }
}

/// Runs a file-writing step, turning failure into a message naming the path and exit code 1.
func writeOrExit(_ body: () throws -> Void, onFailure: () -> Void = {}) throws {
  do { try body() } catch {
    printToStandardError("error: \(error is FileWriteError ? "\(error)" : "cannot write results: \(error.localizedDescription)")")
    onFailure()
    throw ExitCode(1)
  }
}

extension TerminalStyle {
  /// Colour when standard output is a terminal and NO_COLOR is unset.
  static var standardOutput: TerminalStyle {
    .forStandardOutput(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
  }
}
