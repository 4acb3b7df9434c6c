// swift-tools-version: 6.2
import PackageDescription

/// Settings every target shares, kept in one place so no target drifts from the others.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .treatAllWarnings(as: .error),
  .treatWarning("ExplicitSendable", as: .error),
]

let package = Package(
  name: "orgclose",
  products: [
    .executable(name: "orgclose", targets: ["orgclose"]),
    .library(
      name: "ClosurePlanner",
      targets: ["OrgGraph", "ClosurePlanner", "PlanFiles", "PlanRendering"]),
  ],
  dependencies: [],
  targets: [
    .target(name: "OrgCloseBasics", swiftSettings: strictSettings),
    .target(name: "OrgGraph", swiftSettings: strictSettings),
    .target(
      name: "ClosurePlanner", dependencies: ["OrgCloseBasics", "OrgGraph"],
      swiftSettings: strictSettings),
    .target(
      name: "PlanExecution", dependencies: ["OrgGraph", "ClosurePlanner"],
      swiftSettings: strictSettings),
    .target(
      name: "PlanFiles",
      dependencies: ["OrgCloseBasics", "OrgGraph", "ClosurePlanner", "PlanExecution"],
      swiftSettings: strictSettings),
    .target(
      name: "PlanRendering", dependencies: ["OrgCloseBasics", "OrgGraph", "ClosurePlanner"],
      swiftSettings: strictSettings),
    .target(
      name: "AWSInventory",
      dependencies: ["OrgCloseBasics", "OrgGraph", "ClosurePlanner", "PlanFiles", "PlanExecution"],
      swiftSettings: strictSettings),
    .target(
      name: "OrgCloseCLI",
      dependencies: [
        "OrgCloseBasics", "OrgGraph", "ClosurePlanner", "PlanFiles", "PlanRendering",
        "AWSInventory", "PlanExecution",
      ],
      swiftSettings: strictSettings),
    .executableTarget(
      name: "orgclose", dependencies: ["OrgCloseBasics", "OrgCloseCLI"],
      swiftSettings: strictSettings),
    .target(
      name: "OrgCloseFuzzing",
      dependencies: ["OrgGraph", "ClosurePlanner", "PlanFiles", "PlanRendering"],
      swiftSettings: strictSettings),
    .executableTarget(
      name: "orgclose-fuzz", dependencies: ["OrgCloseFuzzing"], swiftSettings: strictSettings),
    .target(
      name: "TestSupport",
      dependencies: ["OrgCloseBasics", "OrgGraph", "ClosurePlanner", "PlanFiles", "AWSInventory"],
      path: "Tests/TestSupport", swiftSettings: strictSettings),
    .testTarget(
      name: "OrgCloseBasicsTests", dependencies: ["OrgCloseBasics", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "OrgGraphTests", dependencies: ["OrgGraph", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ClosurePlannerTests", dependencies: ["OrgGraph", "ClosurePlanner", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PlanExecutionTests",
      dependencies: ["OrgGraph", "ClosurePlanner", "PlanExecution", "PlanFiles"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ApplyEngineTests",
      dependencies: ["OrgGraph", "ClosurePlanner", "PlanExecution", "PlanFiles", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PlanFilesTests",
      dependencies: ["OrgGraph", "ClosurePlanner", "PlanFiles", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PlanRenderingTests",
      dependencies: ["OrgGraph", "ClosurePlanner", "PlanRendering", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "AWSInventoryTests",
      dependencies: [
        "OrgCloseBasics", "OrgGraph", "ClosurePlanner", "PlanFiles", "AWSInventory", "TestSupport",
        "PlanExecution",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "OrgCloseCLITests",
      dependencies: [
        "OrgCloseBasics", "OrgGraph", "ClosurePlanner", "PlanFiles", "PlanRendering",
        "OrgCloseCLI", "AWSInventory", "TestSupport", "orgclose", "PlanExecution",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "FuzzRegressionTests", dependencies: ["OrgCloseFuzzing", "TestSupport"],
      swiftSettings: strictSettings),
  ]
)
