import AWSInventory
import ClosurePlanner
import OrgGraph
import PlanExecution
import PlanFiles
import PlanRendering

/// What `apply` learns from the organization as it is now, before it changes anything.
struct LiveState {
  /// Accounts that read `PENDING_CLOSURE` now (rule B12).
  var pendingClosures: Set<AccountID>
  /// The OU path of each root and OU ID, to tell whether an account is where the plan put it.
  var pathOfParent: [String: String]
  /// `false` once the organization has been deleted.
  var organizationExists: Bool
}

/// The freshness check: the plan against a live (or recent) snapshot.
struct ApplyFreshness {
  var planFile: String
  var plan: ClosurePlan
  var view: ExecutablePlan
  var journal: JournalState
  var policy: PlanFiles.Loaded<Policy>?
  var snapshotFile: String?
  var connection: AWSConnection
  var clock: RunClock

  /// Refuses (exit 3) when the plan is stale, naming what changed.
  func check(tool: String) throws -> LiveState {
    if journal.isDone(StepID(.deleteOrganization)) {
      return LiveState(pendingClosures: [], pathOfParent: [:], organizationExists: false)
    }
    let organization = try currentOrganization(tool: tool)
    var pathOfParent = [organization.value.root.id.rawValue: organization.value.root.name]
    for unit in organization.value.organizationalUnits {
      pathOfParent[unit.id.rawValue] = organization.value.path(of: .organizationalUnit(unit.id))
    }
    let pending = Set(
      organization.value.accounts.filter { $0.state == .pendingClosure }.map(\.id))
    let live = LiveState(
      pendingClosures: pending, pathOfParent: pathOfParent, organizationExists: true)
    if journal.changedTheOrganization {
      let observations = organization.value.accounts.map { account in
        AccountObservation(
          id: account.id, state: account.state, path: organization.value.path(of: account.parent))
      }
      let changes = LiveComparison.changes(plan: view, journal: journal, live: observations)
      guard changes.isEmpty else {
        throw CommandFailure(
          status: .stale,
          message: "\(PlanFiles.displayName(planFile)) is stale: the organization changed "
            + "beyond what the journal explains: " + changes.joined(separator: "; ")
            + "; take a new snapshot, replan, review and approve the new plan")
      }
      return live
    }
    let check = try PlanCheck(
      plan: plan, organization: organization.value, policy: policy?.value,
      inputs: .init(snapshot: organization.digest, policy: policy?.digest))
    guard check.isFresh else {
      let diff = DiffRenderer().render(check.diff, organizationID: plan.organization.id.rawValue)
      throw CommandFailure(
        status: .stale,
        message: "\(PlanFiles.displayName(planFile)) is stale against the organization as it "
          + "is now (the comparison of orgclose check); replan, review and approve: "
          + diff.split(separator: "\n").prefix(12).joined(separator: " | "))
    }
    return live
  }

  /// `--snapshot` when it is less than 24 hours old, else a snapshot taken now.
  private func currentOrganization(tool: String) throws
    -> PlanFiles.Loaded<Organization>
  {
    if let snapshotFile {
      let loaded = try PlanFiles.readSnapshot(snapshotFile)
      let now = clock.now()
      guard let taken = loaded.value.capturedAt,
        now.seconds(since: taken) < 86_400, now.seconds(since: taken) > -300
      else {
        throw CommandFailure(
          status: .stale,
          message: "\(snapshotFile) was not taken in the last 24 hours (capturedAt "
            + "\(loaded.value.capturedAt.map { "\($0)" } ?? "missing")); take a new one, or "
            + "leave out --snapshot and apply takes one")
      }
      return loaded
    }
    let needsTags = !(policy?.value.closeProtectionTags.isEmpty ?? true)
    // Once the journal records changes, only accounts' states and places are compared
    // (LiveComparison): costs and the sections beside the tree are not read (rule K1).
    let full = !journal.changedTheOrganization
    let options = SnapshotOptions(
      connection: connection, includeCosts: full, includeTags: needsTags,
      includeOrganizationSections: full,
      today: clock.now().day, capturedAt: clock.now().description, tool: tool)
    let document = try SnapshotCollector(options: options).collect().document
    let organization = try PlanFiles.organization(from: document, file: "the live snapshot")
    return .init(value: organization, digest: PlanFiles.digest(PlanFiles.encode(document)))
  }
}
