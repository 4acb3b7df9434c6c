import ClosurePlanner
import PlanFiles

/// `orgclose guard-policy SNAPSHOT --policy FILE [--out FILE]`: the IAM policy that denies
/// `CloseAccount` on the protected accounts (rule B14).
struct GuardPolicyCommand: Command {
  var run: PlanningRun
  var policyFile: String
  var out: String?

  init(_ arguments: [String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(arguments, spec: .guardPolicy)
      let snapshot = try parsed.positionals("a snapshot file (orgclose guard-policy SNAPSHOT)")[0]
      guard let policy = parsed.value("policy") else {
        throw UsageError("guard-policy needs --policy FILE", command: "guard-policy")
      }
      try DashArgument.checkOneStandardInput([snapshot, policy], command: "guard-policy")
      policyFile = policy
      run = PlanningRun(
        command: "guard-policy", snapshotFile: snapshot, policyFile: policy, start: nil)
      out = DashArgument.outputFile(parsed.value("out"))
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    let (organization, policy) = try run.inputs()
    let document: GuardPolicy
    do {
      document = try GuardPolicy(
        organization: organization.value, policy: policy?.value ?? .empty)
    } catch {
      throw CommandFailure(status: .dataError, message: "\(policyFile): \(error)")
    }
    let data = PlanFiles.encode(document)
    if let out {
      do {
        try PlanFiles.write(data, to: out, protecting: run.inputFiles)
      } catch {
        throw CommandFailure(error)
      }
    } else {
      console.out(String(decoding: data, as: UTF8.self))
    }
    return .success
  }
}
