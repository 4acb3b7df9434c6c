import ClosurePlanner
import PlanFiles

/// `orgclose guard-policy SNAPSHOT --policy FILE [--out FILE]`: the IAM policy that denies
/// `CloseAccount` on the protected accounts (rule B14).
struct GuardPolicyCommand: Command {
  var run: PlanningRun
  var policyFile: String?
  var out: String?

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .guardPolicy)
    let snapshot = try parsed.positionals("a snapshot file (orgclose guard-policy SNAPSHOT)")[0]
    let policy = try parsed.required("policy")
    try DashArgument.checkOneStandardInput([snapshot, policy], command: "guard-policy")
    policyFile = policy
    run = PlanningRun(
      command: "guard-policy", snapshotFile: snapshot, policyFile: policy, start: nil)
    out = DashArgument.outputFile(parsed.value("out"))
  }

  func run(_ console: Console) throws -> ExitStatus {
    let (organization, policy) = try run.inputs()
    let document = try GuardPolicy(
      organization: organization.value, policy: policy?.value ?? .empty)
    let data = PlanFiles.encode(document)
    if let out {
      try PlanFiles.write(data, to: out, protecting: run.inputFiles)
    } else {
      console.out(String(decoding: data, as: UTF8.self))
    }
    return .success
  }
}
