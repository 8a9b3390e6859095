import Foundation
import ScenarioIO
import SimTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replays the inputs that once crashed, hung or exhausted memory in `scripts/fuzz.sh` (and a
/// few hand-written hostile seeds), so a fixed loader stays fixed without running the fuzzer.
///
/// Each input runs in an exit test (a child process) under a memory and CPU limit, so that an
/// input the loader still mishandles fails its own test case instead of taking the whole run,
/// or the machine, down with it.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let folder = fixtures.appendingPathComponent("fuzz-regressions")
  /// The shipped scenarios' folder, which the fuzzer also uses, so relative data paths resolve.
  static let scenarios = fixtures.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios").path

  static func names() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test("the regression corpus is not empty")
  func corpusExists() throws {
    try #require(!Self.names().isEmpty, "no inputs in \(Self.folder.path)")
  }

  /// `exercise` traps on a broken contract, so a clean exit of the child is the first check;
  /// each input is hostile, so the loader must also answer it with at least one diagnostic.
  /// `exercise` traps on a broken contract (an error without a located, non-empty message),
  /// so a clean exit of the child is the check. An input may load: the fuzzer's second stage
  /// keeps valid scenarios whose replication once trapped (`FuzzReplayTests` runs those), and
  /// the exact diagnostics of the hostile seeds are pinned in `Fixtures/invalid/`.
  @Test("each regression input is loaded or refused with located diagnostics, without crashing", arguments: names())
  func replay(name: String) async throws {
    let path = Self.folder.appendingPathComponent(name).path
    await #expect(processExitsWith: .success, "\(name): crash, hang or out of memory") {
      [path = path as String, scenarios = Self.scenarios as String] in
      limitResources()
      ScenarioFuzzing.exercise([UInt8](FileManager.default.contents(atPath: path) ?? Data()), folder: scenarios)
    }
  }
}
