/// The position of one entity in its table, typed by what it counts.
///
/// A model declares caseless kinds and aliases (`SpokeID = EntityID<EntityKind.Spoke>` in
/// the care network, `StationID` in pathway networks), so that a spoke's number cannot be
/// passed where a facility's is expected. IDs are 4 bytes, so events that carry one keep a
/// calendar entry at 24 bytes.
@frozen
public struct EntityID<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The position, from 0.
  public let rawValue: Int32

  /// The ID of the entity at `index`.
  /// - Precondition: `0 <= index <= Int32.max`.
  @inlinable public init(_ index: Int) {
    precondition(index >= 0 && index <= Int(Int32.max), "an entity index must fit in 0…2³¹−1")
    rawValue = Int32(truncatingIfNeeded: index)
  }

  /// The position as an array index.
  @inlinable public var index: Int { Int(rawValue) }

  @inlinable public static func < (a: EntityID, b: EntityID) -> Bool { a.rawValue < b.rawValue }

  public var description: String { String(rawValue) }
}
