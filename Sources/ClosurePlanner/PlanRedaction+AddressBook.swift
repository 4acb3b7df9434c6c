import OrgGraph

extension PlanRedaction {
  /// The prefix of the checklist task that quotes an account's `notes` from the policy.
  static let operatorNotePrefix = ClosurePlan.operatorNotePrefix

  /// Which placeholder each address of a plan gets, decided from the whole plan first, so
  /// every copy of an address gets the same one.
  struct AddressBook {
    /// Per account, the placeholder of each address, by its key.
    private var byAccount: [String: [String: String]] = [:]
    /// For texts about no account: the placeholder an address has for some account.
    private var anywhere: [String: String] = [:]

    init(_ plan: ClosurePlan) {
      // What the planner prints about an account (outside its notes, and with its name taken
      // out of the "name (id)" labels) is the account's root address.
      var printed: [String: Set<String>] = [:]
      var quoted: [String: [String]] = [:]
      let nameOf = Dictionary(plan.accounts.map { ($0.id.rawValue, $0.name) }) { first, _ in first }
      func read(_ text: String, account: String) {
        if text.hasPrefix(PlanRedaction.operatorNotePrefix) {
          quoted[account, default: []] += EmailAddresses.keys(in: text)
        } else {
          let label = "\(nameOf[account] ?? "") (\(account))"
          let unlabelled = text.replacing(label, with: "")
          printed[account, default: []].formUnion(EmailAddresses.keys(in: unlabelled))
        }
      }
      for account in plan.accounts {
        quoted[account.id.rawValue, default: []] += EmailAddresses.keys(in: account.name)
      }
      // Titles are derived from names, which are read above.
      for step in plan.steps {
        guard let account = step.account?.rawValue else { continue }
        for case .text(let text) in step.tasks { read(text, account: account) }
      }
      for finding in plan.findings {
        guard let account = finding.account?.rawValue else { continue }
        read(finding.message, account: account)
        read(finding.remediation, account: account)
      }
      for account in Set(printed.keys).union(quoted.keys).sorted() {
        var book: [String: String] = [:]
        for key in printed[account] ?? [] {
          book[key] = PlanRedaction.emailPlaceholder(for: account)
        }
        var contacts = 0
        for key in quoted[account] ?? [] where book[key] == nil {
          contacts += 1
          book[key] = "contact-\(account)-\(contacts)@\(EmailAddresses.placeholderDomain)"
        }
        for (key, placeholder) in book.sorted(by: { $0.key < $1.key }) where anywhere[key] == nil {
          anywhere[key] = placeholder
        }
        byAccount[account] = book
      }
    }

    /// The placeholder for the address `key` in a text about `account`.
    func placeholder(for key: String, account: String?) -> String {
      if let account {
        return byAccount[account]?[key] ?? PlanRedaction.emailPlaceholder(for: account)
      }
      return anywhere[key] ?? PlanRedaction.emailPlaceholder(for: nil)
    }
  }
}
