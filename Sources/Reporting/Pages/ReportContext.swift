import Foundation

/// What a report needs besides the result folder: where the trace and the boundaries are, and
/// how long the run took when the report is made right after it.
public struct ReportContext: Sendable {
  /// A `--trace` folder to replay (ambulance drives).
  public var traceFolder: String?
  /// The folder holding `districts.geojson` (and optionally `blocks.geojson`); nil: look
  /// beside the scenario's data files.
  public var boundariesFolder: String?
  /// Wall-clock seconds of the run, when known.
  public var runSeconds: Double?
  /// Worker threads of the run, when known.
  public var threads: Int?

  public init(traceFolder: String? = nil, boundariesFolder: String? = nil, runSeconds: Double? = nil, threads: Int? = nil) {
    self.traceFolder = traceFolder
    self.boundariesFolder = boundariesFolder
    self.runSeconds = runSeconds
    self.threads = threads
  }

  /// Folders where boundaries may be: the one given, else each data file's folder relative to
  /// the scenario file (as the run resolved them).
  func boundaryCandidates(scenarioFile: String, dataFiles: [String]) -> [String] {
    if let boundariesFolder { return [boundariesFolder] }
    let scenarioFolder = (scenarioFile as NSString).deletingLastPathComponent
    var folders: [String] = []
    for f in dataFiles {
      let folder = ((scenarioFolder as NSString).appendingPathComponent(f) as NSString).deletingLastPathComponent
      let standard = (folder as NSString).standardizingPath
      if !folders.contains(standard) { folders.append(standard) }
    }
    return folders
  }

  /// District (and block) boundaries for the run's maps, or nil when none are found or the
  /// run has no districts.
  func mapLayers(for summary: SummaryFile) -> MapLayers? {
    mapLayers(scenarioFile: summary.scenario_file, dataFiles: (summary.data_files ?? []).map(\.path))
  }

  func mapLayers(scenarioFile: String, dataFiles: [String]) -> MapLayers? {
    for folder in boundaryCandidates(scenarioFile: scenarioFile, dataFiles: dataFiles) {
      let districts = folder + "/districts.geojson"
      guard FileManager.default.fileExists(atPath: districts),
            let d = try? Boundaries.load(districts, nameKeys: ["district", "name"]) else { continue }
      let blocks = try? Boundaries.load(folder + "/blocks.geojson", nameKeys: ["block", "name"])
      return MapLayers(districts: d, blocks: blocks)
    }
    return nil
  }
}

/// The boundaries maps are drawn on.
struct MapLayers {
  var districts: Boundaries
  var blocks: Boundaries?

  /// Blocks named `District/Block`, as TeleSim's block tables name them (block names repeat
  /// across districts).
  var qualifiedBlocks: Boundaries? {
    guard var b = blocks else { return nil }
    b.areas = b.areas.map { a in
      var a = a
      a.name = (a.district.map { $0 + "/" } ?? "") + a.name
      return a
    }
    return b
  }
}
