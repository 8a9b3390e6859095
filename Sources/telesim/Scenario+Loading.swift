import ArgumentParser
import Foundation
import ScenarioIO
import SimStats

/// Loads a scenario (with `overrides`, as `--set` gives them) or prints every diagnostic to
/// stderr and exits with code 2.
func loadScenarioOrExit(_ path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
  do {
    return try ScenarioLoader.load(path: path, overrides: overrides)
  } catch {
    // The loader always explains itself; the fallback keeps a message on the screen if not.
    printToStandardError(error.diagnostics.isEmpty ? "\(path): error: the scenario could not be read" : shown(error))
    let n = max(error.diagnostics.count, 1)
    printToStandardError("\(n) error\(n == 1 ? "" : "s") in \(path)")
    throw ExitCode(2)
  }
}

func printToStandardError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Default worker count: the machine's cores.
var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }

/// Exits with code 64 unless every name in `names` is one of `available`'s, with a
/// did-you-mean; `option` names the command-line option they came from.
func checkMetricNames(_ names: [String], available: [Metric], option: String) throws {
  let known = available.map(\.name)
  let unknown = names.filter { !known.contains($0) }
  guard !unknown.isEmpty else { return }
  for name in unknown {
    printToStandardError("error: \(option): no metric '\(name)' (\(DidYouMean.hint(for: name, among: known)))")
  }
  printToStandardError("note: the metrics are " + known.joined(separator: ", "))
  throw ExitCode(64)
}

/// The first 200 diagnostics of `error`, then a count of the rest: 60,000 unknown keys are one
/// mistake, not a screenful per key.
func shown(_ error: ScenarioError) -> String {
  let limit = 200
  let lines = error.diagnostics.prefix(limit).map(\.rendered)
  let rest = error.diagnostics.count - lines.count
  return (lines + (rest > 0 ? ["… and \(rest) more"] : [])).joined(separator: "\n")
}

/// `file` as written from the folder of `from` (both relative to the working directory or absolute).
func relativePath(from: String, to file: String) -> String {
  let base = URL(fileURLWithPath: from).standardizedFileURL.deletingLastPathComponent().pathComponents
  let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
  var common = 0
  while common < min(base.count, target.count) && base[common] == target[common] { common += 1 }
  return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
}
