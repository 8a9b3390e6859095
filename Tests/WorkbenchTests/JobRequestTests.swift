import Foundation
import Testing

@testable import Workbench

@Suite("Workbench: what a page may ask the CLI to run")
struct JobRequestTests {
  let folder = ScenarioFolder(root: URL(fileURLWithPath: "/data/scenarios"))

  @Test("each value is one --name=VALUE argument, so none can pass as another option")
  func arguments() throws {
    let sweep = JobRequest(command: .sweep, scenario: "a.yaml", sets: ["--out=/etc x"], replications: 3, seed: 9)
    #expect(
      try sweep.arguments(in: folder)
        == ["sweep", "/data/scenarios/a.yaml", "--set=--out=/etc x", "--replications=3", "--seed=9"])
    let optimise = JobRequest(
      command: .optimise, scenario: "a.yaml", vary: ["k=1..3"], targets: ["m <= 2h"], minimise: "cost")
    #expect(
      try optimise.arguments(in: folder)
        == ["optimise", "/data/scenarios/a.yaml", "--vary=k=1..3", "--target=m <= 2h", "--minimise=cost"])
    #expect(
      try JobRequest(command: .compare, scenario: "a.yaml", others: ["b.yaml"]).arguments(in: folder)
        == ["compare", "/data/scenarios/a.yaml", "/data/scenarios/b.yaml"])
    // Shown as a person would type it in the folder, quoted where a shell would read it otherwise.
    #expect(
      JobRequest.shown(try optimise.arguments(in: folder), in: folder)
        == "telesim optimise a.yaml --vary=k=1..3 '--target=m <= 2h' --minimise=cost")
    #expect(
      JobRequest.shown(["sweep", "--set=k=[1,2]", "it's"], in: folder) == #"telesim sweep '--set=k=[1,2]' 'it'\''s'"#)
  }

  @Test("refuses files outside the folder, control characters, and unbounded numbers")
  func refusals() {
    let bad: [JobRequest] = [
      JobRequest(command: .run, scenario: "../a.yaml"),
      JobRequest(command: .compare, scenario: "a.yaml", others: ["/etc/passwd"]),
      JobRequest(command: .compare, scenario: "a.yaml"),
      JobRequest(command: .sweep, scenario: "a.yaml", sets: ["k=[1]\n--out=/x"]),
      JobRequest(command: .sweep, scenario: "a.yaml"),
      JobRequest(command: .sweep, scenario: "a.yaml", sets: Array(repeating: "k=[1]", count: 21)),
      JobRequest(command: .optimise, scenario: "a.yaml", vary: ["k=1..2"]),
      JobRequest(command: .run, scenario: "a.yaml", replications: 0),
      JobRequest(command: .run, scenario: "a.yaml", replications: 10_001),
    ]
    for job in bad { #expect(throws: WorkbenchError.self, "\(job)") { try job.arguments(in: folder) } }
  }
}

@Suite("Workbench: a page's job request")
struct JobRequestDecodingTests {
  @Test("a request names only what its command uses")
  func minimal() throws {
    let job = try JSONDecoder().decode(
      JobRequest.self, from: Data(#"{"command": "run", "scenario": "a.yaml", "replications": 2}"#.utf8))
    #expect(job == JobRequest(command: .run, scenario: "a.yaml", replications: 2))
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(JobRequest.self, from: Data(#"{"command": "rm", "scenario": "a.yaml"}"#.utf8))
    }
  }
}
