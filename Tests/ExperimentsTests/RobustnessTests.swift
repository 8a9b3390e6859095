import Experiments
import Foundation
import QueueNetwork
import Reporting
import ScenarioIO
import SimRandom
import Testing

/// Long experiments survive interruption, and work that cannot be meant is caught before it
/// starts (issue 12).
@Suite("Checkpoints, resume and work limits")
struct RobustnessTests {
  func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("telesim-robust-\(UUID().uuidString)").path
  }

  func carePlan(replications: Int = 6) throws -> ExperimentPlan {
    var s = try scenario("care-small.yaml")
    s.horizon = .days(10)
    return ExperimentPlan(kind: .run, designs: [Design(label: "x", scenario: s)], seed: 5, replications: replications)
  }

  @Test("an experiment stopped part-way and resumed from its checkpoint gives the same bytes")
  func resumeIsByteIdentical() async throws {
    let plan = try carePlan()
    let whole = plan.header.results(from: await plan.run(plan.units, workers: 2))[0]
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/checkpoint.jsonl"
    // The first attempt finishes replications 0, 3 and 4, then "dies".
    let first = try Checkpoint.open(at: path, header: plan.header, resume: false)
    let some = [0, 3, 4].map { ExperimentPlan.Unit(design: 0, replication: $0) }
    _ = await plan.run(some, workers: 2) { first.record($0) }
    first.close()
    // A torn last line, as a kill in the middle of a write leaves it.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("{\"design\":0,\"replic".utf8))
    try handle.close()

    let second = try Checkpoint.open(at: path, header: plan.header, resume: true)
    #expect(second.restored.map(\.unit.replication).sorted() == [0, 3, 4])
    var ran: [Int] = []
    let records = await plan.run(plan.units, workers: 2, finished: second.restored) {
      ran.append($0.unit.replication)
      second.record($0)
    }
    #expect(ran.sorted() == [1, 2, 5])
    let resumed = plan.header.results(from: records)[0]
    #expect(SummaryReport.json(resumed) == SummaryReport.json(whole))
    #expect(SummaryReport.replicationsCSV(resumed) == SummaryReport.replicationsCSV(whole))
    #expect(resumed.tables.map { SummaryReport.csv($0) } == whole.tables.map { SummaryReport.csv($0) })
    second.close()
    // Everything is now in the checkpoint: a third start would run nothing.
    let third = try Checkpoint.open(at: path, header: plan.header, resume: true)
    #expect(third.restored.count == 6)
    third.close()
  }

  @Test("a checkpoint is refused for another experiment, and a damaged middle line is reported")
  func foreignCheckpoint() async throws {
    let plan = try carePlan()
    let other = try carePlan(replications: 7)
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/checkpoint.jsonl"
    let c = try Checkpoint.open(at: path, header: plan.header, resume: false)
    _ = await plan.run([.init(design: 0, replication: 1)], workers: 1) { c.record($0) }
    c.close()
    #expect(throws: CheckpointError.self) { try Checkpoint.open(at: path, header: other.header, resume: true) }
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    lines.insert("{not json", at: 1)
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try Checkpoint.open(at: path, header: plan.header, resume: true)
      Issue.record("a damaged line was accepted")
    } catch {
      #expect(error.message.contains("line 2 is damaged"))
    }
    #expect(throws: CheckpointError.self) { try Checkpoint.open(at: folder + "/none.jsonl", header: plan.header, resume: true) }
  }

  @Test("a fresh start will not discard unfinished work, two processes never share a checkpoint, and a refused resume changes nothing")
  func checkpointGuards() async throws {
    let plan = try carePlan()
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/checkpoint.jsonl"
    let c = try Checkpoint.open(at: path, header: plan.header, resume: false)
    _ = await plan.run([.init(design: 0, replication: 2)], workers: 1) { c.record($0) }
    do {
      _ = try Checkpoint.open(at: path, header: plan.header, resume: true)
      Issue.record("a second process opened a locked checkpoint")
    } catch {
      #expect(error.kind == .busy)
    }
    c.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    do {
      _ = try Checkpoint.open(at: path, header: plan.header, resume: false)
      Issue.record("a fresh start discarded a finished replication")
    } catch {
      #expect(error.kind == .unfinished)
    }
    #expect(throws: CheckpointError.self) { try Checkpoint.open(at: path, header: try carePlan(replications: 9).header, resume: true) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let otherHeader = try carePlan(replications: 9).header
    do {
      _ = try Checkpoint.open(at: path, header: otherHeader, resume: false)
      Issue.record("another experiment's fresh start discarded a finished replication")
    } catch {
      #expect(error.kind == .unfinished)
    }
    let pipe = folder + "/pipe.jsonl"
    #expect(mkfifo(pipe, 0o644) == 0)
    #expect(throws: CheckpointError.self) { try Checkpoint.open(at: pipe, header: plan.header, resume: false) }
    let forced = try Checkpoint.open(at: path, header: plan.header, resume: false, force: true)
    #expect(forced.restored.isEmpty)
    forced.close()
    let reopened = try Checkpoint.open(at: path, header: plan.header, resume: true)
    #expect(reopened.restored.isEmpty)
    reopened.close()
  }

  @Test("the work estimate is within a factor of two of the events an M/M/c and a care network really take")
  func estimateTracksEvents() throws {
    var mmc = try scenario("mmc.yaml")
    mmc.horizon = .hours(2000)
    guard case .queueNetwork(let spec) = mmc.model else { Issue.record("not a queue"); return }
    let actual = QueueNetworkModel.replicateCountingEvents(
      spec, seeder: StreamSeeder(masterSeed: 1, replication: 0, algorithm: mmc.generator), horizon: mmc.horizon,
      warmUp: mmc.warmUp).events
    let estimate = WorkEstimate.eventsPerReplication(mmc)
    #expect(estimate / Double(actual) > 0.5 && estimate / Double(actual) < 2, "\(estimate) vs \(actual)")
    var care = try scenario("care-small.yaml")
    care.horizon = .days(60)
    let events = ReplicationRunner(scenario: care, workers: 1).eventCount(0)
    let careEstimate = WorkEstimate.eventsPerReplication(care)
    #expect(careEstimate / Double(events) > 0.5 && careEstimate / Double(events) < 2, "\(careEstimate) vs \(events)")
  }

  @Test("work beyond the limits is named, and work within them passes")
  func limits() throws {
    let mmc = try scenario("mmc.yaml")
    #expect(WorkLimits.problems(WorkEstimate(designs: [mmc], replications: 10)).isEmpty)
    var long = mmc
    long.horizon = .days(365.25 * 101)
    let tooLong = WorkLimits.problems(WorkEstimate(designs: [long], replications: 1))
    #expect(tooLong.contains { $0.contains("horizon of 101 years") }, "\(tooLong)")
    #expect(tooLong.count == 1, "\(tooLong)")
    let heavy = WorkLimits.problems(WorkEstimate(designs: [mmc], replications: 100_000))
    #expect(heavy.count == 1 && heavy[0].contains("events exceed the 10^9"), "\(heavy)")
    let many = WorkLimits.problems(WorkEstimate(designs: [mmc, mmc], replications: 600_000))
    #expect(many.contains { $0.contains("1200000 replications") }, "\(many)")
  }
}

@Suite("Roads in parts")
struct IslandRoadTests {
  /// Found by a hostile review: with road-edges.csv cut so that two nodes form an island, a
  /// call placed there had no road to any hospital and the run trapped.
  @Test("an island in the road network strands no ambulance")
  func islandRoads() throws {
    var s = try scenario("care-ambulances-island-roads.yaml")
    s.horizon = .days(7)
    let values = ReplicationRunner(scenario: s, workers: 1).replicate(0)
    let calls = try #require(values["ambulance.calls.per_day"])
    #expect(calls > 0)
    #expect(values["ambulance.response.mean"].map { $0.isFinite && $0 > 0 } == true)
  }
}

@Suite("Capacity totals")
struct CapacityTotalsTests {
  /// care-small: spokes S1-S3, hubs H1 and H2 (dh) with one general-medicine and one
  /// paediatric specialist each, beds 0 + 6 + 0 + 30 + 200 + 200 = 436, and the one PHC (S2,
  /// 6 beds) upgraded to 30 on day 7.
  @Test("a care network's totals are counted as a planner would, before and after upgrades")
  func careTotals() throws {
    func totals(_ s: Scenario) -> [String] { ScenarioInfo(s).capacity.map { "\($0.name)=\($0.value)" } }
    #expect(totals(try scenario("care-small.yaml")) == ["spokes=3", "hubs=2", "specialists=4", "beds=436", "beds_at_end=460"])
    var short = try scenario("care-small.yaml")
    short.horizon = .days(7)
    #expect(totals(short) == ["spokes=3", "hubs=2", "specialists=4", "beds=436"], "an upgrade at the horizon is not counted")
    // 1 × 2.5 = 2.5 rounds half up to 3, for each of 2 specialties at each of 2 hubs.
    let scaled = try scenario("care-small.yaml", [ScenarioOverride(key: "specialists_scale", value: "2.5")])
    #expect(totals(scaled).contains("specialists=12"))
    let fleet = try scenario("care-ambulances-csv-roads.yaml")
    #expect(totals(fleet).last == "ambulances=4")
  }

  @Test("each design point of a sweep carries its own totals, so a planner reads staffing beside the waits")
  func sweepTotals() async throws {
    var designs: [Design] = []
    for c in [2, 3] {
      var s = try scenario("mmc.yaml", [ScenarioOverride(key: "servers", value: "\(c)")])
      s.horizon = .hours(50)
      s.warmUp = .hours(5)
      designs.append(Design(label: "servers=\(c)", settings: [ScenarioOverride(key: "servers", value: "\(c)")], scenario: s))
    }
    let plan = ExperimentPlan(kind: .sweep, designs: designs, seed: 1, replications: 2)
    let json = SweepReport.json(plan.header.results(from: await plan.run(plan.units, workers: 2)), header: plan.header)
    #expect(json.contains("\"capacity\":{\"stations\":1,\"servers\":2}"), "\(json.prefix(600))")
    #expect(json.contains("\"capacity\":{\"stations\":1,\"servers\":3}"))
  }

  @Test("a queueing model's totals are its stations and each station's most servers")
  func queueTotals() throws {
    let opd = try scenario("rostered-opd.yaml")
    #expect(ScenarioInfo(opd).capacity.map(\.name) == ["stations", "servers"])
    let mmc = try scenario("mmc.yaml", [ScenarioOverride(key: "servers", value: "7")])
    #expect(ScenarioInfo(mmc).capacity.map(\.value) == [1, 7])
  }
}
