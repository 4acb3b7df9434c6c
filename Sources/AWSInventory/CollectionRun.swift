import OrgCloseBasics
import PlanFiles

/// One snapshot in progress: the walk of the tree and the optional sections, run as jobs on a
/// `WorkQueue`, with what they found kept under one lock.
final class CollectionRun: Sendable {
  let aws: AWSCLI
  let options: SnapshotOptions
  let queue: WorkQueue
  let state = Locked(State())
  private let progress: @Sendable (SnapshotProgress) -> Void

  struct State {
    var parts = SnapshotParts()
    /// The first failure in the tree; it stops the run.
    var fatal: InventoryError?
    /// Listings still running per parent (two per parent: OUs and accounts).
    var openListings: [String: Int] = [:]
    var unitsWalked = 0
    /// Failures of per-item calls, one gap per section: how many, and the first reason.
    var itemFailures: [String: (count: Int, first: String)] = [:]
    /// Sections whose per-item calls stopped after an access denial (the rest would fail too).
    var deniedSections: Set<String> = []
    var costsFailure: String?
  }

  init(
    aws: AWSCLI, options: SnapshotOptions, progress: @escaping @Sendable (SnapshotProgress) -> Void
  ) {
    self.aws = aws
    self.options = options
    self.queue = WorkQueue(workers: options.parallel)
    self.progress = progress
  }

  /// Runs every job and returns the parts, or the tree's first failure.
  func collect() throws(InventoryError) -> SnapshotParts {
    let organization = try describeOrganization()
    state.withLock { $0.parts.organization = organization }
    queue.submit { [self] in listRoots() }
    submitOptionalSections()
    queue.runUntilIdle()
    let finished = state.withLock { $0 }
    if let fatal = finished.fatal { throw fatal }
    var parts = finished.parts
    for (section, failure) in finished.itemFailures.sorted(by: { $0.key < $1.key }) {
      parts.addGap(
        section,
        failure.count == 1
          ? failure.first : "\(failure.count) calls failed; the first: \(failure.first)")
    }
    if let reason = finished.costsFailure {
      parts.costs = nil
      parts.addGap("costs", reason)
    }
    return parts
  }

  // MARK: The tree

  private func describeOrganization() throws(InventoryError) -> SnapshotDocument.OrganizationRecord
  {
    let request = AWSRequest(
      service: "organizations", command: "describe-organization",
      operation: "DescribeOrganization")
    let output = try aws.fetch(request)
    aws.count(pages: 1)
    guard let wire = output.organization else {
      throw .malformedOutput(call: request.description, reason: "Organization is missing")
    }
    switch WireMapping.organization(wire) {
    case .success(let record): return record
    case .failure(let error):
      throw .malformedOutput(call: request.description, reason: error.reason)
    }
  }

  private func listRoots() {
    tree { () throws(InventoryError) in
      let request = AWSRequest.organizationsList("list-roots", "ListRoots")
      let output = try aws.fetch(request)
      guard let roots = output.roots else {
        throw .malformedOutput(call: request.description, reason: "Roots is missing")
      }
      aws.count(pages: RequestStatistics.pages(items: roots.count, pageSize: AWSCLI.pageSize))
      var records: [SnapshotDocument.RootRecord] = []
      for (index, root) in roots.enumerated() {
        guard let id = root.id else {
          throw .malformedOutput(call: request.description, reason: "Roots[\(index)].Id is missing")
        }
        records.append(.init(id: id, name: root.name ?? "Root"))
      }
      state.withLock { $0.parts.roots = records }
      for root in records { walk(root.id) }
    }
  }

  /// Lists the child OUs and the accounts of `parent`, as two jobs.
  private func walk(_ parent: String) {
    state.withLock { $0.openListings[parent] = 2 }
    queue.submit { [self] in listUnits(under: parent) }
    queue.submit { [self] in listAccounts(under: parent) }
  }

  private func listUnits(under parent: String) {
    tree { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-organizational-units-for-parent", "ListOrganizationalUnitsForParent",
        ["--parent-id", parent])
      let output = try aws.fetch(request)
      guard let units = output.organizationalUnits else {
        throw .malformedOutput(call: request.description, reason: "OrganizationalUnits is missing")
      }
      aws.count(pages: RequestStatistics.pages(items: units.count, pageSize: AWSCLI.pageSize))
      var records: [SnapshotDocument.UnitRecord] = []
      for (index, unit) in units.enumerated() {
        guard let id = unit.id else {
          throw .malformedOutput(
            call: request.description, reason: "OrganizationalUnits[\(index)].Id is missing")
        }
        records.append(.init(id: id, name: unit.name ?? id, parentId: parent))
      }
      let new = state.withLock { state in
        records.filter { state.parts.units.updateValue($0, forKey: $0.id) == nil }
      }
      for unit in new { walk(unit.id) }
      finishListing(of: parent)
    }
  }

  private func listAccounts(under parent: String) {
    tree { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-accounts-for-parent", "ListAccountsForParent", ["--parent-id", parent])
      let output = try aws.fetch(request)
      guard let accounts = output.accounts else {
        throw .malformedOutput(call: request.description, reason: "Accounts is missing")
      }
      aws.count(pages: RequestStatistics.pages(items: accounts.count, pageSize: AWSCLI.pageSize))
      var records: [SnapshotDocument.AccountRecord] = []
      for (index, account) in accounts.enumerated() {
        guard let id = account.id else {
          throw .malformedOutput(
            call: request.description, reason: "Accounts[\(index)].Id is missing")
        }
        records.append(WireMapping.account(account, id: id, parent: parent))
      }
      state.withLock { state in
        for record in records { state.parts.accounts[record.id] = record }
      }
      if options.includeTags {
        for record in records { queue.submit { [self] in listTags(of: record.id) } }
      }
      finishListing(of: parent)
    }
  }

  private func finishListing(of parent: String) {
    let report = state.withLock { state -> SnapshotProgress in
      let open = (state.openListings[parent] ?? 1) - 1
      state.openListings[parent] = open == 0 ? nil : open
      if open == 0 && parent.hasPrefix("ou-") { state.unitsWalked += 1 }
      return SnapshotProgress(
        unitsWalked: state.unitsWalked, unitsFound: state.parts.units.count,
        accounts: state.parts.accounts.count,
        invocations: aws.statistics.withLock { $0.invocations })
    }
    progress(report)
  }

  /// Runs a tree job; its failure stops the whole run.
  private func tree(_ body: () throws(InventoryError) -> Void) {
    guard !queue.isCancelled else { return }
    do {
      try body()
    } catch {
      state.withLock { $0.fatal = $0.fatal ?? error }
      queue.cancel()
    }
  }
}
