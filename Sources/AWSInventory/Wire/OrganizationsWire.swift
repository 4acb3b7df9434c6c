import PlanFiles

/// `describe-organization`'s `Organization` (reference §5.5); `Master…` is the management account.
struct WireOrganization: Decodable, Sendable {
  var id: String?
  var arn: String?
  var featureSet: String?
  var masterAccountID: String?
  var masterAccountEmail: String?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
    case arn = "Arn"
    case featureSet = "FeatureSet"
    case masterAccountID = "MasterAccountId"
    case masterAccountEmail = "MasterAccountEmail"
  }
}

/// A `list-roots` entry (§5.2).
struct WireRoot: Decodable, Sendable {
  var id: String?
  var name: String?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
    case name = "Name"
  }
}

/// A `list-organizational-units-for-parent` entry (§5.3); `Path` is `o-…/r-…(/ou-…)*/`.
struct WireUnit: Decodable, Sendable {
  var id: String?
  var name: String?
  var path: String?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
    case name = "Name"
    case path = "Path"
  }
}

/// A `list-accounts` or `list-accounts-for-parent` entry (§5.1), from either CLI version.
struct WireAccount: Decodable, Sendable {
  var id: String?
  var name: String?
  var email: String?
  var state: String?
  /// The retired field (rule A6), kept for snapshots of older organizations and CLIs.
  var status: String?
  var joinedMethod: String?
  var joinedTimestamp: WireTimestamp?
  var paths: [String]?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
    case name = "Name"
    case email = "Email"
    case state = "State"
    case status = "Status"
    case joinedMethod = "JoinedMethod"
    case joinedTimestamp = "JoinedTimestamp"
    case paths = "Paths"
  }
}

/// A `list-delegated-administrators` entry (§5.6): only its account ID is used.
struct WireDelegatedAdministrator: Decodable, Sendable {
  var id: String?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
  }
}

/// A `list-handshakes-for-organization` entry (§5.7).
struct WireHandshake: Decodable, Sendable {
  var id: String?
  var state: String?
  var action: String?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
    case state = "State"
    case action = "Action"
  }

  /// Whether the handshake is still open (`REQUESTED` or `OPEN`); the rest are history.
  var isOpen: Bool { state == "REQUESTED" || state == "OPEN" }
}

/// A `list-aws-service-access-for-organization` or `list-delegated-services-for-account`
/// entry: both name a service principal, the only field orgclose reads.
struct WireServicePrincipal: Decodable, Sendable {
  var servicePrincipal: String?

  enum CodingKeys: String, CodingKey {
    case servicePrincipal = "ServicePrincipal"
  }
}

/// A `list-inbound-` or `list-outbound-responsibility-transfers` entry (§5.8).
struct WireTransfer: Decodable, Sendable {
  var id: String?
  var arn: String?
  var status: String?
  var endTimestamp: WireTimestamp?
  var activeHandshakeID: String?

  enum CodingKeys: String, CodingKey {
    case id = "Id"
    case arn = "Arn"
    case status = "Status"
    case endTimestamp = "EndTimestamp"
    case activeHandshakeID = "ActiveHandshakeId"
  }

  /// `inbound` or `outbound`, read from the ARN (`…/billing/inbound/rt-…`).
  var directionFromARN: String? {
    guard let arn else { return nil }
    if arn.contains("/inbound/") { return "inbound" }
    if arn.contains("/outbound/") { return "outbound" }
    return nil
  }
}

/// A `list-tags-for-resource` entry.
struct WireTag: Decodable, Sendable {
  var key: String?
  var value: String?

  enum CodingKeys: String, CodingKey {
    case key = "Key"
    case value = "Value"
  }
}
