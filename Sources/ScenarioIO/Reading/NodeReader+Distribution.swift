import SimRandom

extension NodeReader {
  /// Keys each distribution family takes, besides `dist`. Time-valued keys carry units.
  static let distributionKeys: [(family: String, keys: [String])] = [
    ("constant", ["value"]),
    ("exponential", ["mean", "rate"]),
    ("erlang", ["k", "mean"]),
    ("gamma", ["shape", "scale", "mean", "sd"]),
    ("lognormal", ["mean", "sd"]),
    ("normal", ["mean", "sd"]),
    ("uniform", ["min", "max"]),
    ("triangular", ["min", "mode", "max"]),
    ("weibull", ["shape", "scale"]),
    ("discrete", ["values", "probabilities"]),
    ("empirical", ["points", "cumulative"]),
  ]

  /// A distribution of durations (minutes): `{dist: lognormal, mean: 12min, sd: 6min}`, or a
  /// bare duration (`15min`) for a constant.
  func distribution(_ node: ScenarioNode, path: String) -> Distribution? {
    if node.scalar != nil {
      guard let minutes = duration(node, path: path) else { return nil }
      return build({ () throws(DistributionError) in try .constant(minutes) }, at: node, path: path)
    }
    let families = Self.distributionKeys.map(\.family)
    let allKeys = ["dist"] + Array(Set(Self.distributionKeys.flatMap(\.keys))).sorted()
    guard let f = fields(node, path: path, allowed: allKeys, required: ["dist"]),
          let distNode = f["dist"], let family = string(distNode, path: f.path("dist"))
    else { return nil }
    guard let spec = Self.distributionKeys.first(where: { $0.family == family }) else {
      report(.unknownName, "unknown distribution '\(family)'", at: distNode, path: f.path("dist"),
             hint: DidYouMean.hint(for: family, among: families))
      return nil
    }
    var ok = true
    for entry in f.entries where entry.key != "dist" && !spec.keys.contains(entry.key) {
      report(.unknownKey, "'\(family)' takes no key '\(entry.key)'", at: entry.keyNode,
             path: f.path(entry.key), hint: "it takes: " + spec.keys.joined(separator: ", "))
      ok = false
    }
    guard ok else { return nil }
    return distribution(family: family, f)
  }

  private func distribution(family: String, _ f: Fields) -> Distribution? {
    func time(_ key: String) -> Double? {
      guard let n = f[key] else { return nil }
      return duration(n, path: f.path(key))
    }
    func plain(_ key: String) -> Double? {
      guard let n = f[key] else { return nil }
      return number(n, path: f.path(key))
    }
    func need(_ keys: [String]) -> Bool {
      let missing = keys.filter { !f.has($0) }
      for key in missing {
        report(.missingKey, "'\(family)' needs '\(key)'", at: f.node, path: f.path(key))
      }
      return missing.isEmpty
    }
    let at = f.node
    let path = f.path
    switch family {
    case "constant":
      guard need(["value"]), let v = time("value") else { return nil }
      return build({ () throws(DistributionError) in try .constant(v) }, at: at, path: path)
    case "exponential":
      if f.has("rate") && f.has("mean") {
        report(.invalidValue, "give either 'mean' or 'rate', not both", at: at, path: path)
        return nil
      }
      if let rateNode = f["rate"] {
        guard let r = rate(rateNode, path: f.path("rate")) else { return nil }
        return build({ () throws(DistributionError) in try .exponential(rate: r) }, at: at, path: path)
      }
      guard need(["mean"]), let m = time("mean") else { return nil }
      return build({ () throws(DistributionError) in try .exponential(mean: m) }, at: at, path: path)
    case "erlang":
      guard need(["k", "mean"]), let kNode = f["k"], let k = integer(kNode, path: f.path("k"), atLeast: 1),
            let m = time("mean") else { return nil }
      return build({ () throws(DistributionError) in try .erlang(phases: k, mean: m) }, at: at, path: path)
    case "gamma":
      return gamma(f, time: time, plain: plain)
    case "lognormal", "normal":
      guard need(["mean", "sd"]), let m = time("mean"), let s = time("sd") else { return nil }
      if family == "lognormal" {
        return build({ () throws(DistributionError) in try .lognormal(mean: m, sd: s) }, at: at, path: path)
      }
      return build({ () throws(DistributionError) in try .truncatedNormal(mean: m, sd: s) }, at: at, path: path)
    case "uniform":
      guard need(["min", "max"]), let a = time("min"), let b = time("max") else { return nil }
      return build({ () throws(DistributionError) in try .uniform(min: a, max: b) }, at: at, path: path)
    case "triangular":
      guard need(["min", "mode", "max"]), let a = time("min"), let c = time("mode"), let b = time("max")
      else { return nil }
      return build({ () throws(DistributionError) in try .triangular(min: a, mode: c, max: b) }, at: at, path: path)
    case "weibull":
      guard need(["shape", "scale"]), let k = plain("shape"), let s = time("scale") else { return nil }
      return build({ () throws(DistributionError) in try .weibull(shape: k, scale: s) }, at: at, path: path)
    case "discrete":
      guard need(["values", "probabilities"]),
            let v = durations(f["values"]!, path: f.path("values")),
            let p = numbers(f["probabilities"]!, path: f.path("probabilities"), atLeast: 0)
      else { return nil }
      return build({ () throws(DistributionError) in try .discrete(values: v, probabilities: p) }, at: at, path: path)
    default:  // empirical
      guard need(["points", "cumulative"]),
            let x = durations(f["points"]!, path: f.path("points")),
            let c = numbers(f["cumulative"]!, path: f.path("cumulative"), atLeast: 0)
      else { return nil }
      return build({ () throws(DistributionError) in try .continuous(points: x, cumulative: c) }, at: at, path: path)
    }
  }

  private func gamma(_ f: Fields, time: (String) -> Double?, plain: (String) -> Double?)
    -> Distribution?
  {
    let at = f.node
    let path = f.path
    switch (f.has("shape"), f.has("scale"), f.has("mean"), f.has("sd")) {
    case (true, true, false, false):
      guard let k = plain("shape"), let s = time("scale") else { return nil }
      return build({ () throws(DistributionError) in try .gamma(shape: k, scale: s) }, at: at, path: path)
    case (true, false, true, false):
      guard let k = plain("shape"), let m = time("mean") else { return nil }
      return build({ () throws(DistributionError) in try .gamma(shape: k, mean: m) }, at: at, path: path)
    case (false, false, true, true):
      guard let m = time("mean"), let s = time("sd") else { return nil }
      return build({ () throws(DistributionError) in try .gamma(mean: m, sd: s) }, at: at, path: path)
    default:
      report(.invalidValue, "'gamma' takes shape and scale, shape and mean, or mean and sd",
             at: at, path: path)
      return nil
    }
  }

  private func build(_ make: () throws(DistributionError) -> Distribution, at node: ScenarioNode,
                     path: String) -> Distribution? {
    do {
      let distribution = try make()
      // Parameters can each be in bounds and still give a law whose draws overflow (a Weibull
      // of shape 0.001); its spread must stay within the longest duration.
      let spread = distribution.variance.squareRoot()
      guard !(distribution.mean > Limits.longestMinutes), spread.isNaN || spread <= Limits.longestMinutes else {
        report(.invalidValue, "its \(spread.isFinite ? "mean or standard deviation" : "variance") is beyond "
               + "10,000 years: draws would overflow", at: node, path: path,
               hint: "check the parameters; a Weibull or gamma shape far below 1 spreads enormously")
        return nil
      }
      // A gamma of shape 10^-12 has a sane mean and standard deviation, but almost every draw
      // underflows to 0: arrivals pile up at one instant and a queue grows without end.
      guard !(distribution.mean > 0 && spread > Limits.largestVariation * distribution.mean) else {
        report(.invalidValue, "its standard deviation is more than \(Int(Limits.largestVariation)) times its mean: "
               + "almost every draw would be 0 and the rest enormous", at: node, path: path,
               hint: "a gamma shape must be at least 10^-4; a Weibull shape at least about 0.15")
        return nil
      }
      return distribution
    } catch {
      report(.invalidValue, error.message, at: node, path: path)
      return nil
    }
  }
}
