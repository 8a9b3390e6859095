import Testing

@testable import Reporting

@Suite("Units a person reads")
struct DisplayUnitTests {
  @Test("each unit is chosen for the size of its values; files keep theirs")
  func suitedUnits() {
    #expect(DisplayUnit.suited(to: "h", typical: 0.48).text(0.48) == "28.8 min")
    #expect(DisplayUnit.suited(to: "h", typical: 2.08).text(2.08) == "2.08 h")
    #expect(DisplayUnit.suited(to: "min", typical: 150).text(150) == "2.50 h")
    #expect(DisplayUnit.suited(to: "min", typical: 40.2).text(40.2) == "40.2 min")
    #expect(DisplayUnit.suited(to: "ratio", typical: 0.931).text(0.931) == "93.1%")
    #expect(DisplayUnit.suited(to: "Rs/d", typical: 3_134_239).text(3_134_239) == "31.3 lakh Rs/d")
    #expect(DisplayUnit.suited(to: "Rs/d", typical: 16_798).text(16_798) == "16,798 Rs/d")
    #expect(DisplayUnit.suited(to: "/d", typical: .nan).text(.nan) == "-")
  }

  @Test("differences of shares are percentage points, not percent")
  func points() {
    #expect(DisplayUnit.suitedToDifference("ratio", typical: 0.0176).text(-0.0176) == "-1.76 pt")
    #expect(DisplayUnit.suitedToDifference("h", typical: 0.1).label == "min")
  }

  @Test("numbers keep about three significant digits, group thousands and drop decimals of whole numbers")
  func readable() {
    #expect(DisplayUnit.readable(1_234_567) == "1,234,567")
    #expect(DisplayUnit.readable(-1234.5) == "-1,235")
    #expect(DisplayUnit.readable(0.4821) == "0.482")
    #expect(DisplayUnit.readable(45) == "45")
    #expect(DisplayUnit.readable(45.25) == "45.3")
    #expect(DisplayUnit.readable(999) == "999")
    #expect(DisplayUnit.grouped("-1234567.25") == "-1,234,567.25")
  }

  @Test("tick labels carry as many decimals as the step between ticks")
  func ticks() {
    let percent = DisplayUnit(label: "%", factor: 100)
    #expect(percent.tick(0.85, step: 0.05) == "85")
    #expect(DisplayUnit.same("h").tick(2.5, step: 0.5) == "2.5")
    #expect(DisplayUnit.same("h").tick(0.25, step: 0.05) == "0.25")
    #expect(DisplayUnit.same("").tick(20000, step: 5000) == "20,000")
  }
}
