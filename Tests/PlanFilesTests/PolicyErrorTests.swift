import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

@Suite struct PolicyErrorTests {
  static func policy(_ fields: [String: Any]) -> String {
    InputFiles.json(fields.merging(["schemaVersion": 1]) { old, _ in old })
  }

  static let cases: [InputFileCase] = [
    InputFileCase(
      name: "misspelt top-level key",
      content: policy(["stratgy": "close-in-place"]),
      message: "policy.json: stratgy: unknown key; expected one of accounts, "
        + "closeProtectionTags, closeQuota, closuresInLast30Days, defaults, management, "
        + "organization, protectedAccounts, schemaVersion, startDate, strategy"),
    InputFileCase(
      name: "wrong case of a key",
      content: policy(["StartDate": "2026-12-01"]),
      message: "policy.json: StartDate: unknown key; did you mean \"startDate\"?"),
    InputFileCase(
      name: "unknown strategy",
      content: policy(["strategy": "close-all"]),
      message: "policy.json: strategy: \"close-all\" is not one of close-in-place, "
        + "close-then-delete, remove-then-delete"),
    InputFileCase(
      name: "start date not a date",
      content: policy(["startDate": "12/01/2026"]),
      message: "policy.json: startDate: \"12/01/2026\" is not a date of the form YYYY-MM-DD"),
    InputFileCase(
      name: "zero quota",
      content: policy(["closeQuota": 0]),
      message: "policy.json: closeQuota: 0 is not a usable quota; it must be at least 1"),
    InputFileCase(
      name: "negative recent closures",
      content: policy(["closuresInLast30Days": -1]),
      message: "policy.json: closuresInLast30Days: -1 is negative; give the number of closures "
        + "in the last 30 days"),
    InputFileCase(
      name: "protected account not an ID",
      content: policy(["protectedAccounts": ["prod"]]),
      message: "policy.json: protectedAccounts[0]: \"prod\" is not an account ID (12 digits)"),
    InputFileCase(
      name: "account key not an ID",
      content: policy(["accounts": ["payments": ["disposition": "close"]]]),
      message: "policy.json: accounts.payments: \"payments\" is not an account ID (12 digits)"),
    InputFileCase(
      name: "unknown disposition",
      content: policy(["accounts": ["222222222222": ["disposition": "delete"]]]),
      message: "policy.json: accounts.222222222222.disposition: \"delete\" is not one of close, "
        + "remove, remove-and-close"),
    InputFileCase(
      name: "misspelt fact",
      content: policy(["accounts": ["222222222222": ["rootPasword": "known"]]]),
      message: "policy.json: accounts.222222222222.rootPasword: unknown key; expected one of "
        + "cloudTrailTrails, controlTowerEnrolled, dataBackedUp, disposition, emailReuseNeeded, "
        + "govCloudLinked, hardwareMfa, marketplaceSubscriptions, notes, priority, "
        + "reservedInstances, rootEmailReachable, rootMfaReady, rootPassword, route53Domains, "
        + "savingsPlans, standaloneReady, unpaidBalance"),
    InputFileCase(
      name: "fact of the wrong type",
      content: policy(["defaults": ["dataBackedUp": "yes"]]),
      message: "policy.json: defaults.dataBackedUp: expected true or false"),
    InputFileCase(
      name: "unknown root password value",
      content: policy(["defaults": ["rootPassword": "lost"]]),
      message: "policy.json: defaults.rootPassword: \"lost\" is not one of known, unknown, removed"),
    InputFileCase(
      name: "disposition for the management account",
      content: policy(["management": ["disposition": "close"]]),
      message: "policy.json: management.disposition: unknown key; expected one of "
        + "cloudTrailTrails, controlTowerEnrolled, dataBackedUp, emailReuseNeeded, "
        + "govCloudLinked, hardwareMfa, marketplaceSubscriptions, notes, reservedInstances, "
        + "rootEmailReachable, rootMfaReady, rootPassword, route53Domains, savingsPlans, "
        + "standaloneReady, unpaidBalance"),
    InputFileCase(
      name: "an organization fact given for an account",
      content: policy(["defaults": ["identityCenterInstance": true]]),
      message: "policy.json: defaults.identityCenterInstance: unknown key; expected one of "
        + "cloudTrailTrails, controlTowerEnrolled, dataBackedUp, disposition, emailReuseNeeded, "
        + "govCloudLinked, hardwareMfa, marketplaceSubscriptions, notes, priority, "
        + "reservedInstances, rootEmailReachable, rootMfaReady, rootPassword, route53Domains, "
        + "savingsPlans, standaloneReady, unpaidBalance"),
    InputFileCase(
      name: "an account fact given for the organization",
      content: policy(["organization": ["dataBackedUp": true]]),
      message: "policy.json: organization.dataBackedUp: unknown key; expected one of "
        + "controlTowerLandingZone, identityCenterInstance"),
    InputFileCase(
      name: "protection tag value not a string",
      content: policy(["closeProtectionTags": ["AccountType": 1]]),
      message: "policy.json: closeProtectionTags.AccountType: expected a string"),
    InputFileCase(
      name: "organization fact of the wrong type",
      content: policy(["organization": ["controlTowerLandingZone": "yes"]]),
      message: "policy.json: organization.controlTowerLandingZone: expected true or false"),
  ]

  @Test(arguments: cases)
  func malformedPoliciesAreRejectedWithTheirPath(_ c: InputFileCase) throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("policy.json")
    try c.content.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPolicy(file.path) }
    #expect(error?.description.replacingOccurrences(of: folder.path + "/", with: "") == c.message)
  }

  @Test("a full policy reads")
  func fullPolicy() throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("policy.json")
    try Self.policy([
      "strategy": "close-then-delete", "startDate": "2026-12-01", "closeQuota": 100,
      "closuresInLast30Days": 4, "protectedAccounts": ["222222222222"],
      "closeProtectionTags": ["AccountType": "Critical"],
      "defaults": ["dataBackedUp": true, "priority": 10],
      "accounts": ["333333333333": ["disposition": "remove", "standaloneReady": true]],
      "management": ["savingsPlans": true, "rootMfaReady": false],
      "organization": ["controlTowerLandingZone": true, "identityCenterInstance": false],
    ]).write(to: file, atomically: true, encoding: .utf8)
    let policy = try PlanFiles.readPolicy(file.path).value
    #expect(policy.strategy == .closeThenDelete)
    #expect(policy.closeQuota == 100)
    #expect(policy.closeProtectionTags == ["AccountType": "Critical"])
    #expect(policy.closuresInLast30Days == 4)
    #expect(policy.defaults.priority == 10)
    #expect(policy.management.savingsPlans == true)
    #expect(policy.management.rootMfaReady == false)
    #expect(policy.organization.controlTowerLandingZone == true)
    #expect(policy.organization.identityCenterInstance == false)
    #expect(policy.accounts.count == 1)
  }
}
