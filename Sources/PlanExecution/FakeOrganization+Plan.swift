import ClosurePlanner
import OrgGraph

extension FakeOrganization {
  /// The organization a plan was made from, as far as the plan shows it.
  ///
  /// Its accounts in their states and OUs, the delegated administrators its steps deregister, the
  /// invitations and transfers its steps end. Members joined long ago; a member already
  /// `PENDING_CLOSURE` closes within the closure time; closed members leave 90 days on.
  public convenience init(
    rehearsing plan: ExecutablePlan, clock: VirtualClock, behaviour: Behaviour = Behaviour()
  ) {
    var behaviour = behaviour
    behaviour.closuresBeforeStart = plan.quota.closuresBeforeStart
    // The plan's quota is AWS's (rule B11a), or lower where the policy says so: the fake
    // holds the engine to it.
    behaviour.closeQuota = plan.quota.perWindow
    self.init(managementAccount: plan.managementAccountID, clock: clock, behaviour: behaviour)
    baselineEnds = Timestamp(startOf: plan.startDate.adding(days: plan.quota.windowDays))
    for account in plan.accounts.values.sorted(by: { $0.id < $1.id })
    where account.id != plan.managementAccountID {
      addMember(account.id, state: account.state, path: account.path)
    }
    let longAgo = Timestamp(startOf: plan.startDate.adding(days: -400))
    for step in plan.steps {
      switch step.action {
      case .deregisterDelegatedAdministrator(let account, let service):
        members[account]?.delegatedServices.append(service.rawValue)
      case .cancelInvitation(let handshake):
        addHandshake(handshake)
      case .endResponsibilityTransfer(let transfer, .withdraw(let handshake)),
        .endResponsibilityTransfer(let transfer, .decline(let handshake)):
        addHandshake(handshake)
        addTransfer(transfer, status: "REQUESTED", start: longAgo, handshake: handshake)
      case .endResponsibilityTransfer(let transfer, .terminate):
        addTransfer(transfer, status: "ACCEPTED", start: longAgo)
      case .awaitResponsibilityTransferEnd(let transfer) where transfers[transfer] == nil:
        // A transfer already ending: it ends when the plan waits for it.
        addTransfer(
          transfer, status: "WITHDRAWN", start: longAgo,
          end: step.notBefore.map { Timestamp(startOf: $0) } ?? clock.now())
      default:
        break
      }
    }
  }
}
