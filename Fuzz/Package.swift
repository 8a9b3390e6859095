// swift-tools-version: 6.1
// libFuzzer harness for TeleSim's scenario reader; not a dependency of the library.
// Build and run it with scripts/fuzz.sh (see there for the flags, which must include
// -sanitize=fuzzer and -parse-as-library).
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
  name: "TeleSimFuzz",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "TeleSim", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzScenario",
      dependencies: ["FuzzerEntry", .product(name: "Experiments", package: "TeleSim")]),
    // The program's `main`, in C: see the comment in FuzzerEntry.c.
    .target(name: "FuzzerEntry"),
  ]
)
