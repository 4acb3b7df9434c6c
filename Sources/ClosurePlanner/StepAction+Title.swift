public import OrgGraph

extension StepAction {
  /// The one-line title of the step, as plans and renderers show it.
  ///
  /// - Parameters:
  ///   - organization: The organization's ID, which the deletion names.
  ///   - account: The plan's entry for an account, for its name and disposition.
  /// - Returns: The title, not escaped.
  public func title(
    organization: String, account: (AccountID) -> ClosurePlan.AccountEntry?
  ) -> String {
    func who(_ id: AccountID) -> String {
      account(id).map { "\($0.name) (\(id))" } ?? id.rawValue
    }
    switch self {
    case .exportBillingHistory:
      return "Export the organization's billing history"
    case .cancelInvitation(let handshake):
      return "Cancel the open invitation \(handshake)"
    case .endResponsibilityTransfer(let transfer, .terminate(let direction, let lastDay)):
      return "Terminate the \(direction.rawValue) transfer \(transfer) at the end of \(lastDay)"
    case .endResponsibilityTransfer(let transfer, .withdraw):
      return "Withdraw the invitation to transfer billing (\(transfer)) that this organization sent"
    case .endResponsibilityTransfer(let transfer, .decline):
      return
        "Decline the invitation to transfer billing (\(transfer)) that this organization received"
    case .awaitResponsibilityTransferEnd(let transfer):
      return "Wait until the transfer \(transfer) has ended"
    case .prepareAccount(let id):
      let removing = account(id)?.disposition == .remove
      return "Prepare \(who(id)) for \(removing ? "removal" : "closure")"
    case .unmanageControlTowerAccount(let id):
      return "Unmanage \(who(id)) in AWS Control Tower"
    case .deregisterDelegatedAdministrator(let id, let service):
      return "Deregister \(who(id)) as delegated administrator for \(service)"
    case .enableRootPasswordRecovery(let id):
      return "Re-enable root password recovery for \(who(id))"
    case .resetRootPassword(let id):
      return "Reset the root password of \(who(id))"
    case .closeAccount(let id):
      return "Close \(who(id)) with CloseAccount"
    case .awaitAccountClosed(let id):
      return "Wait until \(who(id)) reads CLOSED"
    case .closeAccountAsRoot(let id):
      return "Close \(who(id)) as root from its Account page"
    case .completeStandaloneSignup(let id):
      return "Complete standalone sign-up for \(who(id))"
    case .removeAccount(let id):
      return "Remove \(who(id)) from the organization"
    case .closeStandaloneAccount(let id):
      return "Close the former member \(who(id)) as root"
    case .awaitPermanentClosure:
      return "Wait until every closed member has left the organization "
        + "(90-day post-closure period plus 7 days)"
    case .decommissionLandingZone:
      return "Decommission the AWS Control Tower landing zone"
    case .deleteOrganization:
      return "Delete the organization \(organization)"
    case .closeManagementAccount(let id):
      return "Close the management account \(who(id)) as root, last"
    }
  }
}
