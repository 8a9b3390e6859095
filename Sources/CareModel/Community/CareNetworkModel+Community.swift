import SimKernel

extension CareNetworkModel {
  /// An ASHA brings a patient to a spoke drawn by population; the next comes after.
  mutating func mobilise(in sim: inout Simulation<CareEvent>) {
    guard let asha = layout.asha, let arrivals = asha.arrivals, let stream = streams.asha else { return }
    let spoke = asha.spokeChoice.sample(using: stream)
    sim.schedule(.ashaArrival, at: SimTime(minutes: arrivals.next(afterMinutes: sim.now.minutes, using: stream)))
    mobilised.arrived += 1
    request(at: spoke, mobilised: true, drawingFrom: stream, in: &sim)
  }

  /// A meal time: each kitchen serves its inpatients while the day's meals last.
  mutating func serveMeals(in sim: inout Simulation<CareEvent>) {
    // A meal at the horizon is the next day's breakfast, outside the run.
    guard sim.now < endOfRun else { return }
    let pools = beds.pools
    if let next = kitchens?.serve(occupied: { pools[$0].occupied }, at: sim.now) { sim.schedule(.meal, at: next) }
  }
}
