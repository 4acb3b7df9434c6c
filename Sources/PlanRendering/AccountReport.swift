public import ClosurePlanner
public import OrgGraph

/// Everything a plan says about a few accounts: `orgclose render PLAN --account ID` or
/// `--ou PATH`, the `terraform state show` of a plan.
///
/// For each account: its entry (OU path, state, how it joined, disposition, protection, the
/// step after which it has left), its closure window and date, the policy's notes, its findings
/// in full and its steps in plan order with their dates, kinds, AWS calls, prerequisites and
/// checklists.
public struct AccountReport: Sendable {
  /// Which accounts to show.
  public enum Selection: Sendable, Equatable {
    /// One account, by ID.
    case account(AccountID)
    /// The accounts whose OU path is `path` or lies below it (`Root/Prod` takes
    /// `Root/Prod/Payments`).
    case organizationalUnit(String)
  }

  public var selection: Selection

  /// Creates a report of `selection`.
  public init(_ selection: Selection) {
    self.selection = selection
  }

  /// The accounts of `plan` the selection takes, in plan order (by path, then ID).
  public func accounts(in plan: ClosurePlan) -> [ClosurePlan.AccountEntry] {
    switch selection {
    case .account(let id): plan.accounts.filter { $0.id == id }
    case .organizationalUnit(let path):
      plan.accounts.filter { $0.path == path || $0.path.hasPrefix(path + "/") }
    }
  }

  /// The report as text wrapped for a terminal; empty when the selection takes no account.
  public func render(_ plan: ClosurePlan) -> String {
    let index = PlanIndex(plan)
    let notes = plan.notesByAccount
    var lines: [String] = []
    for entry in accounts(in: plan) {
      if !lines.isEmpty { lines.append("") }
      lines += section(entry, plan: plan, index: index, notes: notes[entry.id])
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  private func section(
    _ entry: ClosurePlan.AccountEntry, plan: ClosurePlan, index: PlanIndex, notes: String?
  ) -> [String] {
    let steps = plan.steps.filter { $0.account == entry.id }
    let close = steps.first { $0.action.name == .closeAccount }
    let terminal = entry.terminalStep.flatMap { id in plan.steps.first { $0.id == id } }
    var rows: [(String, String)] = [
      ("OU path", entry.path),
      ("State", entry.state.rawValue),
      ("Joined", entry.joinedMethod.rawValue),
      ("Disposition", entry.disposition?.rawValue ?? "none: nothing is planned"),
      ("Protected", entry.isProtected ? "yes (protectedAccounts)" : "no"),
    ]
    if entry.id == plan.organization.managementAccountId {
      rows.append(("Role", "management account"))
    }
    if let close, let window = close.window {
      rows.append(
        (
          "Closure window",
          "\(window), CloseAccount not before \(close.notBefore.map(\.description) ?? "—")"
        ))
    }
    if let terminal {
      rows.append(
        (
          "Leaves service",
          "\(terminal.id), not before \(terminal.notBefore.map(\.description) ?? "—")"
        ))
    }
    rows.append(("Notes", notes ?? "none"))
    var lines = wrapped(index.accountLabel(entry.id), first: "", indent: "  ")
    for (key, value) in rows {
      let padding = String(repeating: " ", count: max(1, 16 - key.count))
      lines += wrapped(
        value, first: "  " + key + padding, indent: String(repeating: " ", count: 18))
    }
    let findings = plan.findings.filter { $0.account == entry.id }
    lines.append("")
    lines.append("  FINDINGS (\(TextFormatting.grouped(findings.count)))")
    if findings.isEmpty { lines.append("    none") }
    for finding in findings {
      lines += wrapped(
        "\(finding.severity.rawValue.uppercased()) \(finding.code)"
          + (finding.step.map { " (step \($0))" } ?? ""), first: "    ", indent: "      ")
      lines += wrapped(finding.message, first: "      ", indent: "      ")
      lines += wrapped(finding.remediation, first: "      fix: ", indent: "           ")
    }
    lines.append("")
    lines.append("  STEPS (\(TextFormatting.grouped(steps.count)))")
    if steps.isEmpty { lines.append("    none") }
    for step in steps {
      var placement = "\(step.kind.rawValue), wave \(step.wave)"
      if let window = step.window { placement += ", window \(window)" }
      if let day = step.notBefore { placement += ", not before \(day)" }
      lines += wrapped("\(step.id)  (\(placement))", first: "    ", indent: "      ")
      lines += wrapped(index.title(step), first: "      ", indent: "      ")
      if let call = step.call {
        lines += wrapped("call: " + call, first: "      ", indent: "        ")
      }
      if !step.after.isEmpty {
        lines += wrapped(
          "after: " + step.after.map(\.rawValue).joined(separator: ", "), first: "      ",
          indent: "        ")
      }
      for task in step.checklist {
        lines += wrapped(task, first: "      - ", indent: "        ")
      }
    }
    return lines
  }

  private func wrapped(_ text: String, first: String, indent: String) -> [String] {
    TextFormatting.wrapped(
      TextEscaping.terminal(text), width: TextPlanRenderer.width, firstIndent: first,
      indent: indent)
  }
}
