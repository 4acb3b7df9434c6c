import OrgCloseBasics
import PlanFiles

/// The optional sections: each failure becomes a gap named after the snapshot's key, and the
/// snapshot is still written.
extension CollectionRun {
  func submitOptionalSections() {
    if options.includeTags { state.withLock { $0.parts.tags = [:] } }
    guard options.includeOrganizationSections else { return }
    queue.submit { [self] in listDelegatedAdministrators() }
    queue.submit { [self] in listHandshakes() }
    for direction in ["inbound", "outbound"] {
      queue.submit { [self] in listTransfers(direction) }
    }
    queue.submit { [self] in listServiceAccess() }
    queue.submit { [self] in listRootAccessFeatures() }
    if options.includeCosts { queue.submit { [self] in readCosts() } }
  }

  private func listDelegatedAdministrators() {
    section("delegatedAdministrators") { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-delegated-administrators", "ListDelegatedAdministrators")
      let admins = try list(request, \.delegatedAdministrators, "DelegatedAdministrators")
      state.withLock { $0.parts.delegatedAdministrators = $0.parts.delegatedAdministrators ?? [] }
      for id in admins.compactMap(\.id) {
        queue.submit { [self] in listDelegatedServices(of: id) }
      }
    }
  }

  private func listDelegatedServices(of account: String) {
    item("delegatedAdministrators", label: "services of \(account)") { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-delegated-services-for-account", "ListDelegatedServicesForAccount",
        ["--account-id", account])
      let services = try list(request, \.delegatedServices, "DelegatedServices")
      let records = services.compactMap(\.servicePrincipal).map {
        SnapshotDocument.DelegatedAdministratorRecord(accountId: account, servicePrincipal: $0)
      }
      state.withLock {
        $0.parts.delegatedAdministrators = ($0.parts.delegatedAdministrators ?? []) + records
      }
    }
  }

  private func listHandshakes() {
    section("handshakes") { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-handshakes-for-organization", "ListHandshakesForOrganization")
      let handshakes = try list(request, \.handshakes, "Handshakes")
      let open = handshakes.filter(\.isOpen).compactMap {
        wire -> SnapshotDocument.HandshakeRecord? in
        guard let id = wire.id else { return nil }
        return .init(id: id, action: wire.action ?? "UNKNOWN", state: wire.state ?? "UNKNOWN")
      }
      state.withLock { $0.parts.handshakes = open }
    }
  }

  /// The transfer lists have no CLI paginator, so orgclose follows `NextToken` itself.
  private func listTransfers(_ direction: String) {
    section("responsibilityTransfers") { () throws(InventoryError) in
      let operation = direction == "inbound" ? "Inbound" : "Outbound"
      var token: String?
      var tokens = PageTokens()
      var records: [SnapshotDocument.TransferRecord] = []
      repeat {
        var arguments = ["--type", "BILLING", "--max-results", "\(AWSCLI.pageSize)"]
        if let token { arguments += ["--next-token", token] }
        let request = AWSRequest(
          service: "organizations", command: "list-\(direction)-responsibility-transfers",
          operation: "List\(operation)ResponsibilityTransfers", arguments: arguments)
        let output = try aws.fetch(request)
        aws.count(pages: 1)
        guard let transfers = output.responsibilityTransfers else {
          throw .malformedOutput(
            call: request.description, reason: "ResponsibilityTransfers is missing")
        }
        records += transfers.compactMap { WireMapping.transfer($0, direction: direction) }
        token = try tokens.next(output.nextToken, after: request)
      } while token != nil
      state.withLock { $0.parts.transfers = ($0.parts.transfers ?? []) + records }
    }
  }

  private func listServiceAccess() {
    section("enabledServicePrincipals") { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-aws-service-access-for-organization", "ListAWSServiceAccessForOrganization")
      let principals = try list(request, \.enabledServicePrincipals, "EnabledServicePrincipals")
      state.withLock { $0.parts.servicePrincipals = principals.compactMap(\.servicePrincipal) }
    }
  }

  private func listRootAccessFeatures() {
    section("rootAccessFeatures") { () throws(InventoryError) in
      let request = AWSRequest(
        service: "iam", command: "list-organizations-features",
        operation: "ListOrganizationsFeatures")
      let output = try aws.fetch(request)
      aws.count(pages: 1)
      guard let features = output.enabledFeatures else {
        throw .malformedOutput(call: request.description, reason: "EnabledFeatures is missing")
      }
      state.withLock { $0.parts.rootAccessFeatures = features }
    }
  }

  func listTags(of account: String) {
    item("tags", label: "tags of \(account)") { () throws(InventoryError) in
      let request = AWSRequest.organizationsList(
        "list-tags-for-resource", "ListTagsForResource", ["--resource-id", account],
        paging: .automaticUnsized)
      let tags = try list(request, \.tags, "Tags")
      state.withLock { $0.parts.tags?[account] = WireMapping.tags(tags) }
    }
  }

  /// Last month's costs: one query for the Regions with cost, then one per Region (`CostQuery`).
  private func readCosts() {
    let query = CostQuery(lastFullMonthBefore: options.today)
    costs { () throws(InventoryError) in
      let byRegion = try query.groups(groupedBy: "REGION", region: nil, aws: aws)
      let regions = Set(
        byRegion.filter(\.isNonZero).compactMap { $0.keys.count == 2 ? $0.keys[1] : nil })
      state.withLock {
        $0.parts.costs = .init(periodStart: "\(query.start)", periodEnd: "\(query.end)", rows: [])
      }
      for region in regions.sorted() {
        queue.submit { [self] in readCosts(in: region, query: query) }
      }
    }
  }

  private func readCosts(in region: String, query: CostQuery) {
    costs { () throws(InventoryError) in
      let groups = try query.groups(groupedBy: "SERVICE", region: region, aws: aws)
      let rows = groups.filter(\.isCharge).compactMap { group -> SnapshotDocument.CostRowRecord? in
        guard group.keys.count == 2 else { return nil }
        return .init(
          accountId: group.keys[0], service: group.keys[1], region: region, amount: group.amount,
          unit: group.unit)
      }
      state.withLock { $0.parts.costs?.rows += rows }
    }
  }

  // MARK: Helpers

  /// Runs an automatically paged list call and returns the list under `key`.
  private func list<Element>(
    _ request: AWSRequest, _ key: KeyPath<CLIOutput, [Element]?>, _ name: String
  ) throws(InventoryError) -> [Element] {
    let output = try aws.fetch(request)
    guard let elements = output[keyPath: key] else {
      throw .malformedOutput(call: request.description, reason: "\(name) is missing")
    }
    aws.count(pages: RequestStatistics.pages(items: elements.count, pageSize: AWSCLI.pageSize))
    return elements
  }

  /// Runs a whole-section job: a failure leaves the section unread, with a gap.
  private func section(_ name: String, _ body: () throws(InventoryError) -> Void) {
    guard !queue.isCancelled else { return }
    do {
      try body()
    } catch {
      state.withLock { $0.parts.addGap(name, error.gapReason) }
    }
  }

  /// Runs a per-item job (one account's tags or services): failures are counted into one gap
  /// for the section, and after an access denial the section's remaining items are skipped.
  private func item(_ section: String, label: String, _ body: () throws(InventoryError) -> Void) {
    guard !queue.isCancelled else { return }
    let denied = state.withLock { $0.deniedSections.contains(section) }
    if denied {
      state.withLock { $0.itemFailures[section]?.count += 1 }
      return
    }
    do {
      try body()
    } catch {
      state.withLock { state in
        if case .accessDenied = error { state.deniedSections.insert(section) }
        let count = (state.itemFailures[section]?.count ?? 0) + 1
        let first = state.itemFailures[section]?.first ?? "\(label): \(error.gapReason)"
        state.itemFailures[section] = (count, first)
      }
    }
  }

  /// Runs a costs job: any failure drops the whole costs section (partial costs would mislead).
  private func costs(_ body: () throws(InventoryError) -> Void) {
    guard !queue.isCancelled else { return }
    do {
      try body()
    } catch {
      state.withLock { $0.costsFailure = $0.costsFailure ?? error.gapReason }
    }
  }
}
