import SimKernel

/// Values kept per entity, read and written by the entity's typed ID.
///
/// A thin wrapper over `ContiguousArray`: the subscript takes only `EntityID<Entity>`, so a
/// table of spokes cannot be read with a facility's ID.
public struct EntityTable<Entity, Element> {
  /// The values, in ID order.
  public private(set) var values: ContiguousArray<Element>

  /// A table of `count` copies of `value`.
  public init(repeating value: Element, count: Int) {
    values = ContiguousArray(repeating: value, count: count)
  }

  /// A table holding `values`, the first for ID 0.
  public init<S: Sequence>(_ values: S) where S.Element == Element {
    self.values = ContiguousArray(values)
  }

  /// Number of entities.
  public var count: Int { values.count }
  /// Whether the table is empty.
  public var isEmpty: Bool { values.isEmpty }

  /// Every ID of the table, in order.
  public var ids: LazyMapSequence<Range<Int>, EntityID<Entity>> { (0..<values.count).lazy.map(EntityID.init) }

  /// The value of entity `id`.
  public subscript(id: EntityID<Entity>) -> Element {
    get { values[id.index] }
    _modify { yield &values[id.index] }
  }

  /// Adds a value and returns its ID.
  @discardableResult
  public mutating func append(_ value: Element) -> EntityID<Entity> {
    values.append(value)
    return EntityID(values.count - 1)
  }

  /// The table with each value transformed.
  public func map<T>(_ transform: (Element) throws -> T) rethrows -> EntityTable<Entity, T> {
    EntityTable<Entity, T>(try values.map(transform))
  }
}

extension EntityTable: Sendable where Element: Sendable {}
extension EntityTable: Equatable where Element: Equatable {}
