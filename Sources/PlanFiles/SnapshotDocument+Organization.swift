import OrgGraph

extension SnapshotDocument {
  /// Checks every identifier and value and builds the validated organization.
  ///
  /// - Throws: `DocumentError` with the JSON path of the first problem.
  func organizationModel() throws(DocumentError) -> Organization {
    let org = organization
    let parts = Organization.Parts(
      id: try identifier(org.id, at: "organization.id"),
      arn: org.arn ?? "",
      featureSet: FeatureSet(awsValue: org.featureSet),
      managementAccountID: try identifier(
        org.managementAccountId, at: "organization.managementAccountId"),
      managementAccountEmail: try org.managementAccountEmail.map { email throws(DocumentError) in
        try emailAddress(email, at: "organization.managementAccountEmail")
      } ?? "",
      roots: try roots.enumerated().map { index, root throws(DocumentError) in
        Root(id: try identifier(root.id, at: "roots[\(index)].id"), name: root.name)
      },
      organizationalUnits: try (organizationalUnits ?? []).enumerated().map {
        index, unit throws(DocumentError) in
        OrganizationalUnit(
          id: try identifier(unit.id, at: "organizationalUnits[\(index)].id"), name: unit.name,
          parent: try parent(unit.parentId, at: "organizationalUnits[\(index)].parentId"))
      },
      accounts: try accounts.enumerated().map { index, account throws(DocumentError) in
        try accountModel(account, index: index)
      },
      delegatedAdministrators: try (delegatedAdministrators ?? []).enumerated().map {
        index, admin throws(DocumentError) in
        DelegatedAdministrator(
          accountID: try identifier(
            admin.accountId, at: "delegatedAdministrators[\(index)].accountId"),
          servicePrincipal: try servicePrincipal(
            admin.servicePrincipal, at: "delegatedAdministrators[\(index)].servicePrincipal"))
      },
      handshakes: try (handshakes ?? []).enumerated().map {
        index, handshake throws(DocumentError) in
        Handshake(
          id: try identifier(handshake.id, at: "handshakes[\(index)].id"),
          action: HandshakeAction(awsValue: handshake.action),
          state: HandshakeState(awsValue: handshake.state))
      },
      responsibilityTransfers: try (responsibilityTransfers ?? []).enumerated().map {
        index, transfer throws(DocumentError) in
        let path = "responsibilityTransfers[\(index)]"
        guard let direction = ResponsibilityTransfer.Direction(rawValue: transfer.direction) else {
          throw DocumentError(
            path: "\(path).direction",
            message: "\"\(transfer.direction)\" is not inbound or outbound")
        }
        return ResponsibilityTransfer(
          id: try identifier(transfer.id, at: "\(path).id"), direction: direction,
          status: TransferStatus(awsValue: transfer.status),
          endTimestamp: try transfer.endTimestamp.map { stamp throws(DocumentError) in
            try timestamp(stamp, at: "\(path).endTimestamp")
          },
          activeHandshakeID: try transfer.activeHandshakeId.map { raw throws(DocumentError) in
            try identifier(raw, at: "\(path).activeHandshakeId")
          })
      },
      enabledServicePrincipals: try (enabledServicePrincipals ?? []).enumerated().map {
        index, principal throws(DocumentError) in
        try servicePrincipal(principal, at: "enabledServicePrincipals[\(index)]")
      },
      rootAccessFeatures: rootAccessFeatures ?? [],
      costs: try costs.map { costs throws(DocumentError) in try costReport(costs) },
      gaps: (gaps ?? []).map { SnapshotGap(section: $0.section, reason: $0.reason) },
      capturedAt: try capturedAt.map { raw throws(DocumentError) in
        try timestamp(.text(raw), at: "capturedAt")
      })
    do {
      return try Organization(validating: parts)
    } catch {
      throw DocumentError(path: error.path, message: error.message)
    }
  }

  private func accountModel(_ account: AccountRecord, index: Int) throws(DocumentError)
    -> Account
  {
    let path = { "accounts[\(index)]" }
    let state: AccountState
    if let raw = account.state {
      state = AccountState(awsValue: raw)
    } else if let legacy = account.status {
      state = AccountState(legacyStatus: legacy)  // rules A6, A6a: SUSPENDED is ambiguous
    } else {
      throw DocumentError(path: "\(path()).state", message: "is missing (and so is status)")
    }
    return Account(
      id: try identifier(account.id, at: "\(path()).id"),
      name: try accountName(account.name, at: "\(path()).name"),
      email: try emailAddress(account.email, at: "\(path()).email"), state: state,
      joinedMethod: JoinedMethod(awsValue: account.joinedMethod),
      joinedTimestamp: try account.joinedTimestamp.map { stamp throws(DocumentError) in
        try timestamp(stamp, at: "\(path()).joinedTimestamp")
      },
      parent: try parent(account.parentId, at: "\(path()).parentId"),
      tags: account.tags.map { tags in tags.map { Tag(key: $0.key, value: $0.value) } })
  }

  private func costReport(_ costs: CostsRecord) throws(DocumentError) -> CostReport {
    CostReport(
      periodStart: try day(costs.periodStart, at: "costs.periodStart"),
      periodEnd: try day(costs.periodEnd, at: "costs.periodEnd"),
      rows: try costs.rows.enumerated().map { index, row throws(DocumentError) in
        CostRow(
          accountID: try identifier(row.accountId, at: "costs.rows[\(index)].accountId"),
          service: row.service, region: row.region,
          amount: try costAmount(row.amount.text, at: "costs.rows[\(index)].amount"),
          unit: row.unit)
      })
  }
}

/// Parses an identifier of type `ID`, or throws naming `path` and the expected format.
///
/// `path` is built only on failure: a snapshot checks several values per account, nearly
/// all of them valid.
func identifier<ID: AWSIdentifier>(_ raw: String, at path: @autoclosure () -> String)
  throws(DocumentError) -> ID
{
  guard let id = ID(rawValue: raw) else {
    throw DocumentError(
      path: path(), message: "\"\(raw)\" is not a valid ID (expected \(ID.formatDescription))")
  }
  return id
}

private func parent(_ raw: String, at path: @autoclosure () -> String) throws(DocumentError)
  -> ParentID
{
  guard let parent = ParentID(rawValue: raw) else {
    throw DocumentError(
      path: path(), message: "\"\(raw)\" is not a root ID (r-…) or an OU ID (ou-…-…)")
  }
  return parent
}

private func timestamp(_ wire: WireTimestamp, at path: @autoclosure () -> String)
  throws(DocumentError) -> Timestamp
{
  switch wire {
  case .epochSeconds(let seconds):
    if let stamp = Timestamp(secondsSince1970: seconds) { return stamp }
    throw DocumentError(path: path(), message: "\(seconds) is not a usable epoch time")
  case .text(let text):
    if let stamp = Timestamp(iso8601: text) { return stamp }
    throw DocumentError(path: path(), message: "\"\(text)\" is not an ISO-8601 date-time")
  }
}

/// Parses `YYYY-MM-DD`, or throws naming `path`.
func day(_ raw: String, at path: @autoclosure () -> String) throws(DocumentError)
  -> CalendarDay
{
  guard let day = CalendarDay(iso8601: raw) else {
    throw DocumentError(path: path(), message: "\"\(raw)\" is not a date of the form YYYY-MM-DD")
  }
  return day
}
