/// The planner's report of a result folder as one self-contained HTML page.
public enum HTMLReport {
  /// The page for the folder `path` written by `run`, `compare` or `sweep` with `--out`.
  /// - Throws: ``ReportError`` when the folder is not a TeleSim result, or the trace or
  ///   boundaries given cannot be read.
  public static func html(folder path: String, context: ReportContext = ReportContext()) throws(ReportError) -> String {
    let folder = try ResultFolder(path)
    switch folder.kind {
    case .run: return try RunPage(folder: folder, context: context).render()
    case .compare: return try ComparePage(folder: folder, context: context).render()
    case .sweep: return try SweepPage(folder: folder, context: context).render()
    }
  }
}
