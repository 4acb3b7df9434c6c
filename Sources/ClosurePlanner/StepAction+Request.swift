import OrgGraph

extension StepAction {
  /// The one AWS call an `api` step makes, or the call a `wait` step polls; `nil` for manual
  /// steps and for a step whose calls need temporary root credentials (`compoundCall`).
  public var request: APIRequest? {
    switch self {
    case .cancelInvitation(let handshake):
      APIRequest(.organizations, .cancelHandshake, [.init("HandshakeId", handshake.rawValue)])
    case .endResponsibilityTransfer(let transfer, .terminate(_, let lastDay)):
      // The end must be the last instant of a month (END_DATE_NOT_END_OF_MONTH).
      APIRequest(
        .organizations, .terminateResponsibilityTransfer,
        [.init("Id", transfer.rawValue), .init("EndTimestamp", "\(lastDay)T23:59:59Z")])
    case .endResponsibilityTransfer(_, .withdraw(let handshake)):
      APIRequest(.organizations, .cancelHandshake, [.init("HandshakeId", handshake.rawValue)])
    case .endResponsibilityTransfer(_, .decline(let handshake)):
      APIRequest(.organizations, .declineHandshake, [.init("HandshakeId", handshake.rawValue)])
    case .awaitResponsibilityTransferEnd(let transfer):
      APIRequest(
        .organizations, .describeResponsibilityTransfer, [.init("Id", transfer.rawValue)])
    case .deregisterDelegatedAdministrator(let account, let service):
      APIRequest(
        .organizations, .deregisterDelegatedAdministrator,
        [.init("AccountId", account.rawValue), .init("ServicePrincipal", service.rawValue)])
    case .closeAccount(let account):
      .closeAccount(account)  // rule B8
    case .awaitAccountClosed(let account):
      .describeAccount(account)
    case .removeAccount(let account):
      APIRequest(
        .organizations, .removeAccountFromOrganization, [.init("AccountId", account.rawValue)])
    case .awaitPermanentClosure:
      APIRequest(.organizations, .listAccounts)
    case .deleteOrganization:
      APIRequest(.organizations, .deleteOrganization)
    case .exportBillingHistory, .prepareAccount, .unmanageControlTowerAccount,
      .enableRootPasswordRecovery, .resetRootPassword, .closeAccountAsRoot,
      .completeStandaloneSignup, .closeStandaloneAccount, .decommissionLandingZone,
      .closeManagementAccount:
      nil
    }
  }

  /// The calls of an `api` step that has no single request: re-enabling root password
  /// recovery takes temporary root credentials first (`sts:AssumeRoot`, rule G52), which
  /// `apply` leaves to a person.
  public var compoundCall: String? {
    if case .enableRootPasswordRecovery = self {
      "sts:AssumeRoot + iam:CreateLoginProfile"
    } else {
      nil
    }
  }

  /// The plan's `call`: `organizations:CloseAccount`, or the compound call.
  public var call: String? { request?.call ?? compoundCall }
}
