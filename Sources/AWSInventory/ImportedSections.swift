import OrgGraph
import PlanFiles

/// The optional sections of a `--from-cli-output` folder.
///
/// A section with no saved output is a gap, except costs and tags, which are optional in
/// every snapshot.
struct ImportedSections {
  var files: [SavedFile]

  func add(to parts: inout SnapshotParts) throws(InventoryError) {
    try addDelegatedAdministrators(to: &parts)
    let handshakeFiles = files.filter { $0.output.handshakes != nil }
    if handshakeFiles.isEmpty {
      parts.addGap(
        "handshakes", Self.notSaved("aws organizations list-handshakes-for-organization"))
    } else {
      parts.handshakes = handshakeFiles.flatMap { $0.output.handshakes ?? [] }.filter(\.isOpen)
        .compactMap { wire in
          wire.id.map {
            .init(id: $0, action: wire.action ?? "UNKNOWN", state: wire.state ?? "UNKNOWN")
          }
        }
    }
    try addTransfers(to: &parts)
    let accessFiles = files.filter { $0.output.enabledServicePrincipals != nil }
    if accessFiles.isEmpty {
      parts.addGap(
        "enabledServicePrincipals",
        Self.notSaved("aws organizations list-aws-service-access-for-organization"))
    } else {
      parts.servicePrincipals = Array(
        Set(
          accessFiles.flatMap { $0.output.enabledServicePrincipals ?? [] }
            .compactMap(\.servicePrincipal)))
    }
    let featureFiles = files.filter { $0.output.enabledFeatures != nil }
    if featureFiles.isEmpty {
      parts.addGap("rootAccessFeatures", Self.notSaved("aws iam list-organizations-features"))
    } else {
      parts.rootAccessFeatures = Array(
        Set(featureFiles.flatMap { $0.output.enabledFeatures ?? [] }))
    }
    try addTags(to: &parts)
    parts.costs = try ImportedCosts(files: files.filter { $0.output.resultsByTime != nil }).costs()
  }

  private func addDelegatedAdministrators(to parts: inout SnapshotParts) throws(InventoryError) {
    let listFiles = files.filter { $0.output.delegatedAdministrators != nil }
    var records: [SnapshotDocument.DelegatedAdministratorRecord] = []
    var covered: Set<String> = []
    for file in files where file.output.delegatedServices != nil {
      let account = file.subject
      guard AccountID.isValid(account) else {
        throw .fileInvalid(
          file: file.path,
          message: "is list-delegated-services-for-account output, but its name does not start "
            + "with the account ID (save it as <account-id>.delegated-services.json)")
      }
      try file.requireComplete()
      covered.insert(account)
      records += (file.output.delegatedServices ?? []).compactMap(\.servicePrincipal).map {
        .init(accountId: account, servicePrincipal: $0)
      }
    }
    let admins = Set(listFiles.flatMap { $0.output.delegatedAdministrators ?? [] }.compactMap(\.id))
    let uncovered = admins.subtracting(covered).sorted()
    if listFiles.isEmpty {
      parts.addGap(
        "delegatedAdministrators", Self.notSaved("aws organizations list-delegated-administrators"))
    } else if !uncovered.isEmpty {
      parts.addGap(
        "delegatedAdministrators",
        "the services of \(uncovered.count) delegated administrator(s) are unknown: no "
          + "list-delegated-services-for-account output for \(ImportedTree.sample(uncovered))")
    }
    if !listFiles.isEmpty || !records.isEmpty { parts.delegatedAdministrators = records }
  }

  private func addTransfers(to parts: inout SnapshotParts) throws(InventoryError) {
    var directions: Set<String> = []
    var records: [SnapshotDocument.TransferRecord] = []
    for file in files where file.output.responsibilityTransfers != nil {
      let transfers = file.output.responsibilityTransfers ?? []
      let fromName =
        file.name.contains("inbound")
        ? "inbound" : file.name.contains("outbound") ? "outbound" : nil
      let fromARNs = Set(transfers.compactMap(\.directionFromARN))
      guard let direction = fromName ?? (fromARNs.count == 1 ? fromARNs.first : nil) else {
        throw .fileInvalid(
          file: file.path,
          message: "cannot tell whether these responsibility transfers are inbound or outbound; "
            + "put \"inbound\" or \"outbound\" in the file's name")
      }
      directions.insert(direction)
      records += transfers.compactMap { WireMapping.transfer($0, direction: direction) }
    }
    let missing = ["inbound", "outbound"].filter { !directions.contains($0) }
    if !missing.isEmpty {
      parts.addGap(
        "responsibilityTransfers",
        Self.notSaved(
          missing.map { "aws organizations list-\($0)-responsibility-transfers --type BILLING" }
            .joined(separator: " and ")))
    }
    if !directions.isEmpty { parts.transfers = records }
  }

  private func addTags(to parts: inout SnapshotParts) throws(InventoryError) {
    for file in files where file.output.tags != nil {
      guard AccountID.isValid(file.subject) else { continue }  // tags of an OU or the root
      try file.requireComplete()
      parts.tags = parts.tags ?? [:]
      parts.tags?[file.subject] = WireMapping.tags(file.output.tags ?? [])
    }
  }

  static func notSaved(_ command: String) -> String {
    "no output of '\(command)' was saved"
  }
}
