import CareModel

extension CareNetworkReader {
  /// The ambulances and their bases: the statewide totals spread over every base of `tiers`,
  /// or the `allocation` table by district (its totals checked against `basic` and `advanced`
  /// when those are given too), plus the `add` list.
  func readPlacement(_ f: Fields, at node: ScenarioNode, basic: Int?, advanced: Int?, tiers: [Tier],
                     facilities: [HealthCentre], habitations: [Habitation]) -> [FleetSpec.Ambulance]? {
    let bases = facilities.indices.filter { tiers.contains(facilities[$0].tier) }.map(FacilityID.init)
    guard !bases.isEmpty else {
      reader.report(.invalidValue, "no facility of tiers " + tiers.map(\.rawValue).joined(separator: ", ") + " to base ambulances at",
                    at: f["bases"] ?? node, path: "ambulances.bases")
      return nil
    }
    var fleet: [FleetSpec.Ambulance]
    if let table = f["allocation"] {
      guard let allocated = readAllocation(table, bases: bases, facilities: facilities, habitations: habitations) else { return nil }
      fleet = allocated
      for (key, kind, given) in [("basic", FleetSpec.Kind.basic, basic), ("advanced", .advanced, advanced)] where f.has(key) {
        let counted = fleet.filter { $0.kind == kind }.count
        guard let given, counted != given else { continue }
        reader.report(.invalidValue, "the allocation table has \(counted) \(key) ambulances but \(key) says \(given)",
                      at: f[key]!, path: "ambulances.\(key)", hint: "correct one of them, or leave \(key) out")
        return nil
      }
    } else {
      guard let basic, let advanced else { return nil }
      fleet = FleetSpec.allocate(basic: basic, advanced: advanced, bases: bases, facilities: facilities, habitations: habitations)
    }
    guard let extra = readAdditions(f["add"], bases: bases, facilities: facilities, habitations: habitations) else { return nil }
    return fleet + extra
  }

  /// `allocation: ambulances-by-district.csv` (`district,basic,advanced`): the fleet of each
  /// district, spread over its bases by the district's people nearest each; every district
  /// with a base must have a row (one left out would silently lose its ambulances). Or
  /// `facility,basic,advanced` (what `telesim place` writes): ambulances at named bases, the
  /// bases not listed getting none; a district column there is checked against each base's.
  /// A district or base may appear once.
  func readAllocation(_ node: ScenarioNode, bases: [FacilityID], facilities: [HealthCentre], habitations: [Habitation])
    -> [FleetSpec.Ambulance]?
  {
    let path = "ambulances.allocation"
    guard let name = reader.string(node, path: path) else { return nil }
    let file = ScenarioLoader.resolve(name, relativeTo: node.location.file)
    guard let table = CSVTable.load(file, reader: reader, at: node, keyPath: path, required: ["basic", "advanced"]) else { return nil }
    let byBase = table.column("facility") != nil
    // In a table by base, a district column is a reader's aid; it must still be right.
    let districtAid = byBase ? table.column("district") : nil
    guard let uc = table.column(byBase ? "facility" : "district") else {
      reader.report(.invalidValue, "'\(file)' has neither a district nor a facility column", at: node, path: path,
                    hint: "district,basic,advanced for a fleet by district; facility,basic,advanced for one by base")
      return nil
    }
    let column = byBase ? "facility" : "district"
    let (bc, ac) = (table.column("basic")!, table.column("advanced")!)
    // The units a row may name: districts with a base, or the bases themselves (by id).
    var units: [String] = []
    if byBase { units = bases.map { facilities[$0.index].id } } else {
      for b in bases where !units.contains(facilities[b.index].district) { units.append(facilities[b.index].district) }
    }
    var baseOfID: [String: FacilityID] = [:]
    for b in bases { baseOfID[facilities[b.index].id] = b }
    var seen = Set<String>()
    var fleet: [FleetSpec.Ambulance] = []
    var total = 0
    var ok = true
    for row in table.rows {
      let unit = row[uc].text.trimmingSpaces
      guard byBase ? baseOfID[unit] != nil : units.contains(unit) else {
        reader.report(.unknownName, byBase ? "'\(unit)' is not an ambulance base" : "no ambulance base in district '\(unit)'",
                      in: table, cell: row[uc], column: column, hint: DidYouMean.hint(for: unit, among: units))
        ok = false
        continue
      }
      if let dc = districtAid, let base = baseOfID[unit], row[dc].text.trimmingSpaces != facilities[base.index].district {
        reader.report(.invalidValue, "facility '\(unit)' is in \(facilities[base.index].district), not '\(row[dc].text)'",
                      in: table, cell: row[dc], column: "district")
        ok = false
        continue
      }
      guard seen.insert(unit).inserted else {
        reader.report(.invalidValue, "\(column) '\(unit)' appears twice", in: table, cell: row[uc], column: column)
        ok = false
        continue
      }
      var counts: [Int] = []
      for (name, cell) in [("basic", row[bc]), ("advanced", row[ac])] {
        guard let n = Int(cell.text.trimmingSpaces), (0...Limits.ambulances).contains(n) else {
          reader.report(.invalidValue, "must be a whole number from 0 to \(Limits.ambulances), got '\(cell.text)'",
                        in: table, cell: cell, column: name)
          ok = false
          continue
        }
        counts.append(n)
      }
      guard ok, counts.count == 2 else { continue }
      total += counts[0] + counts[1]
      guard total <= Limits.ambulances else { continue }
      if let base = baseOfID[unit], byBase {
        fleet += Array(repeating: FleetSpec.Ambulance(kind: .basic, base: base), count: counts[0])
          + Array(repeating: FleetSpec.Ambulance(kind: .advanced, base: base), count: counts[1])
      } else {
        let local = bases.filter { facilities[$0.index].district == unit }
        fleet += FleetSpec.allocate(basic: counts[0], advanced: counts[1], inDistrict: unit, bases: local,
                                    facilities: facilities, habitations: habitations)
      }
    }
    let missing = byBase ? [] : units.filter { !seen.contains($0) }
    if ok && !missing.isEmpty {
      reader.report(.missingKey, missing.count == 1 ? "1 district with ambulance bases has no row: "
                      : "\(missing.count) districts with ambulance bases have no row: "
                    + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : ""),
                    at: node, path: path, hint: "give each district a row, with 0 ambulances if it has none")
      ok = false
    }
    if ok && total > Limits.ambulances {
      reader.report(.invalidValue, "the table allocates \(total) ambulances; at most \(Limits.ambulances)", at: node, path: path)
      ok = false
    }
    return ok ? fleet : nil
  }
}
