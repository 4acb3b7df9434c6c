import ClosurePlanner
import OrgGraph
import PlanFiles

/// `orgclose validate SNAPSHOT [--policy FILE]`: reads and checks the files, plans nothing.
struct ValidateCommand: Command {
  var run: PlanningRun

  init(_ arguments: [String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(arguments, command: "validate", options: ["policy"])
      let snapshot = try parsed.positionals("a snapshot file (orgclose validate SNAPSHOT)")[0]
      try DashArgument.checkOneStandardInput(
        [snapshot, parsed.value("policy")], command: "validate")
      run = PlanningRun(
        command: "validate", snapshotFile: snapshot, policyFile: parsed.value("policy"), start: nil)
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    let (organization, policy) = try run.inputs()
    if let policy {
      // The policy's account IDs are checked against the snapshot by the planner.
      do {
        _ = try ClosurePlanner().plan(
          organization.value, policy: policy.value,
          startDate: policy.value.startDate ?? .init(daysSince1970: 0),
          inputs: .init(snapshot: organization.digest, policy: policy.digest))
      } catch {
        throw CommandFailure(error, policyFile: run.policyFile)
      }
    }
    let org = organization.value
    console.out(
      "\(PlanFiles.displayName(run.snapshotFile)): valid: organization \(org.id), \(org.organizationalUnits.count) OUs, "
        + "\(org.accounts.count) accounts (\(org.members.count) members)\n")
    if let file = run.policyFile { console.out("\(PlanFiles.displayName(file)): valid\n") }
    console.leaveToExit(org)
    return .success
  }
}
