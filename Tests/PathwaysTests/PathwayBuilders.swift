import Pathways
import SimKernel
import SimRandom
import SimStats

typealias Spec = PathwaySpec

/// A station for tests: per-class lists filled from one value unless given per class.
func station(
  _ name: String, resource: Int?, classes: Int = 1, service: Distribution? = nil, perClass: [Distribution?]? = nil,
  arrivals: [ArrivalProcess?]? = nil, routing: [[Spec.Rule]]? = nil, patience: [Spec.Patience?]? = nil,
  capacity: Int? = nil, overflow: Int? = nil, holds: Bool = false, releases: [Int] = [], balk: [Int?]? = nil,
  delay: Distribution? = nil
) -> Spec.Station {
  Spec.Station(
    name: name, resource: resource.map(ResourceID.init), capacity: capacity, holds: holds,
    releases: releases.map(ResourceID.init), delay: delay,
    service: perClass ?? Array(repeating: service, count: classes),
    arrivals: arrivals ?? Array(repeating: nil, count: classes),
    routing: routing ?? Array(repeating: [], count: classes),
    patience: patience ?? Array(repeating: nil, count: classes),
    balk: balk ?? Array(repeating: nil, count: classes),
    overflow: overflow.map(StationID.init))
}

/// Poisson arrivals at `perMinute`.
func poisson(_ perMinute: Double) throws -> ArrivalProcess { .renewal(try .exponential(rate: perMinute)) }

/// A rule sending everyone (or a share) to `target`, optionally as another class.
func to(_ target: Int, _ p: Double = 1, as newClass: Int? = nil) -> Spec.Branch {
  Spec.Branch(probability: p, destination: .station(StationID(target), asClass: newClass.map(ClassID.init)))
}

/// Runs `replications` replications and returns the estimate of each metric, and the runs.
func replicatePathways(_ spec: Spec, replications: Int = 10, horizon: SimDuration, warmUp: SimDuration,
                       seed: UInt64 = 2021) -> (String) -> ReplicationEstimate {
  let runs = (0..<replications).map {
    PathwayModel.replicate(spec, seeder: StreamSeeder(masterSeed: seed, replication: $0), horizon: horizon,
                           warmUp: warmUp).values
  }
  return { name in
    guard let first = runs.first, first[name] != nil else { preconditionFailure("no metric \(name)") }
    return ReplicationEstimate(runs.map { $0[name]! })!
  }
}
