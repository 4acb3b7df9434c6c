import OrgGraph

extension StepAction {
  /// Why a step ID does not name an action.
  public enum ParseError: Error, Equatable, Sendable {
    case unknownAction(String)
    /// The subject is not what the action takes; the text says what it should be.
    case badSubject(String)
    /// An `end-responsibility-transfer` step without how the transfer ends.
    case missingEnding
  }

  /// The action a step ID names: the inverse of `id`.
  ///
  /// An ID whose subject is an account is read from its parts; any other from its text.
  public init(parsing id: StepID, ending: TransferEnding? = nil) throws(ParseError) {
    if ending == nil, let (name, account) = id.accountSubject,
      let action = Self.accountAction(name)
    {
      self = action(account)
    } else {
      try self.init(parsing: id.rawValue, ending: ending)
    }
  }

  /// How an action whose subject is only an account is made from the account; `nil` for the
  /// other actions.
  static func accountAction(_ name: Name) -> ((AccountID) -> StepAction)? {
    switch name {
    case .prepareAccount: StepAction.prepareAccount
    case .unmanageControlTowerAccount: StepAction.unmanageControlTowerAccount
    case .enableRootPasswordRecovery: StepAction.enableRootPasswordRecovery
    case .resetRootPassword: StepAction.resetRootPassword
    case .closeAccount: StepAction.closeAccount
    case .awaitAccountClosed: StepAction.awaitAccountClosed
    case .closeAccountAsRoot: StepAction.closeAccountAsRoot
    case .completeStandaloneSignup: StepAction.completeStandaloneSignup
    case .removeAccount: StepAction.removeAccount
    case .closeStandaloneAccount: StepAction.closeStandaloneAccount
    case .closeManagementAccount: StepAction.closeManagementAccount
    case .exportBillingHistory, .cancelInvitation, .endResponsibilityTransfer,
      .awaitResponsibilityTransferEnd, .deregisterDelegatedAdmin, .awaitPermanentClosure,
      .decommissionLandingZone, .deleteOrganization:
      nil
    }
  }

  /// The action a step ID's text names.
  ///
  /// - Parameters:
  ///   - id: The step's ID, `action:subject`.
  ///   - ending: How a transfer is ended, which the ID alone does not say; only for
  ///     `end-responsibility-transfer`.
  /// - Throws: `ParseError` naming what the ID lacks.
  public init(parsing id: String, ending: TransferEnding? = nil) throws(ParseError) {
    let separator = id.firstIndex(of: ":")
    let nameText = separator.map { String(id[..<$0]) } ?? id
    let subject = separator.map { String(id[id.index(after: $0)...]) }
    guard let name = Name(rawValue: nameText) else { throw .unknownAction(nameText) }

    func account() throws(ParseError) -> AccountID {
      guard let subject, let account = AccountID(rawValue: subject) else {
        throw .badSubject(
          "an account ID (\(AccountID.formatDescription)) after \"\(name.rawValue):\"")
      }
      return account
    }
    func identifier<ID: AWSIdentifier>(_: ID.Type) throws(ParseError) -> ID {
      guard let subject, let value = ID(rawValue: subject) else {
        throw .badSubject("\(ID.formatDescription) after \"\(name.rawValue):\"")
      }
      return value
    }
    func none() throws(ParseError) {
      guard subject == nil else { throw .badSubject("nothing after \"\(name.rawValue)\"") }
    }

    switch name {
    case .exportBillingHistory: try none(); self = .exportBillingHistory
    case .cancelInvitation: self = .cancelInvitation(try identifier(HandshakeID.self))
    case .endResponsibilityTransfer:
      let transfer = try identifier(ResponsibilityTransferID.self)
      guard let ending else { throw .missingEnding }
      self = .endResponsibilityTransfer(transfer, ending)
    case .awaitResponsibilityTransferEnd:
      self = .awaitResponsibilityTransferEnd(try identifier(ResponsibilityTransferID.self))
    case .deregisterDelegatedAdmin:
      let parts = subject?.split(separator: ":", maxSplits: 1).map(String.init) ?? []
      guard parts.count == 2, let account = AccountID(rawValue: parts[0]),
        let service = ServicePrincipal(rawValue: parts[1])
      else {
        throw .badSubject("ACCOUNT_ID:SERVICE_PRINCIPAL after \"\(name.rawValue):\"")
      }
      self = .deregisterDelegatedAdministrator(account, service: service)
    case .awaitPermanentClosure: try none(); self = .awaitPermanentClosure
    case .decommissionLandingZone: try none(); self = .decommissionLandingZone
    case .deleteOrganization: try none(); self = .deleteOrganization
    default:
      // The actions whose subject is an account, listed once in `accountAction`.
      guard let action = Self.accountAction(name) else { throw .unknownAction(nameText) }
      self = action(try account())
    }
    if ending != nil, name != .endResponsibilityTransfer {
      throw .badSubject("no transfer ending on a \(name.rawValue) step")
    }
  }
}
