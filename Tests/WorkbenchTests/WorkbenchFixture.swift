import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import Workbench

/// A scenario folder of its own for each test (a clinic, a file based on it and a broken
/// one), a history and a manager running the `telesim` built beside the tests.
struct WorkbenchFixture {
  static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")
  static let telesim = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("telesim")

  static let clinic = """
    # A clinic with 4 doctors.  Comments stay when the form saves.
    schema: telesim/v1
    kind: queue
    name: clinic
    seed: 42
    horizon: 2000h
    warmup: 50h
    replications: 3
    servers: 4   # doctors
    arrivals: {dist: exponential, mean: 20min}
    service: {dist: exponential, mean: 1h}

    """

  let root: URL
  let folder: ScenarioFolder
  let history: RunHistory
  let manager: RunManager

  init(maxRunning: Int = 8) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
    let scenarios = root.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    try Self.clinic.write(to: scenarios.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8)
    try "# Five doctors.\nextends: clinic.yaml\nname: clinic-5\nservers: 5\n"
      .write(to: scenarios.appendingPathComponent("clinic-5.yaml"), atomically: true, encoding: .utf8)
    // Long enough (minutes) that a test can act on it while it runs, however busy the machine.
    try "extends: clinic.yaml\nname: slow\nhorizon: 100000h\nreplications: 1500\n"
      .write(to: scenarios.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
    folder = ScenarioFolder(root: scenarios)
    history = try RunHistory(path: root.appendingPathComponent("history.sqlite").path)
    manager = RunManager(
      telesim: Self.telesim, folder: folder, history: history, results: root.appendingPathComponent("runs"),
      maxRunning: maxRunning)
  }

  func text(_ name: String) throws -> String {
    try String(contentsOf: folder.root.appendingPathComponent(name), encoding: .utf8)
  }

  var app: some ApplicationProtocol {
    Application(router: WorkbenchRouter.make(folder: folder, history: history, runs: manager))
  }

  /// Waits for a run to end and returns its last progress.
  func finish(_ id: Int64) async -> RunManager.Progress? {
    var last: RunManager.Progress?
    for await p in await manager.watch(id) { last = p }
    return last
  }

  /// The header the page sends with every request that changes something.
  static let changing: HTTPFields = [HTTPField.Name("X-TeleSim")!: "1"]

  static func json(_ value: some Encodable) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONEncoder().encode(value))
  }

  static func decode<T: Decodable>(_ type: T.Type, _ buffer: ByteBuffer) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
  }
}
