/// One thing a person does for a step.
public enum StepTask: Hashable, Sendable {
  /// A checklist item of the preparation rules, whose text the rule table holds.
  case item(ChecklistItem)
  /// Anything else, as the planner wrote it (it names an address, an amount or a note).
  case text(String)

  /// The task as a person reads it.
  public var text: String {
    switch self {
    case .item(let item): item.text
    case .text(let text): text
    }
  }
}

/// The fixed checklist items of the preparation rules (`PreparationRules.swift`), each with
/// the code plans store instead of its text.
public enum ChecklistItem: String, Hashable, Sendable, CaseIterable {
  case backUpData = "back-up-data"
  case changeRootEmail = "change-root-email"
  case cleanUpGovCloud = "clean-up-govcloud"
  case deleteCloudTrailTrails = "delete-cloudtrail-trails"
  case deactivateHardwareMFA = "deactivate-hardware-mfa"
  case tellOwnerItPays = "tell-owner-it-pays"
  case exportCostHistory = "export-cost-history"
  case reviewIAMPermissions = "review-iam-permissions"
  case checkPrincipalOrgID = "check-principal-org-id"
  case settleBalance = "settle-balance"
  case sellReservedInstances = "sell-reserved-instances"
  case returnSavingsPlans = "return-savings-plans"
  case cancelMarketplaceSubscriptions = "cancel-marketplace-subscriptions"
  case transferRoute53Domains = "transfer-route53-domains"

  /// The item as a person reads it.
  public var text: String {
    switch self {
    case .backUpData:
      "Back up the data to keep (S3, databases, snapshots, logs): what is left is deleted "
        + "90 days after closure (rule C18); then set dataBackedUp: true"
    case .changeRootEmail:
      "Change the root email before closing (account:StartPrimaryEmailUpdate, then "
        + "AcceptPrimaryEmailUpdate with the code sent): the address is burned at closure"
    case .cleanUpGovCloud:
      "Terminate GovCloud resources and delete GovCloud IAM users and keys: closing this "
        + "account closes its linked GovCloud account too"
    case .deleteCloudTrailTrails:
      "Delete the CloudTrail trails that should stop (aws cloudtrail delete-trail): closure "
        + "does not stop them"
    case .deactivateHardwareMFA:
      "Deactivate the hardware MFA tokens to be reused (root and IAM users) before closing"
    case .tellOwnerItPays:
      "Tell the account's owner it pays its own bills from removal on (rule D28)"
    case .exportCostHistory:
      "Export its cost history: it can no longer see the organization period's data (rule D34)"
    case .reviewIAMPermissions:
      "Review its IAM permissions: SCPs stop applying when it leaves (rule D34)"
    case .checkPrincipalOrgID:
      "Check policies that use aws:PrincipalOrgID; they stop matching this account (rule D34)"
    case .settleBalance: "Settle the unpaid balance"
    case .sellReservedInstances:
      "Sell eligible Reserved Instances or accept their invoices until they expire"
    case .returnSavingsPlans:
      "Return Savings Plans still within returnableUntil and delete queued ones; the rest "
        + "are invoiced until they expire"
    case .cancelMarketplaceSubscriptions:
      "Terminate Marketplace software and cancel each subscription by hand"
    case .transferRoute53Domains:
      "Transfer Route 53 domains (TransferDomainToAnotherAwsAccount; the recipient accepts "
        + "within 3 days), or delete them or turn off auto-renew"
    }
  }
}
