import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Workbench

@Suite("Workbench: scenarios over HTTP")
struct ScenarioEndpointTests {
  typealias Edit = WorkbenchRouter.Edit
  typealias Change = WorkbenchRouter.Change

  @Test("lists the folder's scenarios and serves one")
  func listAndRead() async throws {
    let f = try WorkbenchFixture()
    try await f.app.test(.router) { client in
      try await client.execute(uri: "/api/scenarios", method: .get) { response in
        #expect(String(buffer: response.body) == #"{"names":["clinic-5.yaml","clinic.yaml","slow.yaml"]}"#)
      }
      try await client.execute(uri: "/api/scenarios/clinic.yaml", method: .get) { response in
        #expect(response.status == .ok && String(buffer: response.body) == WorkbenchFixture.clinic)
      }
      try await client.execute(uri: "/", method: .get) { response in
        #expect(String(buffer: response.body).contains("TeleSim workbench"))
      }
    }
  }

  @Test("no endpoint reaches outside the folder")
  func pathTraversal() async throws {
    let f = try WorkbenchFixture()
    let secret = f.root.appendingPathComponent("secret.yaml")
    try "schema: telesim/v1\n".write(to: secret, atomically: true, encoding: .utf8)
    let edit = try WorkbenchFixture.json(Edit(text: "x: 1\n"))
    try await f.app.test(.router) { client in
      for name in [
        "..%2Fsecret.yaml", "%2Fetc%2Fpasswd", ".hidden.yaml", "x%00.yaml", "..", "clinic.yaml%2F..%2F..%2Fsecret.yaml",
      ] {
        for (method, uri, body) in [
          (HTTPRequest.Method.get, "/api/scenarios/\(name)", nil),
          (.put, "/api/scenarios/\(name)", edit), (.post, "/api/check/\(name)", edit),
          (.post, "/api/scenarios/\(name)/variant", edit),
        ] as [(HTTPRequest.Method, String, ByteBuffer?)] {
          try await client.execute(uri: uri, method: method, headers: WorkbenchFixture.changing, body: body) {
            response in
            #expect([.badRequest, .notFound].contains(response.status), "\(method) \(uri): \(response.status)")
          }
        }
      }
      // A variant named like a path is refused too.
      let sneaky = try WorkbenchFixture.json(
        WorkbenchRouter.Variant(name: "../secret.yaml", changes: [Change(key: "servers", value: "9")]))
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml/variant", method: .post, headers: WorkbenchFixture.changing, body: sneaky
      ) { response in
        #expect(response.status == .badRequest)
      }
    }
    #expect(try String(contentsOf: secret, encoding: .utf8) == "schema: telesim/v1\n")
  }

  @Test("scenario text cannot read files outside the project folder")
  func confined() async throws {
    let f = try WorkbenchFixture()
    let outside = f.root.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).yaml")
    try "schema: telesim/v1\nkind: queue\nname: sk_live_SECRET\n".write(to: outside, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: outside) }
    let name = outside.lastPathComponent
    try await f.app.test(.router) { client in
      for extends in [outside.path, "../../\(name)", "../scenarios/../../\(name)"] {
        let edit = try WorkbenchFixture.json(Edit(text: "extends: \(extends)\nservers: 3\n"))
        try await client.execute(
          uri: "/api/check/clinic.yaml", method: .post, headers: WorkbenchFixture.changing, body: edit
        ) {
          response in
          let body = String(buffer: response.body)
          #expect(!body.contains("sk_live_SECRET") && body.contains("does not read"), "\(extends): \(body)")
        }
        try await client.execute(
          uri: "/api/scenarios/clinic.yaml", method: .put, headers: WorkbenchFixture.changing, body: edit
        ) {
          response in
          #expect(response.status == .unprocessableContent, "\(extends)")
        }
      }
      // Inside the project, a scenario reads what it names, as from the command line.
      let inside = try WorkbenchFixture.json(Edit(text: "extends: ../scenarios/clinic.yaml\nservers: 3\n"))
      try await client.execute(
        uri: "/api/check/clinic-5.yaml", method: .post, headers: WorkbenchFixture.changing, body: inside
      ) {
        response in
        let check = try WorkbenchFixture.decode(ScenarioCheck.self, response.body)
        #expect(check.ok, "\(check.problems)")
      }
    }
    #expect(try f.text("clinic.yaml") == WorkbenchFixture.clinic)
  }

  @Test("checks text and form changes: located diagnostics, each at its field, and the form")
  func check() async throws {
    let f = try WorkbenchFixture()
    try await f.app.test(.router) { client in
      let good = try WorkbenchFixture.json(Edit(text: try f.text("clinic-5.yaml")))
      try await client.execute(
        uri: "/api/check/clinic-5.yaml", method: .post, headers: WorkbenchFixture.changing, body: good
      ) { response in
        let check = try WorkbenchFixture.decode(ScenarioCheck.self, response.body)
        #expect(check.ok && check.basedOn == "clinic.yaml" && check.name == "clinic-5")
        let servers = check.fields.first { $0.path == "servers" }
        #expect(servers?.value == "5" && servers?.here == true)
        let mean = check.fields.first { $0.path == "arrivals.mean" }
        #expect(mean?.number == "20" && mean?.unit == "min" && mean?.here == false, "\(String(describing: mean))")
        #expect(check.fields.first { $0.path == "replications" }?.defaultValue == "10")
      }
      let badChange = try WorkbenchFixture.json(
        Edit(text: try f.text("clinic.yaml"), changes: [Change(key: "servers", value: "-2")]))
      try await client.execute(
        uri: "/api/check/clinic.yaml", method: .post, headers: WorkbenchFixture.changing, body: badChange
      ) { response in
        let check = try WorkbenchFixture.decode(ScenarioCheck.self, response.body)
        #expect(!check.ok && check.problems.contains { $0.field == "servers" }, "\(check.problems)")
        #expect(!check.fields.isEmpty, "the form stays to put the value right")
      }
      let badText = try WorkbenchFixture.json(
        Edit(text: WorkbenchFixture.clinic.replacingOccurrences(of: "horizon: 2000h", with: "horizon: soon")))
      try await client.execute(
        uri: "/api/check/clinic.yaml", method: .post, headers: WorkbenchFixture.changing, body: badText
      ) { response in
        let check = try WorkbenchFixture.decode(ScenarioCheck.self, response.body)
        #expect(
          check.problems.contains { $0.line == 6 && $0.path == "horizon" && $0.field == "horizon" }, "\(check.problems)"
        )
      }
      let huge = ByteBuffer(string: String(repeating: " ", count: WorkbenchRouter.maxBody + 1))
      try await client.execute(
        uri: "/api/check/clinic.yaml", method: .post, headers: WorkbenchFixture.changing, body: huge
      ) { response in
        #expect(response.status == .contentTooLarge)
      }
      try await client.execute(
        uri: "/api/check/clinic.yaml", method: .post, headers: WorkbenchFixture.changing,
        body: ByteBuffer(string: "not json")
      ) {
        response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test("save writes the change in place, keeping comments; refuses what would not validate")
  func save() async throws {
    let f = try WorkbenchFixture()
    try await f.app.test(.router) { client in
      let edit = try WorkbenchFixture.json(
        Edit(text: WorkbenchFixture.clinic, changes: [Change(key: "servers", value: "6")]))
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml", method: .put, headers: WorkbenchFixture.changing, body: edit
      ) { response in
        #expect(response.status == .ok)
      }
      #expect(
        try f.text("clinic.yaml")
          == WorkbenchFixture.clinic.replacingOccurrences(of: "servers: 4   # doctors", with: "servers: 6   # doctors"))
      let bad = try WorkbenchFixture.json(
        Edit(text: WorkbenchFixture.clinic, changes: [Change(key: "servers", value: "0")]))
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml", method: .put, headers: WorkbenchFixture.changing, body: bad
      ) { response in
        #expect(response.status == .unprocessableContent)
      }
      // A value the file takes from its base cannot change in place.
      let inherited = try WorkbenchFixture.json(
        Edit(text: try f.text("clinic-5.yaml"), changes: [Change(key: "horizon", value: "10h")]))
      try await client.execute(
        uri: "/api/scenarios/clinic-5.yaml", method: .put, headers: WorkbenchFixture.changing, body: inherited
      ) { response in
        #expect(response.status == .conflict && String(buffer: response.body).contains("clinic.yaml"))
      }
      let missing = try WorkbenchFixture.json(Edit(text: WorkbenchFixture.clinic))
      try await client.execute(
        uri: "/api/scenarios/nope.yaml", method: .put, headers: WorkbenchFixture.changing, body: missing
      ) { response in
        #expect(response.status == .notFound)
      }
    }
    #expect(try f.text("clinic-5.yaml").contains("servers: 5"))
    #expect(try f.text("clinic.yaml").contains("servers: 6"))
  }

  @Test("a save from a page opened before another browser saved is refused")
  func staleSave() async throws {
    let f = try WorkbenchFixture()
    try await f.app.test(.router) { client in
      let opened = try await client.execute(uri: "/api/scenarios/clinic.yaml", method: .get) { response in
        try #require(response.headers[.eTag])
      }
      let first = try WorkbenchFixture.json(
        Edit(text: WorkbenchFixture.clinic, changes: [Change(key: "servers", value: "5")], base: opened))
      let second = try WorkbenchFixture.json(
        Edit(text: WorkbenchFixture.clinic, changes: [Change(key: "warmup", value: "60h")], base: opened))
      let version = try await client.execute(
        uri: "/api/scenarios/clinic.yaml", method: .put, headers: WorkbenchFixture.changing, body: first
      ) { response in
        try WorkbenchFixture.decode(WorkbenchRouter.Saved.self, response.body).version
      }
      #expect(version != nil && "\"\(version!)\"" != opened)
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml", method: .put, headers: WorkbenchFixture.changing, body: second
      ) { response in
        #expect(response.status == .conflict && String(buffer: response.body).contains("another browser"))
      }
    }
    #expect(try f.text("clinic.yaml").contains("servers: 5") && !(try f.text("clinic.yaml").contains("60h")))
  }

  @Test("save as variant writes a new file based on the original, never over another")
  func variant() async throws {
    let f = try WorkbenchFixture()
    try await f.app.test(.router) { client in
      let v = try WorkbenchFixture.json(
        WorkbenchRouter.Variant(name: "clinic-fast.yaml", changes: [Change(key: "service.mean", value: "45min")]))
      try await client.execute(
        uri: "/api/scenarios/clinic-5.yaml/variant", method: .post, headers: WorkbenchFixture.changing, body: v
      ) { response in
        #expect(response.status == .created)
      }
      let text = try f.text("clinic-fast.yaml")
      #expect(
        text.contains("extends: clinic-5.yaml") && text.contains("mean: 45min") && text.contains("name: clinic-fast"),
        "\(text)")
      try await client.execute(
        uri: "/api/scenarios/clinic-5.yaml/variant", method: .post, headers: WorkbenchFixture.changing, body: v
      ) { response in
        #expect(response.status == .conflict)
      }
      let bad = try WorkbenchFixture.json(
        WorkbenchRouter.Variant(name: "clinic-bad.yaml", changes: [Change(key: "servers", value: "-1")]))
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml/variant", method: .post, headers: WorkbenchFixture.changing, body: bad
      ) { response in
        #expect(response.status == .unprocessableContent)
      }
    }
    #expect(!FileManager.default.fileExists(atPath: f.folder.root.appendingPathComponent("clinic-bad.yaml").path))
    #expect(try f.folder.names() == ["clinic-5.yaml", "clinic-fast.yaml", "clinic.yaml", "slow.yaml"])
  }
}

@Suite("Workbench: other sites' pages")
struct RequestGuardTests {
  @Test("cannot change anything, and a rebound host name is refused")
  func guarded() async throws {
    let f = try WorkbenchFixture()
    let job = try WorkbenchFixture.json(JobRequest(command: .run, scenario: "clinic.yaml", replications: 1))
    try await f.app.test(.live) { client in
      // A form on another site can POST text; it cannot add the page's header.
      try await client.execute(uri: "/api/jobs", method: .post, headers: [.contentType: "text/plain"], body: job) {
        response in
        #expect(response.status == .forbidden)
      }
      try await client.execute(uri: "/api/scenarios/clinic.yaml/variant", method: .post, body: job) { response in
        #expect(response.status == .forbidden)
      }
      // DNS rebinding: the request arrives with the attacker's host name.
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml", method: .get, headers: [HTTPField.Name("Host")!: "evil.example:8080"]
      ) { response in
        #expect(response.status == .forbidden)
      }
      try await client.execute(
        uri: "/api/scenarios/clinic.yaml", method: .get, headers: [HTTPField.Name("Host")!: "localhost:8080"]
      ) { response in
        #expect(response.status == .ok)
      }
    }
    #expect(try f.history.list().isEmpty)
    try await f.app.test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] == "frame-ancestors 'none'")
      }
    }
    #expect(
      RequestGuard<BasicRequestContext>.hostName("[::1]:80") == "::1"
        && RequestGuard<BasicRequestContext>.hostName("LocalHost") == "localhost")
  }
}
