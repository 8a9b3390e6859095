import SimKernel
import SimStats

/// Response figures of one group of calls (a district or a block).
struct ResponseCounts {
  var calls = 0
  var responseTotal = CompensatedSum()
  var responseQuantiles = QuantileSketch()
  var withinTarget = 0

  mutating func record(_ response: SimDuration, within: Bool) {
    calls += 1
    responseTotal.add(response.minutes)
    responseQuantiles.record(response.minutes)
    if within { withinTarget += 1 }
  }
}

/// What the ambulance service observes after warm-up.
struct FleetStatistics {
  var calls = 0
  var transfers = 0
  var response = Tally()
  var responseQuantiles = QuantileSketch()
  var withinTarget = 0
  var callToHospital = Tally()
  var queued = 0
  var failed = 0
  var unplaced = 0
  var byDistrict: EntityTable<EntityKind.District, ResponseCounts>
  var byBlock: EntityTable<EntityKind.Block, ResponseCounts>
  /// Responses in 5-minute bins, urban and rural.
  var histogram = ResponseHistogram()
  /// Each ambulance's busy minutes and kilometres at the end of warm-up (subtracted later).
  var busyAtWarmUp: EntityTable<EntityKind.Ambulance, Double>
  var kmAtWarmUp: EntityTable<EntityKind.Ambulance, Double>

  init(districts: Int, blocks: Int, ambulances: Int) {
    byDistrict = EntityTable(repeating: ResponseCounts(), count: districts)
    byBlock = EntityTable(repeating: ResponseCounts(), count: blocks)
    busyAtWarmUp = EntityTable(repeating: 0, count: ambulances)
    kmAtWarmUp = EntityTable(repeating: 0, count: ambulances)
  }

  /// A response to an emergency call, in `district` and `block`.
  mutating func recordResponse(_ response: SimDuration, within: Bool, isUrban: Bool, district: DistrictID, block: BlockID) {
    histogram.record(response, isUrban: isUrban)
    self.response.record(response.minutes)
    responseQuantiles.record(response.minutes)
    byDistrict[district].record(response, within: within)
    byBlock[block].record(response, within: within)
    if within { withinTarget += 1 }
  }
}
