import Foundation
import Experiments

/// Where the fuzzed text pretends to live, so that relative data paths resolve:
/// `TELESIM_FUZZ_FOLDER`, else this package's `../scenarios`.
let folder: String = {
  if let folder = ProcessInfo.processInfo.environment["TELESIM_FUZZ_FOLDER"], !folder.isEmpty {
    return folder
  }
  return URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios").path
}()

/// libFuzzer's entry point: one input per call, loaded and, when valid and small, run. The C name is what libFuzzer's `main` calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  ReplicationFuzzing.exercise(Array(UnsafeRawBufferPointer(start: start, count: count)), folder: folder)
  return 0
}
