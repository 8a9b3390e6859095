import ArgumentParser
import Foundation
import Hummingbird
import Workbench

/// `telesim-serve`: the workbench's server (spike).
@main
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "telesim-serve", abstract: "Serve the planning workbench on 127.0.0.1 (spike).")

  @Option(help: "Port to listen on.") var port = 8080
  @Option(help: "Host to bind; 127.0.0.1 unless you mean to expose it.") var host = "127.0.0.1"
  @Option(help: "Folder of scenario files.") var scenarios = "scenarios"
  @Option(help: "Data folder for the run history and results.") var data = ".telesim"

  func run() async throws {
    if host != "127.0.0.1" && host != "localhost" {
      FileHandle.standardError.write(Data("warning: serving on \(host): anyone who can reach it can run scenarios\n".utf8))
    }
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    let history = try RunHistory(path: data + "/history.sqlite")
    let folder = ScenarioFolder(root: URL(fileURLWithPath: scenarios))
    // The telesim beside this executable runs the scenarios.
    let telesim = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("telesim")
    let manager = RunManager(telesim: telesim, folder: folder, history: history,
                             results: URL(fileURLWithPath: data).appendingPathComponent("runs"))
    let app = Application(router: WorkbenchRouter.make(folder: folder, history: history, runs: manager),
                          configuration: .init(address: .hostname(host, port: port)))
    try await app.runService()
  }
}
