import ClosurePlanner
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose check PLAN --snapshot SNAPSHOT [--policy FILE] [--format text|json]`.
///
/// Tells whether the plan is still what the organization as it is now, and the policy,
/// produce: exit 0 when it is, 3 when not. A plan made with a policy is never checked
/// without one: that is a usage error naming the policy's digest, not a verdict.
struct CheckCommand: Command {
  var planFile: String
  var run: PlanningRun
  var format: ReportFormat
  var policyFile: String? { run.policyFile }

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .check)
    planFile = try parsed.positionals("a plan file (orgclose check PLAN --snapshot SNAPSHOT)")[0]
    let snapshot = try parsed.required("snapshot")
    try DashArgument.checkOneStandardInput(
      [planFile, snapshot, parsed.value("policy")], command: "check")
    run = PlanningRun(
      command: "check", snapshotFile: snapshot, policyFile: parsed.value("policy"), start: nil)
    format = try parsed.format(ReportFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> ExitStatus {
    let plan = try PlanFiles.readPlan(planFile)
    if let digest = plan.inputs.policy, run.policyFile == nil {
      // Replanning without the policy would report every decision in it as a change.
      throw UsageError(
        "check: \(PlanFiles.displayName(planFile)) was made with a policy (\(digest)); pass "
          + "that policy with --policy FILE", command: "check")
    }
    let (organization, policy) = try run.inputs()
    try PlanFiles.requireSameOrganization(
      plan, file: planFile, as: organization.value.id.rawValue, of: run.snapshotFile,
      otherKind: .snapshot)
    let check = try PlanCheck(
      plan: plan, organization: organization.value, policy: policy?.value,
      inputs: .init(snapshot: organization.digest, policy: policy?.digest))
    let report = CheckReport(
      planFile: PlanFiles.displayName(planFile), run: run, plan: plan, check: check)
    if format == .json {
      let document = CheckJSON(
        report, current: .init(snapshot: organization.digest, policy: policy?.digest))
      console.out(String(decoding: PlanFiles.encode(document), as: UTF8.self))
      return check.isFresh ? .success : .stale
    }
    var text =
      report.verdictLines(policyStart: policy?.value.startDate)
      .joined(separator: "\n") + "\n"
    if !check.isFresh {
      text +=
        "\n" + DiffRenderer().render(check.diff, organizationID: plan.organization.id.rawValue)
    }
    console.out(text)
    return check.isFresh ? .success : .stale
  }
}
