import ClosurePlanner
import OrgGraph
import PlanFiles

/// `orgclose validate SNAPSHOT [--policy FILE] [--format text|json]`: reads and checks the
/// files, plans nothing.
struct ValidateCommand: Command {
  var run: PlanningRun
  var format: ReportFormat
  var policyFile: String? { run.policyFile }

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .validate)
    let snapshot = try parsed.positionals("a snapshot file (orgclose validate SNAPSHOT)")[0]
    try DashArgument.checkOneStandardInput(
      [snapshot, parsed.value("policy")], command: "validate")
    run = PlanningRun(
      command: "validate", snapshotFile: snapshot, policyFile: parsed.value("policy"), start: nil)
    format = try parsed.format(ReportFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> ExitStatus {
    let (organization, policy) = try run.inputs()
    if let policy {
      // The policy's account IDs are checked against the snapshot by the planner.
      _ = try ClosurePlanner().plan(
        organization.value, policy: policy.value,
        startDate: policy.value.startDate ?? .init(daysSince1970: 0),
        inputs: .init(snapshot: organization.digest, policy: policy.digest))
    }
    let org = organization.value
    if format == .json {
      let document = ValidateJSON(
        snapshot: .init(
          file: PlanFiles.displayName(run.snapshotFile), digest: organization.digest,
          organization: org.id.rawValue, organizationalUnits: org.organizationalUnits.count,
          accounts: org.accounts.count, members: org.members.count),
        policy: policy.map {
          .init(file: PlanFiles.displayName(run.policyFile ?? "-"), digest: $0.digest)
        })
      console.out(String(decoding: PlanFiles.encode(document), as: UTF8.self))
      return .success
    }
    console.out(
      "\(PlanFiles.displayName(run.snapshotFile)): valid: organization \(org.id), \(org.organizationalUnits.count) OUs, "
        + "\(org.accounts.count) accounts (\(org.members.count) members)\n")
    if let file = run.policyFile { console.out("\(PlanFiles.displayName(file)): valid\n") }
    return .success
  }
}

/// The JSON form of `orgclose validate --format json`, printed only when every file is valid
/// (an invalid file is an error on standard error, exit 65, as in text).
struct ValidateJSON: Encodable {
  struct Snapshot: Encodable {
    var file: String
    var digest: String
    var valid = true
    var organization: String
    var organizationalUnits: Int
    var accounts: Int
    var members: Int
  }

  struct Policy: Encodable {
    var file: String
    var digest: String
    var valid = true
  }

  var snapshot: Snapshot
  /// Absent without `--policy`.
  var policy: Policy?
}
