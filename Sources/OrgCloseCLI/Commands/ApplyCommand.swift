import AWSInventory
import ClosurePlanner
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanExecution
import PlanFiles

/// `orgclose apply PLAN --journal FILE --confirm ORG_ID [aws options] [--snapshot FILE]
/// [--policy FILE] [--max-duration D] [--poll-interval S] [--dry-run]`.
struct ApplyCommand: Command {
  var planFile: String
  var journalFile: String
  var confirm: String
  var connection: AWSConnection
  var snapshotFile: String?
  var policyFile: String?
  var maxDuration: Int64
  var pollSeconds: Int64
  var dryRun: Bool
  var environment: [String: String]

  init(_ arguments: [String]) throws(UsageError) {
    try self.init(arguments, environment: ProcessInfo.processInfo.environment)
  }

  init(_ arguments: [String], environment: [String: String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .apply)
    planFile = try parsed.positionals("a plan file (orgclose apply PLAN --journal FILE)")[0]
    journalFile = try parsed.required("journal")
    confirm = try parsed.required("confirm")
    connection = AWSConnection(
      profile: parsed.value("profile"), region: parsed.value("region"),
      endpointURL: parsed.value("endpoint-url"))
    snapshotFile = parsed.value("snapshot")
    policyFile = parsed.value("policy")
    maxDuration = try Self.duration(parsed.value("max-duration") ?? "50m")
    pollSeconds = Int64(try parsed.integer("poll-interval", in: 1...3600) ?? 30)
    dryRun = parsed.flag("dry-run")
    self.environment = environment
  }

  /// `50m`, `2h`, `90s` or plain seconds, from 1 s to `limitHours` (by default 6 h, a hosted
  /// runner's job limit).
  static func duration(
    _ text: String, option: String = "max-duration", command: String = "apply",
    limitHours: Int64 = 6
  ) throws(UsageError) -> Int64 {
    let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
    let unit = text.last.flatMap { units[$0] }
    let number = Int64(unit == nil ? text : String(text.dropLast()))
    // Compared before multiplying, so an absurd number is a usage error, never an overflow.
    guard let number, number > 0, number <= limitHours * 3600 / (unit ?? 1) else {
      throw UsageError(
        "\(command): --\(option) must be like 50m, 2h or 90s, at most \(limitHours)h, not "
          + "\"\(text)\"", command: command)
    }
    return number * (unit ?? 1)
  }

  func run(_ console: Console) throws -> ExitStatus {
    let clock = RunClock(environment: environment)
    try clock.check(endpointURL: connection.endpointURL)
    let plan = try PlanFiles.readPlan(planFile)
    let digest = PlanFiles.digest(try PlanFiles.read(planFile, as: .plan))
    let organizationID = plan.organization.id.rawValue
    guard confirm == organizationID else {
      throw UsageError(
        "apply: --confirm \(confirm) is not the plan's organization \(organizationID); "
          + "type the organization ID the plan was approved for", command: "apply")
    }
    if let planPolicy = plan.inputs.policy, policyFile == nil {
      throw UsageError(
        "apply: \(PlanFiles.displayName(planFile)) was made with a policy (\(planPolicy)); "
          + "pass it with --policy FILE", command: "apply")
    }
    let policy = try policyFile.map { file throws(PlanFileError) in try PlanFiles.readPolicy(file) }
    // The approved plan's protections come from its policy: another one could drop a
    // protected account or a protection tag from the checks before each change.
    if let planPolicy = plan.inputs.policy, let policy, policy.digest != planPolicy {
      throw CommandFailure(
        status: .stale,
        message: "apply: \(PlanFiles.displayName(policyFile ?? "")) is not the policy "
          + "\(PlanFiles.displayName(planFile)) was made with (\(policy.digest), the plan's "
          + "\(planPolicy)); pass that policy, or replan with this one, review and approve")
    }
    let view = ExecutablePlan(plan)
    // The lock is taken first, so a second run is refused before it reads AWS at all.
    let journal = dryRun ? nil : try JournalFile(journalFile, note: Self.lockNote(clock))
    if let journal, journal.removedIncompleteBytes > 0 {
      console.err(
        "apply: \(OneLine.escaped(journalFile)): removed a last record cut short by a crash "
          + "(\(journal.removedIncompleteBytes) bytes); the call it may concern is settled by "
          + "reading the state\n")
    }
    let state = try journal?.state ?? JournalState(JournalFile.read(journalFile))
    if let organization = state.organization, organization != plan.organization.id {
      throw JournalError.otherOrganization(
        file: journalFile, found: organization.rawValue, expected: organizationID)
    }
    let actions = OrganizationsActions(
      connection: connection, environment: environment, timeout: .seconds(300))
    let caller = try actions.callerAccount()
    let management = plan.organization.managementAccountId
    guard caller == management else {
      throw UsageError(
        "apply: the caller is account \(caller), not the plan's management account "
          + "\(management); use its --profile", command: "apply")
    }
    let live = try ApplyFreshness(
      planFile: planFile, plan: plan, view: view, journal: state, policy: policy,
      snapshotFile: snapshotFile, connection: connection, clock: clock
    ).check(tool: "orgclose \(CLI.versionString)")
    let protection = Protection(
      accounts: Set(policy?.value.protectedAccounts ?? []),
      tags: policy?.value.closeProtectionTags ?? [:])
    guard let journal else {
      let schedule = Schedule(plan: view, journal: state)
      let pending = live.pendingClosures.union(OpenClosures(plan: view, journal: state).accounts)
      let outlook = ApplyOutlook(
        plan: view, now: clock.now(),
        decide: { schedule.decide($0, now: clock.now(), pendingClosures: pending.count) },
        dryRun: true,
        closureSlots: min(
          max(0, view.quota.concurrent - pending.count), schedule.closuresLeft(at: clock.now())))
      console.out("apply --dry-run: nothing was changed, the journal included. " + outlook.text)
      return .success
    }
    if !state.planDigests.contains(digest) {
      try journal.append(
        JournalRecord(
          .header(
            .init(
              organization: plan.organization.id, planDigest: digest,
              tool: "orgclose \(CLI.versionString)")), at: clock.now()))
    }
    let engine = ApplyEngine(
      plan: view, journal: journal,
      organization: AWSOrganization(actions: actions, pathOfParent: live.pathOfParent),
      clock: clock,
      settings: .init(
        maxDurationSeconds: maxDuration, pollSeconds: pollSeconds, protection: protection),
      pendingClosures: live.pendingClosures)
    let summary = try engine.run()
    return ApplyReport(plan: view, journal: journal.state, summary: summary, now: clock.now())
      .print(to: console)
  }

  /// Who holds the lock: process, host, user and since when.
  static func lockNote(_ clock: RunClock) -> String {
    let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown user"
    return
      "pid \(getpid()) on \(ProcessInfo.processInfo.hostName) as \(user), since \(clock.now())\n"
  }
}
