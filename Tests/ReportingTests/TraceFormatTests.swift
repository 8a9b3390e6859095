import CareModel
import Foundation
import Reporting
import SimKernel
import SimTestSupport
import Testing

let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

@Suite("Trace formats")
struct TraceFormatTests {
  /// Checked by hand when recorded: sessions open 09:00 and close 14:00; a consultation lasts
  /// exactly 10 min; each specialty queue is FIFO (paediatrics: patient 3 waited 6.52 min =
  /// 10:02.27 − 09:55.75, then patient 4 waited 15.1 min = 10:12.27 − 09:57.17); a referral
  /// from S1 to the CHC takes 20 min dispatch + 7.43 km / 30 km/h (5.5 km straight × 1.35) =
  /// 34.87 min (10:15.05 → 10:49.92); patients arriving after 14:00 start at 09:00 next day
  /// (patient 20, 14:01.41 → waited 1138.59 min); a failed call (patient 15, 12:39.94) is
  /// retried at the next session and its wait counts from arrival (1220.06 min). Patients and
  /// calls are named by serial number in order of arrival.
  @Test("a tiny network's event log reproduces its reviewed golden trace")
  func goldenTrace() throws {
    var net = TinyNetwork()
    net.dailyRequests = 12
    let r = try net.run(seed: 7, days: 3, tracing: true)
    let text = EventLog.lines(try #require(r.trace)).joined(separator: "\n") + "\n"
    let file = golden.appendingPathComponent("tiny-network.trace")
    if Golden.isRecording {
      try text.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded \(file.lastPathComponent); review it and run again without RECORD_GOLDEN")
      return
    }
    #expect(text == (try String(contentsOf: file, encoding: .utf8)))
  }

  @Test("the clock reads day and time of day")
  func clock() {
    #expect(EventLog.clock(.zero) == "d0 00:00.0")
    #expect(EventLog.clock(.zero + .hours(9) + SimDuration(minutes: 5.5)) == "d0 09:05.5")
    #expect(EventLog.clock(.startOfDay(3) + .hours(23) + SimDuration(minutes: 59.994)) == "d3 23:59.99")
  }

  @Test("timestamps are India Standard Time from the start date, across month and year ends")
  func timestamps() {
    #expect(Timestamp.iso8601(.zero, startDate: "2024-01-01") == "2024-01-01T00:00:00+05:30")
    #expect(Timestamp.iso8601(SimTime(minutes: 90.5), startDate: "2024-02-28") == "2024-02-28T01:30:30+05:30")
    #expect(Timestamp.iso8601(.startOfDay(2) + .hours(1), startDate: "2024-02-28") == "2024-03-01T01:00:00+05:30",
            "2024 is a leap year")
    #expect(Timestamp.iso8601(.startOfDay(1), startDate: "2023-12-31") == "2024-01-01T00:00:00+05:30")
    #expect(Timestamp.date(ofDay: 365, startDate: "2021-02-21") == "2022-02-21")
  }

  @Test("ambulance movements become one CSV row each and one GeoJSON line per drive")
  func ambulanceFiles() throws {
    let r = try LineNetwork(secondAmbulance: true, calls: 6).run(days: 3)
    let trace = try #require(r.trace)
    let rows = AmbulanceTracks.csv(trace).split(separator: "\n")
    #expect(rows.first == "entity,event,time_min,timestamp,lat,lon,call,detail")
    #expect(rows.count == trace.movements.count + 1)
    #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 8 })
    let json = try JSONSerialization.jsonObject(with: Data(AmbulanceTracks.geoJSON(trace).utf8)) as? [String: Any]
    let features = try #require(json?["features"] as? [[String: Any]])
    #expect(features.count == trace.movements.filter { $0.drive != nil }.count)
    for f in features {
      let coordinates = try #require((f["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
      let times = try #require((f["properties"] as? [String: Any])?["times"] as? [String])
      #expect(coordinates.count == times.count && coordinates.count >= 2)
      #expect(times == times.sorted(), "vertex times run forward along a drive")
    }
  }
}
