import SimKernel

/// The kinds of entity that IDs count. Caseless: they only tell IDs apart.
public enum EntityKind {
  /// A row of the facilities table.
  public enum Facility {}
  /// A facility where patients ask for teleconsultation, by position among the spokes.
  public enum Spoke {}
  /// A facility whose specialists see patients, by position among the hubs.
  public enum Hub {}
  /// A clinical specialty.
  public enum Specialty {}
  /// A patient in the system (a reusable slot).
  public enum Patient {}
  /// A teleconsultation queue: one hub's specialists of one specialty, or a statewide pool.
  public enum ConsultQueue {}
  /// The inpatient beds of one facility.
  public enum BedPool {}
  /// A dated bed upgrade.
  public enum Upgrade {}
  /// A district, in first-appearance order of the facilities table.
  public enum District {}
  /// An ambulance.
  public enum Ambulance {}
  /// An ambulance call in progress (a reusable slot).
  public enum Call {}
  /// A class of emergency call; the lane after the last is for referral transfers.
  public enum CallPriority {}
  /// A node of the road network.
  public enum RoadNode {}
  /// A facility that has ambulances stationed at it, by position among the bases.
  public enum Base {}
  /// A block (sub-district), in order of first appearance among road nodes.
  public enum Block {}
  /// A row of the by-hub table: a hub's queues, or one statewide queue.
  public enum QueueGroup {}
  /// A populated road node that emergency calls come from, by position among them.
  public enum CallOrigin {}
  /// A medicine of the formulary.
  public enum Medicine {}
  /// One medicine's stock at one place (a spoke or a district warehouse).
  public enum StockItem {}
  /// A replenishment order on its way (a reusable slot).
  public enum StockOrder {}
}

public typealias FacilityID = EntityID<EntityKind.Facility>
public typealias SpokeID = EntityID<EntityKind.Spoke>
public typealias HubID = EntityID<EntityKind.Hub>
public typealias SpecialtyID = EntityID<EntityKind.Specialty>
public typealias PatientID = EntityID<EntityKind.Patient>
public typealias ConsultQueueID = EntityID<EntityKind.ConsultQueue>
public typealias BedPoolID = EntityID<EntityKind.BedPool>
public typealias UpgradeID = EntityID<EntityKind.Upgrade>
public typealias DistrictID = EntityID<EntityKind.District>
public typealias AmbulanceID = EntityID<EntityKind.Ambulance>
public typealias CallID = EntityID<EntityKind.Call>
public typealias CallPriorityID = EntityID<EntityKind.CallPriority>
public typealias RoadNodeID = EntityID<EntityKind.RoadNode>
public typealias BaseID = EntityID<EntityKind.Base>
public typealias BlockID = EntityID<EntityKind.Block>
public typealias QueueGroupID = EntityID<EntityKind.QueueGroup>
public typealias CallOriginID = EntityID<EntityKind.CallOrigin>
public typealias MedicineID = EntityID<EntityKind.Medicine>
public typealias StockItemID = EntityID<EntityKind.StockItem>
public typealias StockOrderID = EntityID<EntityKind.StockOrder>
