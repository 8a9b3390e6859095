import CareModel

/// Reads the facilities and habitations tables a care-network scenario names.
struct CareDataReader {
  let reader: NodeReader

  /// `id,name,tier,district,lat,lon,beds` (other columns ignored).
  func facilities(_ node: ScenarioNode, path: String) -> [HealthCentre]? {
    guard let name = reader.string(node, path: path) else { return nil }
    let file = ScenarioLoader.resolve(name, relativeTo: node.location.file)
    guard let table = CSVTable.load(file, reader: reader, at: node, keyPath: path,
                                    required: ["id", "name", "tier", "district", "lat", "lon", "beds"])
    else { return nil }
    let col = ["id", "name", "tier", "district", "lat", "lon", "beds"].map { table.column($0)! }
    var result: [HealthCentre] = []
    var ids: [String: Int] = [:]
    var ok = true
    for row in table.rows {
      let tierText = row[col[2]].text
      guard let tier = Tier(rawValue: tierText) else {
        reader.report(.unknownName, "unknown tier '\(tierText)'", in: table, cell: row[col[2]], column: "tier",
                      hint: DidYouMean.hint(for: tierText, among: Tier.allCases.map(\.rawValue)))
        ok = false
        continue
      }
      guard let lat = Double(row[col[4]].text), let lon = Double(row[col[5]].text), (-90...90).contains(lat),
            (-180...180).contains(lon) else {
        reader.report(.invalidValue, "coordinates '\(row[col[4]].text), \(row[col[5]].text)' are not degrees",
                      in: table, cell: row[col[4]], column: "lat")
        ok = false
        continue
      }
      guard let beds = Int(row[col[6]].text), (0...Limits.count).contains(beds) else {
        reader.report(.invalidValue, "beds must be a whole number from 0 to \(Limits.count), got '\(row[col[6]].text)'",
                      in: table, cell: row[col[6]], column: "beds")
        ok = false
        continue
      }
      let id = row[col[0]].text
      if ids[id] != nil {
        reader.report(.invalidValue, "facility id '\(id)' appears twice", in: table, cell: row[col[0]], column: "id")
        ok = false
      }
      ids[id] = result.count
      result.append(HealthCentre(id: id, name: row[col[1]].text, tier: tier, district: row[col[3]].text,
                                 location: GeoPoint(latitude: lat, longitude: lon), beds: beds,
                                 block: table.column("block").map { row[$0].text } ?? ""))
    }
    return ok ? result : nil
  }

  /// `lat,lon,population` (a `district` column is optional).
  func habitations(_ node: ScenarioNode, path: String) -> [Habitation]? {
    guard let name = reader.string(node, path: path) else { return nil }
    let file = ScenarioLoader.resolve(name, relativeTo: node.location.file)
    guard let table = CSVTable.load(file, reader: reader, at: node, keyPath: path, required: ["lat", "lon", "population"])
    else { return nil }
    let (la, lo, po) = (table.column("lat")!, table.column("lon")!, table.column("population")!)
    let di = table.column("district")
    var result: [Habitation] = []
    result.reserveCapacity(table.rows.count)
    var ok = true
    for row in table.rows {
      guard let lat = Double(row[la].text), let lon = Double(row[lo].text), (-90...90).contains(lat),
            (-180...180).contains(lon) else {
        reader.report(.invalidValue, "coordinates '\(row[la].text), \(row[lo].text)' are not degrees",
                      in: table, cell: row[la], column: "lat")
        ok = false
        continue
      }
      guard let people = Int(row[po].text), (0...Limits.population).contains(people) else {
        reader.report(.invalidValue, "population must be a whole number from 0 to \(Limits.population), got '\(row[po].text)'",
                      in: table, cell: row[po], column: "population")
        ok = false
        continue
      }
      guard ok else { continue }
      result.append(Habitation(location: GeoPoint(latitude: lat, longitude: lon), population: people,
                               district: di.map { row[$0].text } ?? ""))
    }
    return ok ? result : nil
  }
}

/// Calendar dates (`2021-02-21`) for scenario keys such as `start` and upgrade dates.
enum CalendarDate {
  /// Days since 1970-01-01 of a `YYYY-MM-DD` date, or nil if it is not a valid date.
  static func days(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    // Years beyond ±10^6 would overflow the day count below.
    guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (-1_000_000...1_000_000).contains(y),
          (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
    return CivilDate(year: y, month: m, day: d).daysSinceEpoch
  }

  /// The year of a day count since 1970-01-01.
  static func year(ofDays days: Int) -> Int { CivilDate(daysSinceEpoch: days).year }

  /// Weekday (0 = Monday) of a day count since 1970-01-01 (a Thursday).
  static func weekday(ofDays days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

  static func daysInMonth(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
