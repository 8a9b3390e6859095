/// Customers in the network, stored in one array indexed by a reusable slot number (one
/// record per customer keeps the hot path to one array access), so that a steady-state run
/// allocates nothing.
struct CustomerPool {
  private struct Customer {
    var arrivalAtStation: Double
    var enteredNetwork: Double
    var customerClass: Int32
  }

  private var records: ContiguousArray<Customer> = []
  /// Released slots, used as a stack: `free[0..<freeCount]` (the array never shrinks, so a
  /// push after a pop writes in place).
  private var free: ContiguousArray<Int32> = []
  private var freeCount = 0

  /// Customers currently in the network.
  private(set) var active = 0

  @inline(__always) mutating func admit(customerClass c: Int, at now: Double) -> Int32 {
    active += 1
    let record = Customer(arrivalAtStation: now, enteredNetwork: now, customerClass: Int32(c))
    if freeCount > 0 {
      freeCount -= 1
      let slot = free[freeCount]
      records[Int(slot)] = record
      return slot
    }
    records.append(record)
    return Int32(records.count - 1)
  }

  @inline(__always) func arrivalAtStation(_ slot: Int32) -> Double { records[Int(slot)].arrivalAtStation }
  @inline(__always) func enteredNetwork(_ slot: Int32) -> Double { records[Int(slot)].enteredNetwork }
  @inline(__always) func customerClass(_ slot: Int32) -> Int { Int(records[Int(slot)].customerClass) }

  @inline(__always) mutating func moved(_ slot: Int32, at now: Double) { records[Int(slot)].arrivalAtStation = now }

  @inline(__always) mutating func release(_ slot: Int32) {
    active -= 1
    if freeCount < free.count { free[freeCount] = slot } else { free.append(slot) }
    freeCount += 1
  }
}
