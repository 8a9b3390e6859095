/// Patients that ASHAs (accredited social health activists) bring to teleconsultation, on
/// top of those who come by themselves (`demand`).
///
/// Each ASHA serves ``peoplePerAsha`` people of a spoke's catchment and brings patients at
/// a rate that responds to the incentive paid for each patient seen: patients per ASHA per
/// month = base + extra × incentive / (incentive + half), a saturating response (``Response``)
/// whose three numbers are the scenario's, to be replaced as evidence comes. They come on
/// session days, in the spokes' registration hours (the demand's hour-of-day profile).
public struct AshaMobilisation: Sendable, Equatable {
  /// How the patients an ASHA brings a month respond to the incentive.
  public struct Response: Sendable, Equatable {
    /// Patients per ASHA per month with no incentive.
    public var base: Double
    /// The most the incentive can add.
    public var extra: Double
    /// The incentive (rupees per patient) that buys half of ``extra``.
    public var halfAt: Double
    /// Creates a response.
    public init(base: Double, extra: Double, halfAt: Double) {
      self.base = base
      self.extra = extra
      self.halfAt = halfAt
    }

    /// Patients per ASHA per month at `incentive` rupees per patient.
    public func patientsPerMonth(incentive: Double) -> Double {
      incentive + halfAt > 0 ? base + extra * incentive / (incentive + halfAt) : base
    }
  }

  /// People per ASHA (the national norm is one per 1,000).
  public var peoplePerAsha: Double
  /// Rupees paid to the ASHA for each patient she brings who is seen.
  public var incentive: Double
  /// How the patients an ASHA brings respond to the incentive.
  public var response: Response

  /// Creates a mobilisation.
  /// - Precondition: at least one person per ASHA.
  public init(peoplePerAsha: Double, incentive: Double, response: Response) {
    precondition(peoplePerAsha >= 1, "at least one person per ASHA")
    self.peoplePerAsha = peoplePerAsha
    self.incentive = incentive
    self.response = response
  }

  /// Days in the month of the response.
  public static let daysPerMonth = 30.0

  /// ASHAs serving `population` people.
  public func ashas(population: Double) -> Double { population / peoplePerAsha }

  /// Patients a day the ASHAs of `population` people bring, averaged over the week.
  public func patientsPerDay(population: Double) -> Double {
    ashas(population: population) * response.patientsPerMonth(incentive: incentive) / Self.daysPerMonth
  }
}
