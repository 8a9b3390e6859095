import ArgumentParser
import Foundation
import Hummingbird
import Workbench

/// `telesim-serve` (also started as `telesim serve`): the planning workbench's server.
@main
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "telesim-serve", abstract: "Serve the planning workbench on 127.0.0.1.")

  @Option(help: "Port to listen on.") var port = 8080
  @Option(help: "Address to listen on; 127.0.0.1 unless you mean to expose it.") var host = "127.0.0.1"
  @Option(help: "Folder of scenario files.") var scenarios = "scenarios"
  @Option(help: "Data folder for the run history and results.") var data = ".telesim"

  func validate() throws {
    guard (1...65_535).contains(port) else { throw ValidationError("--port is from 1 to 65535") }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: scenarios, isDirectory: &isFolder), isFolder.boolValue else {
      throw ValidationError("--scenarios \(scenarios) is not a folder")
    }
  }

  func run() async throws {
    let exposed = !WorkbenchRouter.loopback.contains(host)
    if exposed {
      FileHandle.standardError.write(
        Data(
          """
          warning: serving on \(host): anyone who can reach this address can read and change the scenario files and \
          start runs on this machine; there is no login\n
          """.utf8))
    }
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    // One server per data folder: a second would mark the first one's runs as interrupted.
    // (Not inherited by the experiments: one that outlived the server would hold it.)
    let lock = open(data + "/server.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
      FileHandle.standardError.write(Data("error: another workbench serves \(data) (its server.lock is held)\n".utf8))
      throw ExitCode(1)
    }
    defer { close(lock) }
    let history = try RunHistory(path: data + "/history.sqlite")
    // Runs of a server that stopped have no process behind them any more.
    try history.markInterrupted(at: Date().timeIntervalSince1970)
    let folder = ScenarioFolder(root: URL(fileURLWithPath: scenarios))
    // The telesim beside this executable runs the experiments.
    let me = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    let telesim = me.deletingLastPathComponent().appendingPathComponent("telesim")
    let manager = RunManager(
      telesim: telesim, folder: folder, history: history,
      results: URL(fileURLWithPath: data).appendingPathComponent("runs").standardizedFileURL)
    let app = Application(
      router: WorkbenchRouter.make(
        folder: folder, history: history, runs: manager, hosts: exposed ? nil : WorkbenchRouter.loopback),
      configuration: .init(address: .hostname(host, port: port)))
    FileHandle.standardError.write(
      Data("TeleSim workbench on http://\(host):\(port) (scenarios: \(scenarios), data: \(data))\n".utf8))
    try await app.runService()
  }
}
