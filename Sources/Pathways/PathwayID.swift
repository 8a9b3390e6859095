/// The position of one part of a pathway network in its list, typed by what it counts, so a
/// station's number cannot be passed where a resource's is expected.
@frozen
public struct PathwayID<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The position, from 0.
  public let rawValue: Int32

  /// The ID of the entry at `index`.
  /// - Precondition: `0 <= index <= Int32.max`.
  @inlinable public init(_ index: Int) {
    precondition(index >= 0 && index <= Int(Int32.max), "a pathway index must fit in 0…2³¹−1")
    rawValue = Int32(truncatingIfNeeded: index)
  }

  /// The position as an array index.
  @inlinable public var index: Int { Int(rawValue) }

  @inlinable public static func < (a: PathwayID, b: PathwayID) -> Bool { a.rawValue < b.rawValue }

  public var description: String { String(rawValue) }
}

/// The kinds of entry that pathway IDs count. Caseless: they only tell IDs apart.
public enum PathwayKind {
  /// A step of care (registration, OPD, lab, labour room).
  public enum Station {}
  /// A pool of servers that one or more stations use (a doctor, the beds).
  public enum Resource {}
  /// A class of patient (outpatient, antenatal, labour).
  public enum PatientClass {}
}

/// A station of a pathway network.
public typealias StationID = PathwayID<PathwayKind.Station>
/// A shared resource of a pathway network.
public typealias ResourceID = PathwayID<PathwayKind.Resource>
/// A patient class of a pathway network.
public typealias ClassID = PathwayID<PathwayKind.PatientClass>
