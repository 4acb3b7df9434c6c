import OrgGraph

/// Replaces e-mail addresses (and, on request, account names) in a plan with stable
/// placeholders, so a plan can be posted where addresses must not leak.
///
/// Placeholders are derived from the account a text is about, so the same account gets the
/// same placeholder in every plan and a diff of two redacted plans stays readable:
/// - an address the planner prints about an account (its root address) becomes
///   `root-<id>@redacted.invalid`;
/// - another address in the account's notes or name (a third party, such as a vendor's
///   contact) becomes `contact-<id>-<n>@redacted.invalid`, numbered in order of appearance;
/// - an address elsewhere (in an OU name, or in a text about no account) becomes the
///   placeholder it has in the account texts, else `address@redacted.invalid`.
///
/// Account IDs themselves are kept: the plan is about them.
public struct PlanRedaction: Sendable, Equatable {
  public var emails: Bool
  public var names: Bool

  /// - Parameters:
  ///   - emails: Replace e-mail addresses.
  ///   - names: Replace account names too.
  public init(emails: Bool = true, names: Bool = false) {
    self.emails = emails
    self.names = names
  }

  /// What the plan records in `redacted`.
  public var labels: [String] { (emails ? ["emails"] : []) + (names ? ["names"] : []) }

  /// The placeholder for the root e-mail address of `account`.
  public static func emailPlaceholder(for account: String?) -> String {
    account.map { "root-\($0)@\(EmailAddresses.placeholderDomain)" }
      ?? "address@\(EmailAddresses.placeholderDomain)"
  }

  /// `plan` with every address (and name) replaced; a plan already redacted the same way
  /// comes back unchanged.
  public func redacting(_ plan: ClosurePlan) -> ClosurePlan {
    guard emails || names else { return plan }
    var plan = plan
    // "name (id)" is how every message and title names an account.
    let names: [(String, String)] =
      self.names
      ? plan.accounts.filter { !$0.name.isEmpty }.map {
        ("\($0.name) (\($0.id))", "account-\($0.id) (\($0.id))")
      }
      : []
    if self.names {
      for index in plan.accounts.indices {
        plan.accounts[index].name = "account-\(plan.accounts[index].id)"
      }
    }
    let placeholders = emails ? AddressBook(plan) : nil
    func scrub(_ text: String, account: String?) -> String {
      var text = text
      for (name, placeholder) in names where text.contains(name) {
        text = text.replacing(name, with: placeholder)
      }
      guard let placeholders else { return text }
      return EmailAddresses.replacing(in: text) {
        placeholders.placeholder(for: $0, account: account)
      }
    }
    for index in plan.accounts.indices {
      let account = plan.accounts[index].id.rawValue
      plan.accounts[index].name = scrub(plan.accounts[index].name, account: account)
      plan.accounts[index].path = scrub(plan.accounts[index].path, account: nil)
    }
    for index in plan.steps.indices {
      let account = plan.steps[index].account?.rawValue
      plan.steps[index].tasks = plan.steps[index].tasks.map { task in
        guard case .text(let text) = task else { return task }
        return .text(scrub(text, account: account))
      }
    }
    for index in plan.findings.indices {
      let account = plan.findings[index].account?.rawValue
      plan.findings[index].message = scrub(plan.findings[index].message, account: account)
      plan.findings[index].remediation = scrub(plan.findings[index].remediation, account: account)
    }
    plan.redacted = Array(Set((plan.redacted ?? []) + labels)).sorted()
    return plan
  }

  /// Replaces every address in `text` with the root placeholder of `account`.
  public static func replacingEmails(in text: String, account: String?) -> String {
    EmailAddresses.replacing(in: text) { _ in emailPlaceholder(for: account) }
  }
}
