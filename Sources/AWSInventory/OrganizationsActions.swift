import Foundation
public import OrgGraph
public import PlanExecution
import PlanFiles

/// The calls `apply` makes through the `aws` CLI: the reads that check an account right
/// before a change, and the changes themselves (`MutatingCall`).
public struct OrganizationsActions: Sendable {
  let cli: AWSCLI

  /// - Parameters:
  ///   - connection: `--profile`, `--region`, `--endpoint-url`.
  ///   - environment: orgclose's own environment (the user's retry settings are kept).
  ///   - timeout: How long one `aws` process may run.
  ///   - runner: Runs the `aws` processes.
  ///   - retry: How often a throttled read is re-run.
  public init(
    connection: AWSConnection, environment: [String: String], timeout: Duration,
    runner: any CommandRunner = ProcessCommandRunner(), retry: RetryPolicy = RetryPolicy()
  ) {
    cli = AWSCLI(
      runner: runner, connection: connection, environment: environment, retry: retry,
      timeout: timeout)
  }

  /// The account the credentials belong to (`aws sts get-caller-identity`).
  public func callerAccount() throws(InventoryError) -> AccountID {
    let request = AWSRequest(
      service: "sts", command: "get-caller-identity", operation: "GetCallerIdentity")
    struct Identity: Decodable { var Account: String }
    return AccountID(unchecked: try decode(Identity.self, try cli.run(request), request).Account)
  }

  /// The account's `State`.
  ///
  /// `nil` when AWS does not know it (`AccountNotFoundException`: it has left the organization). An
  /// answer with neither `State` nor `Status` is `.unknown("")`, never "gone" (rule X6).
  public func accountState(_ account: AccountID) throws(InventoryError) -> AccountState? {
    let request = AWSRequest(
      service: "organizations", command: "describe-account", operation: "DescribeAccount",
      arguments: ["--account-id", account.rawValue])
    struct Described: Decodable {
      struct Account: Decodable {
        var State: String?
        var Status: String?
      }
      var Account: Account
    }
    do {
      let described = try decode(Described.self, try cli.run(request), request)
      // Rule A6: State, else the retired Status, whose SUSPENDED means either closed by its
      // owner or suspended by AWS (rule A6a): it is kept as SUSPENDED, which no step expects,
      // so a change to that account is skipped as drift rather than taken as done.
      if let state = described.Account.State { return AccountState(awsValue: state) }
      return described.Account.Status.map(AccountState.init(legacyStatus:)) ?? .unknown("")
    } catch {
      if error.awsCode == "AccountNotFoundException" { return nil }
      throw error
    }
  }

  /// The ID of the account's parent root or OU (`aws organizations list-parents`).
  public func parent(of account: AccountID) throws(InventoryError) -> String? {
    let request = AWSRequest(
      service: "organizations", command: "list-parents", operation: "ListParents",
      arguments: ["--child-id", account.rawValue])
    struct Parents: Decodable {
      struct Parent: Decodable { var Id: String }
      var Parents: [Parent]
    }
    return try decode(Parents.self, try cli.run(request), request).Parents.first?.Id
  }

  /// The account's tags (`aws organizations list-tags-for-resource`).
  public func tags(of account: AccountID) throws(InventoryError) -> [String: String] {
    let request = AWSRequest(
      service: "organizations", command: "list-tags-for-resource",
      operation: "ListTagsForResource", arguments: ["--resource-id", account.rawValue],
      paging: .automaticUnsized)
    struct Tags: Decodable {
      struct Tag: Decodable {
        var Key: String
        var Value: String
      }
      var Tags: [Tag]
    }
    let tags = try decode(Tags.self, try cli.run(request), request).Tags
    return Dictionary(tags.map { ($0.Key, $0.Value) }, uniquingKeysWith: { $1 })
  }

  /// Member accounts other than `management` still in the organization, or `nil` when the
  /// organization no longer exists.
  public func memberCount(besides management: AccountID) throws(InventoryError) -> Int? {
    let request = AWSRequest.organizationsList("list-accounts", "ListAccounts")
    struct Accounts: Decodable {
      struct Account: Decodable { var Id: String }
      var Accounts: [Account]
    }
    do {
      return try decode(Accounts.self, try cli.run(request), request).Accounts
        .filter { $0.Id != management.rawValue }.count
    } catch {
      if case .notInOrganization = error { return nil }
      throw error
    }
  }

  /// What AWS says of a responsibility transfer now (`describe-responsibility-transfer`):
  /// its `Status` and `EndTimestamp`; `nil` when AWS no longer knows it
  /// (`ResponsibilityTransferNotFoundException`).
  public func transfer(_ id: ResponsibilityTransferID) throws(InventoryError) -> TransferReading? {
    let request = AWSRequest(
      service: "organizations", command: "describe-responsibility-transfer",
      operation: "DescribeResponsibilityTransfer", arguments: ["--id", id.rawValue])
    struct Described: Decodable {
      struct Transfer: Decodable {
        var Status: String?
        var EndTimestamp: WireTimestamp?
      }
      var ResponsibilityTransfer: Transfer
    }
    do {
      let transfer = try decode(Described.self, try cli.run(request), request)
        .ResponsibilityTransfer
      let end: Timestamp? =
        switch transfer.EndTimestamp {
        case .epochSeconds(let seconds): Timestamp(secondsSince1970: seconds)
        case .text(let text): Timestamp(iso8601: text)
        case nil: nil
        }
      return TransferReading(status: transfer.Status ?? "", end: end)
    } catch {
      if error.awsCode == "ResponsibilityTransferNotFoundException" { return nil }
      throw error
    }
  }

  /// Whether the organization still exists (`describe-organization`).
  public func organizationExists() throws(InventoryError) -> Bool {
    let request = AWSRequest(
      service: "organizations", command: "describe-organization",
      operation: "DescribeOrganization")
    do {
      _ = try cli.run(request)
      return true
    } catch {
      if case .notInOrganization = error { return false }
      throw error
    }
  }

  func decode<Value: Decodable>(
    _ type: Value.Type, _ bytes: [UInt8], _ request: AWSRequest
  ) throws(InventoryError) -> Value {
    do {
      return try JSONDecoder().decode(type, from: Data(bytes))
    } catch {
      throw .malformedOutput(call: request.description, reason: "\(error)")
    }
  }
}

extension InventoryError {
  /// The AWS error code of a failed call, where AWS gave one.
  var awsCode: String? {
    guard case .awsFailed(_, _, let message, _) = self,
      let colon = message.firstIndex(of: ":")
    else { return nil }
    let code = message[..<colon]
    return code.allSatisfy { $0.isLetter || $0.isNumber } ? String(code) : nil
  }
}
