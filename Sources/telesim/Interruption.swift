import ArgumentParser
import Dispatch
import Experiments
import Foundation
import Synchronization

/// Stops an experiment cleanly on Ctrl-C (SIGINT) or SIGTERM: says how much was done and
/// where it is kept, then exits with code 130. Finished replications are already in the
/// checkpoint (each written whole under its lock), so nothing more needs saving; replications
/// still running are abandoned and run again by `--resume`.
///
/// Watching starts when a command starts (``install()``), before the scenarios are loaded, so
/// that a signal during a long setup (a sweep's many design points) is answered the same way.
enum Interruption {
  /// What the experiment under way has to say when stopped.
  private struct Experiment {
    var checkpoint: Checkpoint?
    var progress: ProgressDisplay
    var out: String?
  }
  private static let current = Mutex<Experiment?>(nil)
  // Kept alive for the rest of the process; written once, by the command's own task, before
  // any signal is watched.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Starts answering SIGINT and SIGTERM with exit code 130 (once per process).
  static func install() {
    guard sources.isEmpty else { return }
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { stop() }
      source.resume()
      sources.append(source)
    }
  }

  /// Names the experiment now running, so that a stop reports its progress and checkpoint.
  static func track(checkpoint: Checkpoint?, progress: ProgressDisplay, resumeWith out: String?) {
    install()
    current.withLock { $0 = Experiment(checkpoint: checkpoint, progress: progress, out: out) }
  }

  private static func stop() -> Never {
    guard let experiment = current.withLock({ $0 }) else {
      printToStandardError("interrupted before any replication started; nothing to keep")
      exit(ExitCode.interrupted.rawValue)
    }
    let kept = experiment.checkpoint.map { $0.failure == nil } ?? false
    let report = { () -> Never in
      experiment.progress.finish()
      var message = "interrupted: \(experiment.progress.done) of \(experiment.progress.total) replications finished"
      if let checkpoint = experiment.checkpoint, let out = experiment.out, kept {
        message += "; they are kept in \(checkpoint.path). "
          + "Finish with the same command and --resume \(out) instead of --out."
      } else {
        message += "; nothing was kept (give --out DIR to keep finished replications)."
      }
      printToStandardError(message)
      exit(ExitCode.interrupted.rawValue)
    }
    guard let checkpoint = experiment.checkpoint else { report() }
    checkpoint.whileQuiet(report)
  }
}
