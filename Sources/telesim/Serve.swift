import ArgumentParser
import Foundation

/// `telesim serve`: starts the planning workbench, `telesim-serve`, built beside `telesim`.
/// The server is its own executable so that `telesim` itself builds without a web framework.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the planning workbench in the browser (http://127.0.0.1:8080 by default).",
    discussion: """
      Runs telesim-serve from the same folder with the same options: --port N, --host ADDRESS (127.0.0.1
      unless you mean to expose it), --scenarios DIR (default: scenarios) and --data DIR (the run history
      and results; default: .telesim). See docs/workbench.md.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Options for telesim-serve.")
  var options: [String] = []

  func run() throws {
    let me = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    let server = me.deletingLastPathComponent().appendingPathComponent("telesim-serve").path
    guard FileManager.default.isExecutableFile(atPath: server) else {
      printToStandardError(
        "error: cannot find \(server): build it with 'swift build -c release --product telesim-serve'")
      throw ExitCode(1)
    }
    let argv = [server] + options
    var cArgs = argv.map { strdup($0) } + [nil]
    execv(server, &cArgs)
    printToStandardError("error: cannot start \(server): \(String(cString: strerror(errno)))")
    throw ExitCode(1)
  }
}
