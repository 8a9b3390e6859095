import CareModel

/// Reads a formulary table: `medicine,unit,unit_cost,retail_price,specialty,share,quantity`,
/// one row per medicine and specialty that prescribes it (a medicine's unit and prices the
/// same on each of its rows).
struct FormularyReader {
  let reader: NodeReader

  static let columns = ["medicine", "unit", "unit_cost", "retail_price", "specialty", "share", "quantity"]
  /// Most medicines a formulary may list, and most units a line may ask for.
  static let mostMedicines = 1_000
  static let mostUnitsPerLine = MedicineSupply.mostUnitsPerLine
  /// Most rupees per unit.
  static let highestPrice = 10_000_000.0

  /// Line breaks, tabs and other control characters: they would break the CSV tables written.
  static func isControl(_ u: Unicode.Scalar) -> Bool { u.properties.generalCategory == .control }

  /// The medicines and each specialty's prescription lines (indexed like `specialties`).
  func read(_ node: ScenarioNode, path: String, specialties: [String])
    -> (medicines: [MedicineSupply.Medicine], lines: [[MedicineSupply.Line]])?
  {
    guard let name = reader.string(node, path: path) else { return nil }
    let file = ScenarioLoader.resolve(name, relativeTo: node.location.file)
    guard let table = CSVTable.load(file, reader: reader, at: node, keyPath: path, required: Self.columns) else {
      return nil
    }
    let c = Self.columns.map { table.column($0)! }
    var medicines: [MedicineSupply.Medicine] = []
    var lines = Array(repeating: [MedicineSupply.Line](), count: specialties.count)
    var ok = true
    for row in table.rows {
      func number(_ i: Int, atMost top: Double) -> Double? {
        let cell = row[c[i]]
        guard let v = Double(cell.text.trimmingSpaces), v.isFinite, v >= 0, v <= top else {
          reader.report(
            .invalidValue, "expected a number from 0 to \(Limits.text(top)), got '\(CSVTable.shown(cell.text))'",
            in: table, cell: cell, column: Self.columns[i])
          return nil
        }
        return v
      }
      let medicineName = row[c[0]].text.trimmingSpaces
      let unit = row[c[1]].text.trimmingSpaces
      let cost = number(2, atMost: Self.highestPrice)
      let retail = number(3, atMost: Self.highestPrice)
      let share = number(5, atMost: 1)
      let quantity = Int(row[c[6]].text.trimmingSpaces).flatMap { (1...Self.mostUnitsPerLine).contains($0) ? $0 : nil }
      if quantity == nil {
        reader.report(
          .invalidValue,
          "expected whole units from 1 to \(Self.mostUnitsPerLine), got "
            + "'\(CSVTable.shown(row[c[6]].text))'", in: table, cell: row[c[6]], column: "quantity")
      }
      let specialtyName = row[c[4]].text.trimmingSpaces
      let specialty = specialties.firstIndex(of: specialtyName)
      if specialty == nil {
        reader.report(
          .unknownName, "no specialty '\(CSVTable.shown(specialtyName))' in the scenario", in: table,
          cell: row[c[4]], column: "specialty", hint: DidYouMean.hint(for: specialtyName, among: specialties))
      }
      var named = true
      for (i, text) in [(0, medicineName), (1, unit)]
      where text.isEmpty || text.unicodeScalars.contains(where: Self.isControl) {
        reader.report(
          .invalidValue,
          text.isEmpty
            ? "a medicine needs a name and a unit"
            : "'\(CSVTable.shown(text))' holds a "
              + "control character (a line break, a tab)", in: table, cell: row[c[i]], column: Self.columns[i])
        named = false
      }
      guard let cost, let retail, let share, let quantity, let specialty, named else { ok = false; continue }
      let medicine = MedicineSupply.Medicine(name: medicineName, unit: unit, unitCost: cost, retailPrice: retail)
      let id: Int
      if let known = medicines.firstIndex(where: { $0.name == medicineName }) {
        guard medicines[known] == medicine else {
          reader.report(
            .invalidValue, "'\(CSVTable.shown(medicineName))' has another unit or price on an earlier row",
            in: table, cell: row[c[0]], column: "medicine",
            hint: "give a medicine the same unit, unit_cost and retail_price on each of its rows")
          ok = false
          continue
        }
        id = known
      } else {
        guard medicines.count < Self.mostMedicines else {
          reader.report(
            .invalidValue, "more than \(Self.mostMedicines) medicines", in: table, cell: row[c[0]],
            column: "medicine")
          return nil
        }
        id = medicines.count
        medicines.append(medicine)
      }
      if lines[specialty].contains(where: { $0.medicine.index == id }) {
        reader.report(
          .invalidValue, "'\(CSVTable.shown(medicineName))' is listed twice for '\(specialtyName)'", in: table,
          cell: row[c[0]], column: "medicine")
        ok = false
        continue
      }
      lines[specialty].append(.init(medicine: MedicineID(id), share: share, quantity: quantity))
    }
    guard ok else { return nil }
    guard !medicines.isEmpty else {
      reader.report(.invalidValue, "'\(file)' lists no medicines", at: node, path: path)
      return nil
    }
    return (medicines, lines)
  }
}
