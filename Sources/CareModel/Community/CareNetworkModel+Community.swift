import SimKernel

extension CareNetworkModel {
  /// An ASHA brings a patient to a spoke drawn by population; the next comes after.
  mutating func mobilise(in sim: inout Simulation<CareEvent>) {
    guard let asha = layout.asha, let stream = streams.asha else { return }
    let spoke = asha.spokeChoice.sample(using: stream)
    sim.schedule(.ashaArrival, at: SimTime(minutes: asha.arrivals.next(afterMinutes: sim.now.minutes, using: stream)))
    mobilised.arrived += 1
    request(at: spoke, mobilised: true, in: &sim)
  }

  /// A meal time: each kitchen serves its inpatients while the day's meals last.
  mutating func serveMeals(in sim: inout Simulation<CareEvent>) {
    let pools = beds.pools
    if let next = kitchens?.serve(occupied: { pools[$0].occupied }, at: sim.now) { sim.schedule(.meal, at: next) }
  }
}
