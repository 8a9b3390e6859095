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
  /// Where the command is: before any replication, running one experiment, or done.
  private enum Stage {
    case setUp
    case running(Experiment)
    case written
  }
  private static let stage = Mutex(Stage.setUp)
  /// Held while a result set is moved into place, and by the handler before it exits.
  private static let quiet = Mutex(())
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
    stage.withLock { $0 = .running(Experiment(checkpoint: checkpoint, progress: progress, out: out)) }
  }

  /// Runs `body` with signals held off: a stop waits until it is done.
  static func critical<E: Error>(_ body: () throws(E) -> Void) throws(E) {
    try quiet.withLock { _ throws(E) in try body() }
  }

  /// The experiment's results are in place: its checkpoint is deleted and a later signal
  /// only stops the process.
  static func finished() {
    let previous = stage.withLock { s -> Stage in
      defer { s = .written }
      return s
    }
    if case .running(let experiment) = previous { experiment.checkpoint?.remove() }
  }

  private static func stop() -> Never {
    quiet.withLock { _ in stopQuietly() }
  }

  private static func stopQuietly() -> Never {
    let experiment: Experiment
    switch stage.withLock({ $0 }) {
    case .setUp:
      printToStandardError("interrupted before any replication started; nothing to keep")
      exit(ExitCode.interrupted.rawValue)
    case .written:
      printToStandardError("interrupted after the results were written")
      exit(ExitCode.interrupted.rawValue)
    case .running(let e):
      experiment = e
    }
    let kept = experiment.checkpoint.map { $0.failure == nil } ?? false
    let report = { () -> Never in
      experiment.progress.finish()
      var message = "interrupted: \(experiment.progress.done) of \(experiment.progress.total) replications finished"
      if let checkpoint = experiment.checkpoint, let out = experiment.out, kept {
        message += "; they are kept in \(checkpoint.path). "
          + "Finish with the same command and --resume \(out) instead of --out."
      } else if experiment.out == nil {
        message += "; nothing was kept (give --out DIR to keep finished replications)."
      } else {
        message += "; the checkpoint could not be written, so nothing was kept."
      }
      printToStandardError(message)
      exit(ExitCode.interrupted.rawValue)
    }
    guard let checkpoint = experiment.checkpoint else { report() }
    checkpoint.whileQuiet(report)
  }
}
