/// Customers in the network, stored in parallel arrays indexed by a reusable slot number,
/// so that a steady-state run allocates nothing.
struct CustomerPool {
  private(set) var arrivalAtStation: ContiguousArray<Double> = []
  private(set) var enteredNetwork: ContiguousArray<Double> = []
  private(set) var customerClass: ContiguousArray<Int32> = []
  private var free: ContiguousArray<Int32> = []

  /// Customers currently in the network.
  private(set) var active = 0

  mutating func admit(customerClass c: Int, at now: Double) -> Int32 {
    active += 1
    if let slot = free.popLast() {
      let i = Int(slot)
      arrivalAtStation[i] = now
      enteredNetwork[i] = now
      customerClass[i] = Int32(c)
      return slot
    }
    arrivalAtStation.append(now)
    enteredNetwork.append(now)
    customerClass.append(Int32(c))
    return Int32(arrivalAtStation.count - 1)
  }

  mutating func moved(_ slot: Int32, at now: Double) { arrivalAtStation[Int(slot)] = now }

  mutating func release(_ slot: Int32) {
    active -= 1
    free.append(slot)
  }
}
