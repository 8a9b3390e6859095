import SimKernel

/// The kinds of entry that pathway IDs (``EntityID``) count. Caseless: they only tell IDs apart.
public enum PathwayKind {
  /// A step of care (registration, OPD, lab, labour room).
  public enum Station {}
  /// A pool of servers that one or more stations use (a doctor, the beds).
  public enum Resource {}
  /// A class of patient (outpatient, antenatal, labour).
  public enum PatientClass {}
}

/// A station of a pathway network.
public typealias StationID = EntityID<PathwayKind.Station>
/// A shared resource of a pathway network.
public typealias ResourceID = EntityID<PathwayKind.Resource>
/// A patient class of a pathway network.
public typealias ClassID = EntityID<PathwayKind.PatientClass>
