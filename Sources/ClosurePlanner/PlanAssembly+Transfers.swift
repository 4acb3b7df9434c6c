import OrgGraph

/// Where a billing responsibility transfer stands on the plan's start date (rules E38–E38c).
enum TransferProgress {
  /// An invitation not yet answered: withdrawn by the side that sent it, declined by the
  /// other (rule E38b).
  case pendingInvitation
  /// Accepted and running, with no end date set: it must be terminated at a month's end.
  case runningWithoutEnd
  /// Accepted and terminated, or withdrawn: it runs until the first day after `end`
  /// (rule E38a).
  case ending(CalendarDay)
  /// Withdrawn without a recorded end date: it runs until the end of some month.
  case withdrawnEndUnknown
  /// Declined, cancelled, expired, or ended before the start date: it holds nothing back.
  case over
  /// A status this version of orgclose does not know.
  case unknown(String)

  init(_ transfer: ResponsibilityTransfer, start: CalendarDay) {
    switch (transfer.status, transfer.endTimestamp) {
    case (.requested, _):
      self = .pendingInvitation
    case (.accepted, nil):
      self = .runningWithoutEnd
    case (.withdrawn, nil):
      self = .withdrawnEndUnknown
    case (.accepted, .some(let end)), (.withdrawn, .some(let end)):
      let over = end.firstFullDay(afterAdding: 0)
      self = over > start ? .ending(over) : .over
    case (.declined, _), (.canceled, _), (.expired, _):
      self = .over
    case (.unknown(let raw), _):
      self = .unknown(raw)
    }
  }
}

extension PlanAssembly {
  /// What a running transfer or a pending invitation holds back, in the words of the
  /// strategy: `DeleteOrganization` where the plan deletes the organization, the management
  /// account's closure where AWS does (rule F45).
  private var transferHoldsBack: String {
    strategy.deletesOrganization
      ? "DeleteOrganization fails while it is in progress (ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS, "
        + "rule E38)"
      : "close-in-place plans no DeleteOrganization, but AWS deletes the organization after the "
        + "management account's post-closure period (rule F45), so the plan ends it before the "
        + "management account is closed (rule E38)"
  }

  /// Plans each billing responsibility transfer that is still in progress (rules E38–E38c).
  mutating func planTransfers() {
    for transfer in organization.responsibilityTransfers {
      switch TransferProgress(transfer, start: startDate) {
      case .pendingInvitation:
        planPendingTransfer(transfer)
      case .runningWithoutEnd:
        // The end date must be the last instant of a month (END_DATE_NOT_END_OF_MONTH).
        let end = startDate.firstDayOfNextMonth
        let lastDay = end.adding(days: -1)
        let terminate = add(
          .endResponsibilityTransfer(
            transfer.id, .terminate(direction: transfer.direction, lastDay: lastDay)))
        addTransferWait(
          transfer, after: [terminate], until: end,
          summary: "is ACCEPTED with no end date, and can end only at a month's end")
      case .ending(let end):
        addTransferWait(
          transfer, after: [], until: end,
          summary: "is \(transfer.status) and runs until its end date, "
            + "\(end.adding(days: -1)) (rule E38a)")
      case .withdrawnEndUnknown:
        let end = startDate.firstDayOfNextMonth
        addTransferWait(
          transfer, after: [], until: end,
          summary: "is WITHDRAWN but the snapshot has no end date; a withdrawn transfer runs "
            + "until the last day of a month (rule E38a), so the plan waits at least until \(end)")
      case .over:
        break
      case .unknown(let raw):
        report(
          .responsibilityTransferActive, .blocking,
          message: "Billing responsibility transfer \(transfer.id) "
            + "(\(transfer.direction.rawValue)) has status \"\(raw)\", which this version of "
            + "orgclose does not know; if it is in progress, \(transferHoldsBack)",
          remediation: "Check it with aws organizations describe-responsibility-transfer --id "
            + "\(transfer.id); upgrade orgclose if AWS added a status")
      }
    }
  }

  /// A wait until a transfer has ended, which the end of the shutdown waits for.
  private mutating func addTransferWait(
    _ transfer: ResponsibilityTransfer, after: [Int], until end: CalendarDay, summary: String
  ) {
    let wait = add(
      .awaitResponsibilityTransferEnd(transfer.id), after: after, earliest: end)
    organizationGates.append(wait)
    report(
      .responsibilityTransferActive, .warning, step: wait,
      message: "Billing responsibility transfer \(transfer.id) (\(transfer.direction.rawValue)) "
        + "\(summary); \(transferHoldsBack)",
      remediation: "Let it end (the plan waits); billing responsibility changes with it")
  }

  /// A pending transfer invitation: this organization sent an inbound one, so it withdraws it
  /// (`CancelHandshake`); it received an outbound one, so it refuses it (`DeclineHandshake`)
  /// (rule E38b).
  private mutating func planPendingTransfer(_ transfer: ResponsibilityTransfer) {
    let sent = transfer.direction == .inbound
    guard let handshake = transfer.activeHandshakeID else {
      report(
        .responsibilityTransferActive, .blocking,
        message: "Billing responsibility transfer \(transfer.id) "
          + "(\(transfer.direction.rawValue)) is a pending invitation, but the snapshot does not "
          + "name its handshake (activeHandshakeId), so the plan cannot "
          + (sent ? "withdraw" : "decline") + " it; \(transferHoldsBack)",
        remediation: "Take a new snapshot with orgclose snapshot, which records the handshake, "
          + "or add activeHandshakeId from aws organizations describe-responsibility-transfer")
      return
    }
    let end = add(
      .endResponsibilityTransfer(transfer.id, sent ? .withdraw(handshake) : .decline(handshake)))
    organizationGates.append(end)
    report(
      .responsibilityTransferActive, .warning, step: end,
      message: "Billing responsibility transfer \(transfer.id) (\(transfer.direction.rawValue)) "
        + "is REQUESTED: an invitation this organization "
        + (sent ? "sent (rule E38b)" : "received (rule E38b)") + "; \(transferHoldsBack)",
      remediation: sent
        ? "Withdraw it (the plan does, with CancelHandshake)"
        : "Decline it (the plan does, with DeclineHandshake)")
  }

  /// Plans or reports every handshake still waiting for an answer (rules J61, E38c).
  mutating func planHandshakes() {
    let linked = Set(organization.responsibilityTransfers.compactMap(\.activeHandshakeID))
    for handshake in organization.handshakes where handshake.isInProgress {
      switch handshake.action {
      case .invite:
        let cancel = add(
          .cancelInvitation(handshake.id))
        organizationGates.append(cancel)
        report(
          .openInvitations, .warning, step: cancel,
          message: "Invitation \(handshake.id) is \(handshake.state): it counts toward the "
            + "account quota and could still bring an account in (rules J59, J61)",
          remediation: "Cancel it (the plan does); what an open invitation does to the end of "
            + "the organization is undocumented (reference §4.9)")
      case .transferResponsibility where linked.contains(handshake.id):
        break  // planned with its transfer
      case .transferResponsibility:
        report(
          .responsibilityTransferActive, .blocking,
          message: "Handshake \(handshake.id) is a pending invitation to transfer billing "
            + "responsibility (rule E38c), but no transfer of the snapshot names it, so the "
            + "plan cannot tell whether to withdraw it (CancelHandshake) or decline it "
            + "(DeclineHandshake); \(transferHoldsBack)",
          remediation: "Take a new snapshot with orgclose snapshot, which records each "
            + "transfer's handshake, or cancel or decline it yourself")
      case .enableAllFeatures, .approveAllFeatures:
        report(
          .featureSetChangeInProgress, .warning,
          message: "Handshake \(handshake.id) (\(handshake.action)) is \(handshake.state): the "
            + "organization may switch to all features during the shutdown, while the plan "
            + "assumes \(organization.featureSet) (rule A5)",
          remediation: "Let it complete or cancel it (aws organizations cancel-handshake "
            + "--handshake-id \(handshake.id)), then take a new snapshot and plan again")
      case .addOrganizationsServiceLinkedRole, .unknown:
        report(
          .handshakeInProgress, .warning,
          message: "Handshake \(handshake.id) (\(handshake.action)) is \(handshake.state); what "
            + "it does to the shutdown is undocumented",
          remediation: "Cancel it (aws organizations cancel-handshake --handshake-id "
            + "\(handshake.id)) or let it expire, then take a new snapshot")
      }
    }
  }

  /// Warns when the plan starts more than 30 days after the snapshot was taken.
  mutating func reportSnapshotAge() {
    guard let captured = organization.capturedAt else { return }
    let age = startDate.daysSince1970 - captured.day.daysSince1970
    guard age > 30 else { return }
    report(
      .snapshotOld, .warning,
      message: "The plan starts on \(startDate), \(age) days after the snapshot was taken "
        + "(\(captured)); accounts, states and invitations may have changed since",
      remediation: "Take a new snapshot and plan again")
  }
}
