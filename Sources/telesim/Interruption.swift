import ArgumentParser
import Dispatch
import Experiments
import Foundation

/// Stops an experiment cleanly on Ctrl-C (SIGINT) or SIGTERM: says how much was done and
/// where it is kept, then exits with code 130. Finished replications are already in the
/// checkpoint (each written whole under its lock), so nothing more needs saving; replications
/// still running are abandoned and run again by `--resume`.
enum Interruption {
  // Kept alive for the rest of the process; written only by the command's own task, before
  // any replication starts.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Watches for the signals for the rest of the process.
  static func watch(checkpoint: Checkpoint?, progress: ProgressDisplay, resumeWith out: String?) {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        let kept = checkpoint.map { $0.failure == nil } ?? false
        let stop = {
          progress.finish()
          let done = progress.done
          var message = "interrupted: \(done) of \(progress.total) replications finished"
          if let checkpoint, let out, kept {
            message += "; they are kept in \(checkpoint.path). "
              + "Finish with the same command and --resume \(out) instead of --out."
          } else {
            message += "; nothing was kept (give --out DIR to keep finished replications)."
          }
          printToStandardError(message)
          exit(ExitCode.interrupted.rawValue)
        }
        if let checkpoint { checkpoint.whileQuiet(stop) } else { stop() }
      }
      source.resume()
      sources.append(source)
    }
  }
}
