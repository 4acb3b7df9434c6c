import OrgGraph
import PlanFiles

/// Maps the CLI's wire values to snapshot records, the same way for live calls and saved files.
enum WireMapping {
  /// The organization record, or the name of the missing field.
  static func organization(_ wire: WireOrganization) -> Result<
    SnapshotDocument.OrganizationRecord, WireError
  > {
    guard let id = wire.id else { return .failure(WireError(reason: "Organization.Id is missing")) }
    guard let management = wire.masterAccountID else {
      return .failure(WireError(reason: "Organization.MasterAccountId is missing"))
    }
    return .success(
      .init(
        id: id, arn: wire.arn, featureSet: wire.featureSet ?? "ALL",
        managementAccountId: management, managementAccountEmail: wire.masterAccountEmail))
  }

  /// The account record under `parent`, keeping both `State` and the retired `Status`.
  static func account(_ wire: WireAccount, id: String, parent: String)
    -> SnapshotDocument.AccountRecord
  {
    .init(
      id: id, name: wire.name ?? "", email: wire.email ?? "", state: wire.state,
      status: wire.status, joinedMethod: wire.joinedMethod ?? "UNKNOWN",
      joinedTimestamp: normalized(wire.joinedTimestamp), parentId: parent)
  }

  /// The transfer record, or `nil` without an ID or a direction.
  static func transfer(_ wire: WireTransfer, direction: String?) -> SnapshotDocument.TransferRecord?
  {
    guard let id = wire.id, let direction = wire.directionFromARN ?? direction else { return nil }
    return .init(
      id: id, direction: direction, status: wire.status ?? "UNKNOWN",
      endTimestamp: normalized(wire.endTimestamp), activeHandshakeId: wire.activeHandshakeID)
  }

  /// The tags as a dictionary (the last value wins for a repeated key).
  static func tags(_ wire: [WireTag]) -> [String: String] {
    var tags: [String: String] = [:]
    for tag in wire {
      if let key = tag.key { tags[key] = tag.value ?? "" }
    }
    return tags
  }

  /// A timestamp as ISO-8601 text in UTC with milliseconds, whichever form the CLI printed
  /// (epoch seconds from v1, ISO text with an offset from v2); text that cannot be read is
  /// kept as it is, for the snapshot's validation to name.
  static func normalized(_ wire: WireTimestamp?) -> WireTimestamp? {
    switch wire {
    case .none:
      return nil
    case .epochSeconds(let seconds):
      return Timestamp(secondsSince1970: seconds).map { .text($0.description) } ?? wire
    case .text(let text):
      return Timestamp(iso8601: text).map { .text($0.description) } ?? wire
    }
  }
}
