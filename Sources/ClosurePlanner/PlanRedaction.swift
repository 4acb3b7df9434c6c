/// Replaces account e-mail addresses (and, on request, account names) in a plan with stable
/// placeholders, so a plan can be posted where addresses must not leak.
///
/// Placeholders are derived from the account ID the text is about (`root-<id>@redacted.invalid`,
/// `account-<id>`), so the same account gets the same placeholder in every plan, and a diff of
/// two redacted plans stays readable. Account IDs themselves are kept: the plan is about them.
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
    account.map { "root-\($0)@redacted.invalid" } ?? "address@redacted.invalid"
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
    func scrub(_ text: String, account: String?) -> String {
      var text = text
      for (name, placeholder) in names where text.contains(name) {
        text = text.replacing(name, with: placeholder)
      }
      return emails ? Self.replacingEmails(in: text, account: account) : text
    }
    if self.names {
      for index in plan.accounts.indices {
        plan.accounts[index].name = "account-\(plan.accounts[index].id)"
      }
    }
    for index in plan.steps.indices {
      let account = plan.steps[index].account
      plan.steps[index].title = scrub(plan.steps[index].title, account: account)
      plan.steps[index].tasks = plan.steps[index].tasks?.map { scrub($0, account: account) }
    }
    for index in plan.findings.indices {
      let account = plan.findings[index].account
      plan.findings[index].message = scrub(plan.findings[index].message, account: account)
      plan.findings[index].remediation = scrub(plan.findings[index].remediation, account: account)
    }
    plan.redacted = Array(Set((plan.redacted ?? []) + labels)).sorted()
    return plan
  }

  /// Replaces every e-mail-shaped word (`[^\s@]+@[^\s@]+\.[^\s@]+`, rule A2) with the
  /// placeholder of `account`.
  public static func replacingEmails(in text: String, account: String?) -> String {
    guard text.contains("@") else { return text }
    var result = ""
    var word = ""
    func flush() {
      result += isEmail(word) ? emailPlaceholder(for: account) : word
      word = ""
    }
    for character in text {
      if character.isWhitespace || "()[]<>,;\"'`".contains(character) {
        flush()
        result.append(character)
      } else {
        word.append(character)
      }
    }
    flush()
    return result
  }

  private static func isEmail(_ word: String) -> Bool {
    let parts = word.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !word.hasSuffix("@redacted.invalid") else {
      return false
    }
    let domain = parts[1].trimmingSuffix(".")
    return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
  }
}

extension Substring {
  fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
    var text = self
    while text.last == suffix { text = text.dropLast() }
    return text
  }
}
