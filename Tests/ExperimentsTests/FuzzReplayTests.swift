import Experiments
import Foundation
import SimTestSupport
import Testing

/// The fuzzer's regression corpus, replayed through its second stage: each input that loads
/// (and is small) must also run a replication without a trap.
@Suite("Fuzz regressions, run")
struct FuzzReplayTests {
  static let corpus = fixtureFolder.deletingLastPathComponent().appendingPathComponent("fuzz-regressions")
  static let scenarios = scenarioFolder.path

  static func names() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test("each regression input loads or is refused, and runs if it loads", arguments: names())
  func replay(name: String) async {
    let path = Self.corpus.appendingPathComponent(name).path
    await #expect(processExitsWith: .success, "\(name): crash, hang or out of memory") {
      [path = path as String, scenarios = Self.scenarios as String] in
      limitResources()
      ReplicationFuzzing.exercise([UInt8](FileManager.default.contents(atPath: path) ?? Data()), folder: scenarios)
    }
  }
}
