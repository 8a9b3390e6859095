import CareModel
import SimKernel
import SimRandom

extension ScenarioReader {
  /// Checks what needs the horizon as well as the model: demand that grows too far over the
  /// run, or an arrival stream whose busiest hour (times growth) is faster than the clock can
  /// follow. Each value is in bounds alone; together they could stop the clock.
  func checkPace(_ model: Scenario.Model, horizonMinutes: Double, _ f: Fields) {
    guard case .careNetwork(let spec) = model else { return }
    let growth = spec.demand.peakGrowth(overMinutes: horizonMinutes)
    let at = f["demand"] ?? f.node
    guard growth.isFinite, growth <= Limits.largestGrowth else {
      reader.report(.invalidValue, "demand would grow \(growth.isFinite ? Limits.text(growth) + "-fold" : "without bound") "
                    + "over the horizon; at most \(Limits.text(Limits.largestGrowth))-fold", at: at, path: "demand",
                    hint: "set demand.max_daily, or a smaller monthly_growth or horizon")
      return
    }
    let day = SimDuration.day.minutes
    let busiest = spec.demand.dailyTotal / day * growth
      * RateProfile.peakOverMean(hourOfDay: spec.demand.hourOfDay, dayOfWeek: spec.demand.dayOfWeek)
    if busiest > Limits.fastestRatePerMinute {
      reader.report(.invalidValue, "requests would come \(Limits.text(busiest)) a minute in the busiest hour; at most "
                    + "\(Limits.text(Limits.fastestRatePerMinute)) a minute", at: at, path: "demand", hint: Limits.rateBounds + " at every hour")
    }
    if let fleet = spec.fleet {
      let calls = fleet.callsPerDay / day * RateProfile.peakOverMean(hourOfDay: fleet.hourOfDay, dayOfWeek: fleet.dayOfWeek)
      if calls > Limits.fastestRatePerMinute {
        reader.report(.invalidValue, "calls would come \(Limits.text(calls)) a minute in the busiest hour; at most "
                      + "100,000 a minute", at: f["ambulances"] ?? f.node, path: "ambulances.calls",
                      hint: Limits.rateBounds + " at every hour")
      }
    }
  }

}
