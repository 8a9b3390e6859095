import ArgumentParser
import Foundation
import ScenarioIO

/// Loads a scenario (with `overrides`, as `--set` gives them) or prints every diagnostic to
/// stderr and exits with code 2.
func loadScenarioOrExit(_ path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
  do {
    return try ScenarioLoader.load(path: path, overrides: overrides)
  } catch {
    // The loader always explains itself; the fallback keeps a message on the screen if not.
    printToStandardError(error.diagnostics.isEmpty ? "\(path): error: the scenario could not be read" : error.description)
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
