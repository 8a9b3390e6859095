import Plot

/// What a reader needs to reproduce or audit the run, in the spirit of the STRESS-DES
/// reporting checklist (Monks et al. 2019, doi:10.1080/17477778.2018.1442155): the model and
/// data by hash, the seed and generator, replications, warm-up and how it was chosen, the
/// version, and the run time when the report was made with the run.
enum RunRecord {
  static func section(_ s: SummaryFile, maps: MapLayers?, replay: ReplayData?, context: ReportContext) -> Page.Section {
    var rows: [[String]] = [
      ["scenario", "\(s.scenario) (\(s.scenario_file))", "hash \(s.scenario_hash) (FNV-1a of the scenario text and every file it extends)"],
      ["model kind", s.kind, ""],
    ]
    for f in s.data_files ?? [] { rows.append(["data file", f.path, "hash \(f.hash)"]) }
    if let maps {
      rows.append(["boundaries", maps.districts.file, "hash \(maps.districts.hash)"])
      if let b = maps.blocks { rows.append(["boundaries", b.file, "hash \(b.hash)"]) }
    }
    if let replay { rows.append(["trace", replay.folder + "/ambulance-tracks.geojson", "hash \(replay.hash)"]) }
    rows += [
      ["master seed", String(s.seed), "each replication's streams are seeded from (seed, replication, stream name)"],
      ["random number generator", s.rng, "GNU Scientific Library"],
      ["replications", String(s.replications), "independent; CIs are Student-t over replications"],
      ["horizon", days(s.horizon_min), s.start_date.map { "from \(Dates.label($0) ?? $0)" } ?? ""],
      ["warm-up", days(s.warmup_min), s.warmup_method == "mser5" ? "detected by MSER-5 on a pilot run" : "fixed in the scenario"],
      ["trajectory fingerprint", s.fingerprint ?? "-", "changes whenever anything that happens in the run changes"],
      ["TeleSim version", s.telesim_version, "schema \(s.schema)"],
      ["run time", context.runSeconds.map { "\(DisplayUnit.readable($0)) s" } ?? "not recorded",
       context.runSeconds == nil ? "this report was made afterwards from the result folder" :
         "wall clock, \(context.threads.map { "\($0) threads" } ?? "")"],
    ]
    return Page.Section("Run record", intro: "Everything needed to repeat this run exactly: the same scenario, data, seed "
                        + "and version give byte-identical results at any thread count.",
                        [Page.table(["item", "value", "note"], rows)])
  }

  static func days(_ minutes: Double) -> String { "\(DisplayUnit.readable(minutes / 1440)) days" }
}
