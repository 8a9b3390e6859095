import Foundation

/// A point on the Earth in WGS84 degrees.
public struct GeoPoint: Sendable, Hashable {
  /// Latitude, degrees north.
  public var latitude: Double
  /// Longitude, degrees east.
  public var longitude: Double
  /// cos(latitude), kept so that ranking by distance needs no trigonometry.
  let cosLatitude: Double

  /// Creates a point.
  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
    cosLatitude = cos(latitude * .pi / 180)
  }

  /// Squared distance in km² on a local flat projection (equirectangular, 111.2 km per degree):
  /// within 0.1% of the great-circle distance at the scale of a state, and cheap, so it is
  /// what nearest-facility searches rank by.
  func planarKilometresSquared(to other: GeoPoint) -> Double {
    let kmPerDegree = 111.195
    let y = (other.latitude - latitude) * kmPerDegree
    let x = (other.longitude - longitude) * kmPerDegree * (cosLatitude + other.cosLatitude) / 2
    return x * x + y * y
  }

  /// Great-circle distance in kilometres (haversine, Earth radius 6,371 km).
  public func kilometres(to other: GeoPoint) -> Double {
    let rad = Double.pi / 180
    let dLat = (other.latitude - latitude) * rad
    let dLon = (other.longitude - longitude) * rad
    let s1 = sin(dLat / 2)
    let s2 = sin(dLon / 2)
    let a = s1 * s1 + cos(latitude * rad) * cos(other.latitude * rad) * s2 * s2
    return 2 * 6371 * asin(Swift.min(1, a.squareRoot()))
  }
}
