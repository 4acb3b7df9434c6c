public import OrgGraph

/// An IAM policy for the management account's principals that denies `CloseAccount` on the
/// protected accounts.
///
/// Service control policies never apply to the management account, so only an IAM policy in
/// the management account can stop its own principals from closing a member (rule B14).
/// Removal stays allowed: a protected account leaves the organization by removal.
public struct GuardPolicy: Codable, Equatable, Sendable {
  public var version: String
  public var statement: [Statement]

  public struct Statement: Codable, Equatable, Sendable {
    public var sid: String
    public var effect: String
    public var action: [String]
    public var resource: [String]

    enum CodingKeys: String, CodingKey {
      case sid = "Sid"
      case effect = "Effect"
      case action = "Action"
      case resource = "Resource"
    }
  }

  enum CodingKeys: String, CodingKey {
    case version = "Version"
    case statement = "Statement"
  }

  /// Builds the policy for `policy`'s protected accounts in `organization`.
  ///
  /// - Throws: `GuardPolicyError.noProtectedAccounts` when there is nothing to protect, and
  ///   `PlanningError`-style errors for IDs the snapshot lacks.
  public init(organization: Organization, policy: Policy) throws(GuardPolicyError) {
    let protected = policy.protectedAccounts.sorted()
    guard !protected.isEmpty else { throw .noProtectedAccounts }
    for id in protected {
      guard organization.account(id) != nil else { throw .unknownAccount(id) }
      if id == organization.managementAccountID { throw .managementAccount(id) }
    }
    // arn:PARTITION:organizations::MANAGEMENT:account/ORG/ACCOUNT (reference §5.1).
    let partition =
      organization.arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first
      .map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "aws"
    let resources = protected.map {
      "arn:\(partition):organizations::\(organization.managementAccountID):account/"
        + "\(organization.id)/\($0)"
    }
    version = "2012-10-17"
    statement = [
      Statement(
        sid: "OrgcloseDenyClosingProtectedAccounts", effect: "Deny",
        action: ["organizations:CloseAccount"], resource: resources)
    ]
  }
}

/// Why no guard policy could be made.
public enum GuardPolicyError: Error, Equatable, Sendable, CustomStringConvertible {
  case noProtectedAccounts
  case unknownAccount(AccountID)
  case managementAccount(AccountID)

  public var description: String {
    switch self {
    case .noProtectedAccounts:
      "protectedAccounts: is empty; list the accounts that must never be closed"
    case .unknownAccount(let id):
      "protectedAccounts: account \(id) is not in the snapshot; fix the ID or take a new snapshot"
    case .managementAccount(let id):
      "protectedAccounts: \(id) is the management account, which CloseAccount cannot close "
        + "anyway (rule F43); a guard policy protects members only"
    }
  }
}
