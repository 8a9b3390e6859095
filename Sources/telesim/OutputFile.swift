import ArgumentParser
import Foundation
import ScenarioIO

/// Checks a path a command will write one file to (`--write`, `--table`) before any work:
/// never a device, pipe, folder or symbolic link (writing replaces the node: as root,
/// `--write /dev/null` would break the system's /dev/null), never the scenario or one of the
/// data files it reads, and never an existing file unless `force`.
/// - Throws: `ExitCode(64)` for a path that cannot be meant, `ExitCode.refused` (4) for an
///   existing file without `force`.
func checkOutputFile(_ path: String, option: String, scenario: Scenario, force: Bool) throws {
  var info = stat()
  guard lstat(path, &info) == 0 else { return }
  let kind = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : BoundedFile.kind(of: path)
  if let kind {
    printToStandardError("error: \(option) \(path) is \(kind); give the path of a file")
    throw ExitCode(64)
  }
  let folder = URL(fileURLWithPath: scenario.file).deletingLastPathComponent()
  let inputs = [scenario.file] + scenario.dataFiles.map { folder.appendingPathComponent($0.path).path }
  let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path == target }) {
    printToStandardError("error: \(option) \(path) is an input of \(scenario.file); write the result elsewhere")
    throw ExitCode(64)
  }
  if !force {
    printToStandardError("error: \(option) \(path) already exists; give --force to replace it")
    throw ExitCode.refused
  }
}
