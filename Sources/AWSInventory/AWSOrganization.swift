public import ClosurePlanner
public import OrgGraph
public import PlanExecution

/// The organization `apply` changes, read and changed through the `aws` CLI.
///
/// A read AWS refuses becomes `LiveReadError.denied`, one that keeps failing after the CLI's
/// retries `LiveReadError.failing`; the engine then holds only the step that needed it. The
/// `aws` CLI missing or failing to start is thrown as it is and ends the run.
public final class AWSOrganization: LiveOrganization {
  let actions: OrganizationsActions
  /// The OU path of each root and OU ID, from the snapshot the freshness check read.
  let pathOfParent: [String: String]

  public init(actions: OrganizationsActions, pathOfParent: [String: String]) {
    self.actions = actions
    self.pathOfParent = pathOfParent
  }

  /// Runs a read, turning AWS's refusals and failures into `LiveReadError`.
  private func read<Value>(_ body: () throws(InventoryError) -> Value) throws -> Value {
    do {
      return try body()
    } catch {
      switch error {
      case .awsNotFound, .awsNotExecutable, .launchFailed: throw error
      case .accessDenied: throw LiveReadError.denied(error.description)
      default: throw LiveReadError.failing(error.description)
      }
    }
  }

  public func callerAccount() throws -> AccountID {
    try read { () throws(InventoryError) in try actions.callerAccount() }
  }

  public func accountState(_ account: AccountID) throws -> AccountState? {
    try read { () throws(InventoryError) in try actions.accountState(account) }
  }

  public func observe(_ account: AccountID, withTags: Bool) throws -> AccountObservation {
    guard let state = try accountState(account) else {
      return AccountObservation(id: account, state: nil)
    }
    let parent = try read { () throws(InventoryError) in try actions.parent(of: account) }
    let tags =
      withTags ? try read { () throws(InventoryError) in try actions.tags(of: account) } : nil
    return AccountObservation(
      id: account, state: state, path: parent.map { pathOfParent[$0] ?? $0 }, tags: tags)
  }

  public func delegatedServices(of account: AccountID) throws -> [String] {
    try read { () throws(InventoryError) in try actions.delegatedServices(of: account) }
  }

  public func handshakeState(_ handshake: HandshakeID) throws -> String? {
    try read { () throws(InventoryError) in try actions.handshakeState(handshake) }
  }

  public func transfer(_ transfer: ResponsibilityTransferID) throws -> TransferReading? {
    try read { () throws(InventoryError) in try actions.transfer(transfer) }
  }

  public func organizationExists() throws -> Bool {
    try read { () throws(InventoryError) in try actions.organizationExists() }
  }

  public func membersLeft(besides management: AccountID) throws -> Int? {
    try read { () throws(InventoryError) in try actions.memberCount(besides: management) }
  }

  public func send(_ request: APIRequest) throws -> AWSAnswer {
    try actions.send(request)
  }
}

/// One run owns it.
@available(*, unavailable)
extension AWSOrganization: Sendable {}
