import Foundation

/// Nearest-point search over a fixed set of points, bucketed on a latitude/longitude grid.
struct SpatialGrid {
  private let points: [GeoPoint]
  private let cell: Double
  private let minLat: Double
  private let minLon: Double
  private let rows: Int
  private let columns: Int
  private var buckets: [[Int32]]

  /// Builds a grid with cells of `cellDegrees` (0.1° ≈ 11 km).
  init(_ points: [GeoPoint], cellDegrees: Double = 0.1) {
    self.points = points
    cell = cellDegrees
    minLat = (points.map(\.latitude).min() ?? 0) - cellDegrees
    minLon = (points.map(\.longitude).min() ?? 0) - cellDegrees
    let maxLat = (points.map(\.latitude).max() ?? 0) + cellDegrees
    let maxLon = (points.map(\.longitude).max() ?? 0) + cellDegrees
    rows = Int((maxLat - minLat) / cellDegrees) + 1
    columns = Int((maxLon - minLon) / cellDegrees) + 1
    buckets = Array(repeating: [], count: rows * columns)
    for (i, p) in points.enumerated() { buckets[index(of: p)].append(Int32(i)) }
  }

  private func cellOf(_ p: GeoPoint) -> (Int, Int) {
    (Swift.min(Swift.max(Int((p.latitude - minLat) / cell), 0), rows - 1),
     Swift.min(Swift.max(Int((p.longitude - minLon) / cell), 0), columns - 1))
  }

  private func index(of p: GeoPoint) -> Int {
    let (r, c) = cellOf(p)
    return r * columns + c
  }

  /// Index of the point nearest to `p` (ties: lowest index), or nil when empty.
  func nearest(to p: GeoPoint) -> Int? {
    guard !points.isEmpty else { return nil }
    let (r0, c0) = cellOf(p)
    var best: (Int, Double)?
    var ring = 0
    while ring <= Swift.max(rows, columns) {
      for r in (r0 - ring)...(r0 + ring) where r >= 0 && r < rows {
        for c in (c0 - ring)...(c0 + ring) where c >= 0 && c < columns {
          guard Swift.max(abs(r - r0), abs(c - c0)) == ring else { continue }
          for i in buckets[r * columns + c] {
            let d = p.planarKilometresSquared(to: points[Int(i)]).squareRoot()
            if best == nil || d < best!.1 || (d == best!.1 && Int(i) < best!.0) { best = (Int(i), d) }
          }
        }
      }
      // A point found within ring k may still be beaten by one in a farther ring (cell
      // corners): stop once the rings beyond are all farther than the best point.
      if best != nil && ring > 0 && ringIsBeyond(best!.1, ring: ring, at: p) { break }
      ring += 1
    }
    return best?.0
  }

  /// Indices of the `k` points nearest to `p` (excluding index `skip`), nearest first, ties by
  /// index.
  func nearest(_ k: Int, to p: GeoPoint, skipping skip: Int? = nil) -> [Int] {
    guard !points.isEmpty, k > 0 else { return [] }
    let (r0, c0) = cellOf(p)
    var found: [(Int, Double)] = []
    var ring = 0
    while ring <= Swift.max(rows, columns) {
      for r in (r0 - ring)...(r0 + ring) where r >= 0 && r < rows {
        for c in (c0 - ring)...(c0 + ring) where c >= 0 && c < columns {
          guard Swift.max(abs(r - r0), abs(c - c0)) == ring else { continue }
          for i in buckets[r * columns + c] where Int(i) != skip {
            found.append((Int(i), p.planarKilometresSquared(to: points[Int(i)]).squareRoot()))
          }
        }
      }
      if found.count >= k {
        found.sort { ($0.1, $0.0) < ($1.1, $1.0) }
        if ring > 0 && ringIsBeyond(found[k - 1].1, ring: ring, at: p) { break }
      }
      ring += 1
    }
    found.sort { ($0.1, $0.0) < ($1.1, $1.0) }
    return found.prefix(k).map(\.0)
  }

  /// Whether everything in rings beyond `ring` is farther than `distance` km.
  private func ringIsBeyond(_ distance: Double, ring: Int, at p: GeoPoint) -> Bool {
    // One degree of latitude is 111 km; longitude shrinks with cos(latitude) (≥ 0.85 in Bihar).
    let reach = Double(ring) * cell * 111 * cos(p.latitude * .pi / 180)
    return reach >= distance
  }
}
