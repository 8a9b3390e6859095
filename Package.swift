// swift-tools-version: 6.1
// TeleSim: discrete-event simulation and capacity planning for telemedicine networks.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

/// Debug builds check the engine's and the models' invariants as they run (heap property,
/// monotone clock, resource and patient conservation); release builds compile the checks away.
let internalChecks: [SwiftSetting] = [.define("SIM_INTERNAL_CHECKS", .when(configuration: .debug))]

let package = Package(
  name: "TeleSim",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "telesim", targets: ["telesim"]),
    // The browser workbench: its own executable, so that `telesim` builds without a web framework.
    .executable(name: "telesim-serve", targets: ["telesim-serve"]),
    .library(name: "SimKernel", targets: ["SimKernel"]),
    .library(name: "SimRandom", targets: ["SimRandom"]),
    .library(name: "SimStats", targets: ["SimStats"]),
    // For the fuzzing harness in Fuzz/ (a separate package).
    .library(name: "ScenarioIO", targets: ["ScenarioIO"]),
    .library(name: "Experiments", targets: ["Experiments"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // GNU Scientific Library, wrapped once.
    .systemLibrary(
      name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
    .target(name: "CGSLSupport", dependencies: ["CGSL"]),
    // Per-thread heap allocation counter for the benchmark and allocation tests.
    .target(name: "CMallocCounter"),

    // Engine: no domain knowledge.
    .target(name: "SimKernel", swiftSettings: internalChecks),
    .target(name: "SimRandom", dependencies: ["CGSL", "CGSLSupport"]),
    .target(name: "SimStats", dependencies: ["CGSL", "CGSLSupport"]),

    // Models built on the engine.
    .target(name: "QueueNetwork", dependencies: ["SimKernel", "SimRandom", "SimStats"], swiftSettings: internalChecks),
    .target(name: "CareModel", dependencies: ["SimKernel", "SimRandom", "SimStats"], swiftSettings: internalChecks),
    .target(name: "Pathways", dependencies: ["SimKernel", "SimRandom", "SimStats"], swiftSettings: internalChecks),

    // Scenario files, experiments, reports, CLI.
    .target(
      name: "ScenarioIO",
      dependencies: [
        "QueueNetwork", "Pathways", "CareModel", "SimKernel", "SimRandom", "SimStats",
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "Experiments", dependencies: ["QueueNetwork", "Pathways", "CareModel", "ScenarioIO", "SimStats"]),
    .target(
      name: "Reporting",
      dependencies: ["Experiments", "ScenarioIO", "CareModel", "SimKernel", .product(name: "Plot", package: "Plot")],
      // Its tests reach the chart and map internals in release builds too (the suite runs in
      // release); nothing here is on a hot path.
      swiftSettings: [.unsafeFlags(["-enable-testing"])]),
    .executableTarget(
      name: "telesim",
      dependencies: [
        "Experiments", "Reporting", "ScenarioIO", "CMallocCounter", "QueueNetwork", "CareModel", "SimKernel",
        "SimRandom", "SimStats",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .target(
      name: "SimTestSupport", dependencies: ["SimStats", "SimKernel", "SimRandom", "CareModel"],
      path: "Tests/SimTestSupport"),
    // The browser workbench: HTTP API and page over the scenario folder, run history in SQLite.
    // Its tests reach internals in release builds too (the suite runs in release).
    .target(
      name: "Workbench",
      dependencies: ["ScenarioIO", .product(name: "Hummingbird", package: "hummingbird"),
                     .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: [.unsafeFlags(["-enable-testing"])]),
    .executableTarget(
      name: "telesim-serve",
      dependencies: ["Workbench", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .testTarget(
      name: "WorkbenchTests",
      dependencies: ["Workbench", .product(name: "HummingbirdTesting", package: "hummingbird")]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "SimTestSupport"]),
    .testTarget(name: "SimRandomTests", dependencies: ["SimRandom", "SimStats", "SimTestSupport"]),
    .testTarget(name: "SimStatsTests", dependencies: ["SimStats", "SimRandom", "SimTestSupport"]),
    .testTarget(
      name: "QueueNetworkTests",
      dependencies: ["QueueNetwork", "CMallocCounter", "SimKernel", "SimRandom", "SimTestSupport"]),
    .testTarget(
      name: "PathwaysTests", dependencies: ["Pathways", "CMallocCounter", "SimKernel", "SimRandom", "SimStats", "SimTestSupport"]),
    .testTarget(
      name: "CareModelTests",
      dependencies: ["CareModel", "SimKernel", "SimRandom", "SimStats", "SimTestSupport", "CMallocCounter"]),
    .testTarget(
      name: "ScenarioIOTests", dependencies: ["ScenarioIO", "QueueNetwork", "Pathways", "SimTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ReportingTests", dependencies: ["Reporting", "Experiments", "ScenarioIO", "CareModel", "SimKernel", "SimTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "ExperimentsTests", dependencies: ["Experiments", "Reporting", "Pathways", "SimTestSupport"]),
    .testTarget(
      name: "ValidationTests",
      dependencies: ["QueueNetwork", "Experiments", "SimKernel", "SimRandom", "SimStats", "SimTestSupport"]),
  ]
)

// TELESIM_WITHOUT_WORKBENCH=1 builds everything but the workbench and its web framework: the
// engine, the models and the CLI do not need it, and the debug stage of scripts/test.sh saves
// building a web server in debug.
if Context.environment["TELESIM_WITHOUT_WORKBENCH"] != nil {
  let workbench: Set<String> = ["Workbench", "telesim-serve", "WorkbenchTests"]
  package.targets.removeAll { workbench.contains($0.name) }
  package.products.removeAll { $0.name == "telesim-serve" }
  package.dependencies.removeAll {
    guard case .sourceControl(_, let location, _) = $0.kind else { return false }
    return location.contains("hummingbird") || location.contains("GRDB")
  }
}
