import ClosurePlanner
public import Foundation
import OrgGraph
import PlanFiles
import PlanRendering

/// Feeds arbitrary bytes to everything that reads files, and plans and renders whatever
/// decodes: the body of the fuzzer and of its regression tests.
///
/// The first byte picks the target (snapshot, policy or plan); the rest is the file. Errors
/// are expected and ignored: only a crash, a trap or a hang is a finding.
public enum FuzzHarness: Sendable {
  /// The targets, in the order the first byte selects them (modulo their count).
  public enum Target: UInt8, CaseIterable, Sendable {
    case snapshot = 0
    case policy = 1
    case plan = 2
  }

  /// How far an input got: its target, whether it decoded, and how many plans were made
  /// and rendered from it.
  public struct Outcome: Equatable, Sendable {
    public var target: Target?
    public var decoded: Bool
    public var plansRendered: Int
  }

  /// Runs one input.
  @discardableResult
  public static func exercise(_ input: Data) -> Outcome {
    guard let selector = input.first else {
      return Outcome(target: nil, decoded: false, plansRendered: 0)
    }
    let target = Target.allCases[Int(selector) % Target.allCases.count]
    let bytes = Data(input.dropFirst())
    let (decoded, plans): (Bool, Int)
    switch target {
    case .snapshot: (decoded, plans) = exerciseSnapshot(bytes)
    case .policy: (decoded, plans) = exercisePolicy(bytes)
    case .plan: (decoded, plans) = exercisePlan(bytes)
    }
    return Outcome(target: target, decoded: decoded, plansRendered: plans)
  }

  /// The seed input for `file` read as `target`.
  public static func seed(_ target: Target, file: Data) -> Data {
    Data([target.rawValue]) + file
  }

  private static let start = CalendarDay(year: 2026, month: 12, day: 1) ?? .init(daysSince1970: 0)

  private static func exerciseSnapshot(_ bytes: Data) -> (Bool, Int) {
    guard let document = try? PlanFiles.decodeSnapshotDocument(bytes, file: "fuzz"),
      let organization = try? PlanFiles.organization(from: document, file: "fuzz")
    else { return (false, 0) }
    var rendered = 0
    for strategy in Strategy.allCases {
      guard
        let plan = try? ClosurePlanner().plan(
          organization, policy: Policy(strategy: strategy), startDate: start,
          inputs: .init(snapshot: "sha256:fuzz", policy: nil))
      else { continue }
      render(plan)
      rendered += 1
    }
    return (true, rendered)
  }

  private static func exercisePolicy(_ bytes: Data) -> (Bool, Int) {
    guard let policy = try? PlanFiles.decodePolicy(bytes, file: "fuzz").value,
      let organization = try? PlanFiles.organization(
        from: SnapshotGenerator(accounts: 12, organizationalUnits: 4, depth: 3, seed: 3).document(),
        file: "fuzz")
    else { return (false, 0) }
    _ = try? GuardPolicy(organization: organization, policy: policy)
    guard
      let plan = try? ClosurePlanner().plan(
        organization, policy: policy, startDate: policy.startDate ?? start,
        inputs: .init(snapshot: "sha256:fuzz", policy: "sha256:fuzz"))
    else { return (true, 0) }
    render(plan)
    return (true, 1)
  }

  private static func exercisePlan(_ bytes: Data) -> (Bool, Int) {
    guard let decoded = try? PlanFiles.decodePlan(bytes, file: "fuzz"),
      let plan = try? PlanFiles.validated(decoded, file: "fuzz")
    else { return (false, 0) }
    render(plan)
    render(PlanRedaction(names: true).redacting(plan))
    return (true, 2)
  }

  private static func render(_ plan: ClosurePlan) {
    let renderers: [any PlanRenderer] = [
      TextPlanRenderer(), MarkdownPlanRenderer(), MermaidRenderer(), DOTRenderer(),
      BlockersRenderer(style: .text), BlockersRenderer(style: .markdown),
    ]
    for renderer in renderers { _ = renderer.render(plan) }
    _ = PlanFiles.encodedPlan(plan)
  }
}
