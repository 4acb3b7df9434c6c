import Foundation

/// A small organization as the aws CLI prints it: a root, four OUs three levels deep, 31
/// accounts (25 in one OU, so its list spans two pages of 20), and every optional section.
///
/// Outputs mix the two CLI versions on purpose: ISO timestamps (v2) and epoch numbers (v1),
/// `State` and, for one account, only the retired `Status`.
enum CannedOrganization {
  static let root = "r-ab12"
  static let prod = "ou-ab12-prod0001"
  static let payments = "ou-ab12-paym0001"
  static let cards = "ou-ab12-card0001"
  static let sandbox = "ou-ab12-sand0001"
  static let management = "111111111111"
  static let admin = "222222222222"
  static let legacy = "333333333333"

  /// Every parent with its child OUs, in walk order.
  static let units: [(id: String, name: String, parent: String)] = [
    (prod, "Prod", root), (sandbox, "Sandbox", root), (payments, "Payments", prod),
    (cards, "Cards", payments),
  ]

  /// Every account with its parent.
  static var accounts: [(id: String, parent: String)] {
    [(management, root), (admin, prod), (legacy, cards), ("444444444444", payments)]
      + (0..<25).map { (String(500_000_000_000 + $0), sandbox) }
      + [("666666666666", cards), ("777777777777", cards)]
  }

  static let describeOrganization = """
    {"Organization": {"Id": "o-abcdef1234", "Arn": "arn:aws:organizations::111111111111:organization/o-abcdef1234",
     "FeatureSet": "ALL", "MasterAccountArn": "arn:aws:organizations::111111111111:account/o-abcdef1234/111111111111",
     "MasterAccountId": "111111111111", "MasterAccountEmail": "root@example.com",
     "AvailablePolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}}
    """

  static let listRoots = """
    {"Roots": [{"Id": "r-ab12", "Arn": "arn:aws:organizations::111111111111:root/o-abcdef1234/r-ab12",
     "Name": "Root", "PolicyTypes": []}]}
    """

  /// `list-organizational-units-for-parent --parent-id parent`.
  static func unitsJSON(under parent: String) -> String {
    let entries = units.filter { $0.parent == parent }.map { unit in
      """
      {"Id": "\(unit.id)", "Name": "\(unit.name)", "Path": "\(path(to: unit.id))",
       "Arn": "arn:aws:organizations::111111111111:ou/o-abcdef1234/\(unit.id)"}
      """
    }
    return "{\"OrganizationalUnits\": [\(entries.joined(separator: ", "))]}"
  }

  /// `list-accounts-for-parent --parent-id parent`; `withPaths: false` as older CLIs print it.
  static func accountsJSON(under parent: String?, withPaths: Bool = true) -> String {
    let entries = accounts.filter { parent == nil || $0.parent == parent }.map { account in
      accountJSON(account.id, parent: account.parent, withPaths: withPaths)
    }
    return "{\"Accounts\": [\(entries.joined(separator: ",\n"))]}"
  }

  static func accountJSON(_ id: String, parent: String, withPaths: Bool) -> String {
    let paths = withPaths ? "\"Paths\": [\"\(path(to: parent))\(id)/\"]," : ""
    if id == legacy {
      // Only the retired Status (an older CLI), epoch seconds (CLI v1).
      return """
        {"Id": "\(id)", "Name": "legacy", "Email": "legacy@example.com", "Status": "SUSPENDED",
         \(paths) "JoinedMethod": "INVITED", "JoinedTimestamp": 1481835741.044}
        """
    }
    let stamp = id == management ? "\"2016-12-15T21:02:21.044000+00:00\"" : "1600000000"
    return """
      {"Id": "\(id)", "Name": "acct-\(id)", "Email": "a\(id)@example.com", "State": "ACTIVE",
       "Status": "ACTIVE", \(paths) "JoinedMethod": "\(id == management ? "INVITED" : "CREATED")",
       "JoinedTimestamp": \(stamp)}
      """
  }

  /// `o-abcdef1234/r-ab12/…/<parent>/`.
  static func path(to node: String) -> String {
    var chain: [String] = []
    var current: String? = node
    while let id = current, id != root {
      chain.insert(id, at: 0)
      current = units.first { $0.id == id }?.parent
    }
    return "o-abcdef1234/r-ab12/" + chain.map { "\($0)/" }.joined()
  }

  static let delegatedAdministrators = """
    {"DelegatedAdministrators": [{"Id": "222222222222", "Name": "security", "Email": "s@example.com",
     "State": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": 1600000000, "DelegationEnabledDate": 1600000000}]}
    """
  static let delegatedServices = """
    {"DelegatedServices": [{"ServicePrincipal": "guardduty.amazonaws.com", "DelegationEnabledDate": 1600000000},
     {"ServicePrincipal": "securityhub.amazonaws.com", "DelegationEnabledDate": 1600000000}]}
    """
  static let handshakes = """
    {"Handshakes": [{"Id": "h-open00001", "State": "OPEN", "Action": "INVITE"},
     {"Id": "h-done00001", "State": "ACCEPTED", "Action": "INVITE"}]}
    """
  static let inboundPage1 = """
    {"ResponsibilityTransfers": [{"Id": "rt-inbound001", "Type": "BILLING", "Status": "ACCEPTED",
     "Arn": "arn:aws:organizations::111111111111:transfer/o-abcdef1234/billing/inbound/rt-inbound001",
     "EndTimestamp": 1798761600}], "NextToken": "page-2"}
    """
  static let inboundPage2 = """
    {"ResponsibilityTransfers": [{"Id": "rt-inbound002", "Type": "BILLING", "Status": "WITHDRAWN",
     "Arn": "arn:aws:organizations::111111111111:transfer/o-abcdef1234/billing/inbound/rt-inbound002"}]}
    """
  static let serviceAccess = """
    {"EnabledServicePrincipals": [{"ServicePrincipal": "sso.amazonaws.com", "DateEnabled": 1600000000},
     {"ServicePrincipal": "guardduty.amazonaws.com", "DateEnabled": "2020-09-13T12:26:40+00:00"}]}
    """
  static let rootFeatures = """
    {"OrganizationId": "o-abcdef1234", "EnabledFeatures": ["RootSessions", "RootCredentialsManagement"]}
    """
  static let costsByRegion = """
    {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}, {"Type": "DIMENSION", "Key": "REGION"}],
     "ResultsByTime": [{"TimePeriod": {"Start": "2026-10-01", "End": "2026-11-01"}, "Total": {},
      "Groups": [{"Keys": ["222222222222", "us-east-1"], "Metrics": {"UnblendedCost": {"Amount": "12.3", "Unit": "USD"}}},
                 {"Keys": ["444444444444", "eu-west-1"], "Metrics": {"UnblendedCost": {"Amount": "0", "Unit": "USD"}}}],
      "Estimated": false}], "DimensionValueAttributes": []}
    """
  static let costsUSEast1 = """
    {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}, {"Type": "DIMENSION", "Key": "SERVICE"}],
     "ResultsByTime": [{"TimePeriod": {"Start": "2026-10-01", "End": "2026-11-01"}, "Total": {},
      "Groups": [{"Keys": ["222222222222", "Amazon GuardDuty"], "Metrics": {"UnblendedCost": {"Amount": "12.3", "Unit": "USD"}}},
                 {"Keys": ["222222222222", "AWS Config"], "Metrics": {"UnblendedCost": {"Amount": "0.0", "Unit": "USD"}}}],
      "Estimated": false}], "DimensionValueAttributes": []}
    """

  static let costPeriod =
    "--time-period Start=2026-10-01,End=2026-11-01 --granularity MONTHLY --metrics UnblendedCost"

  /// Queues every call of a full snapshot on `runner`.
  static func register(
    on runner: FakeCommandRunner, version: String = "aws-cli/2.15.0 Python/3.11.6"
  ) {
    runner.on("--version", json: version)
    runner.on("organizations describe-organization", json: describeOrganization)
    runner.on("organizations list-roots", json: listRoots)
    for parent in [root] + units.map(\.id) {
      runner.on(
        "organizations list-organizational-units-for-parent --parent-id \(parent)",
        json: unitsJSON(under: parent))
      runner.on(
        "organizations list-accounts-for-parent --parent-id \(parent)",
        json: accountsJSON(under: parent))
    }
    runner.on("organizations list-delegated-administrators", json: delegatedAdministrators)
    runner.on(
      "organizations list-delegated-services-for-account --account-id \(admin)",
      json: delegatedServices)
    runner.on("organizations list-handshakes-for-organization", json: handshakes)
    runner.on(
      "organizations list-inbound-responsibility-transfers --type BILLING --max-results 20",
      json: inboundPage1)
    runner.on(
      "organizations list-inbound-responsibility-transfers --type BILLING --max-results 20 "
        + "--next-token page-2", json: inboundPage2)
    runner.on(
      "organizations list-outbound-responsibility-transfers --type BILLING --max-results 20",
      json: #"{"ResponsibilityTransfers": []}"#)
    runner.on("organizations list-aws-service-access-for-organization", json: serviceAccess)
    runner.on("iam list-organizations-features", json: rootFeatures)
    runner.on(
      "ce get-cost-and-usage \(costPeriod) --group-by Type=DIMENSION,Key=LINKED_ACCOUNT "
        + "Type=DIMENSION,Key=REGION", json: costsByRegion)
    runner.on(
      "ce get-cost-and-usage \(costPeriod) --group-by Type=DIMENSION,Key=LINKED_ACCOUNT "
        + #"Type=DIMENSION,Key=SERVICE --filter {"Dimensions":{"Key":"REGION","Values":["us-east-1"]}}"#,
      json: costsUSEast1)
  }
}
