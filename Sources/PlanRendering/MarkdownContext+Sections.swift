import ClosurePlanner
import OrgGraph

extension MarkdownContext {
  /// Accounts in the per-account table's folds.
  static let accountsPerFold = 500

  /// What the policy decided: every protected account with its notes and what happens to it,
  /// and every account whose disposition is not the strategy's default.
  func decisionBlocks(notes: [AccountID: String]) -> [MarkdownPaginator.Block] {
    let protected = plan.accounts.filter(\.isProtected)
    let strategyDefault = plan.strategy.defaultDisposition
    let overridden = plan.accounts.filter { entry in
      entry.id != plan.organization.managementAccountId && !entry.isProtected
        && entry.disposition != nil && entry.disposition != strategyDefault
    }
    var blocks: [MarkdownPaginator.Block] = []
    blocks.append(
      .table(
        MarkdownPaginator.Table(
          heading: [
            "### Protected accounts (\(TextFormatting.grouped(protected.count)))", "",
            protected.isEmpty
              ? "No account is protected." : "Never closed by the plan (`protectedAccounts`).",
          ],
          columns: ["Account", "OU path", "What happens", "Notes"],
          rows: protected.map { entry in
            MarkdownDocument.row([
              Self.name(index.accountLabel(entry.id)), Self.name(entry.path),
              Self.name(outcome(entry)), Self.message(notes[entry.id] ?? "—"),
            ])
          })))
    blocks.append(
      .table(
        MarkdownPaginator.Table(
          heading: [
            "### Dispositions other than the strategy's (\(TextFormatting.grouped(overridden.count)))",
            "",
            overridden.isEmpty
              ? "Every other member gets `\(strategyDefault)`, the default of "
                + "`\(plan.strategy.rawValue)`."
              : "The default of `\(plan.strategy.rawValue)` is `\(strategyDefault)`.",
          ],
          columns: ["Account", "OU path", "Disposition", "What happens", "Notes"],
          rows: overridden.map { entry in
            MarkdownDocument.row([
              Self.name(index.accountLabel(entry.id)), Self.name(entry.path),
              Self.name(entry.disposition?.rawValue ?? "—"), Self.name(outcome(entry)),
              Self.message(notes[entry.id] ?? "—"),
            ])
          })))
    return blocks
  }

  /// `remove-account:… on 2026-12-04`: the step after which the account has left, and when.
  func outcome(_ entry: ClosurePlan.AccountEntry) -> String {
    guard let terminal = entry.terminalStep else {
      return entry.disposition == nil ? "nothing planned" : "already closed: nothing to do"
    }
    let day = index.step(terminal)?.notBefore.map { " from \($0)" } ?? ""
    return (entry.disposition?.rawValue ?? "") + ": " + terminal.rawValue + day
  }

  /// The findings of one severity, grouped by code: one explanation, then the accounts.
  func findingBlock(_ title: String, _ findings: [ClosurePlan.Finding], folded: Bool)
    -> MarkdownPaginator.Block
  {
    let groups = FindingGroups(findings, index: index).groups
    let rows = groups.map { group in
      let (message, remediation) = FindingGroups.explanation(group)
      let whom = FindingGroups.whom(group, index: index)
      let accounts = group.accounts.count > 1 ? whom + " (see the accounts table)" : whom
      return MarkdownDocument.row([
        Self.name(group.code), TextFormatting.grouped(group.count), Self.message(accounts),
        Self.message(group.uniform ? message : "For example: " + group.first.message),
        Self.message(remediation),
      ])
    }
    return .table(
      MarkdownPaginator.Table(
        heading: [
          "### \(title) (\(TextFormatting.grouped(findings.count)) in "
            + "\(TextFormatting.counted(groups.count, "code", "codes")))"
        ]
          + (findings.isEmpty ? ["", "None."] : []),
        columns: ["Code", "Findings", "Accounts", "What", "What to do"], numeric: [1],
        rows: rows, fold: folded && !rows.isEmpty ? "Codes" : nil))
  }

  /// Closures per window with dates.
  func calendarBlock() -> MarkdownPaginator.Block {
    let (counts, lastWindow) = closeStepsPerWindow
    guard lastWindow > 0 else { return .text(["### Closure calendar", "", Self.noCalendar]) }
    return .table(
      MarkdownPaginator.Table(
        heading: ["### Closure calendar"],
        columns: ["Window", "Starts", "Quota", "close-account steps"], numeric: [0, 2, 3],
        rows: (1...lastWindow).map { calendarRow($0, count: counts[$0] ?? 0) }))
  }

  /// Every account: OU path, disposition, window, date, findings and notes, in folds.
  func accountBlock(notes: [AccountID: String], planFile: String) -> MarkdownPaginator.Block {
    // No more rows than the comments could ever hold, all of them together.
    let room = MarkdownPlanRenderer.maximumComments * MarkdownPlanRenderer.characterLimit
    var rows: [String] = []
    var size = 0
    for entry in plan.accounts {
      guard size <= room else { break }
      var disposition = entry.disposition?.rawValue ?? "—"
      if entry.isProtected { disposition += " (protected)" }
      let day = entry.terminalStep.flatMap { index.step($0)?.notBefore?.description } ?? "—"
      let row = MarkdownDocument.row([
        Self.name(index.accountLabel(entry.id)), Self.name(entry.path), Self.name(disposition),
        index.step(StepID(.closeAccount(entry.id)))?.window.map(TextFormatting.grouped) ?? "—",
        day,
        entry.findings.isEmpty
          ? "—" : Self.name(entry.findings.map(\.rawValue).joined(separator: ", ")),
        Self.message(notes[entry.id] ?? "—"),
      ])
      size += row.utf8.count + 1
      rows.append(row)
    }
    return .table(
      MarkdownPaginator.Table(
        heading: [
          "### Accounts (\(TextFormatting.grouped(plan.accounts.count)))", "",
          "`orgclose render \(planFile) --account ID` shows everything about one account.",
        ],
        columns: [
          "Account", "OU path", "Disposition", "Window", "Leaves from", "Findings", "Notes",
        ],
        numeric: [3], rows: rows, fold: "Accounts", rowsPerFold: Self.accountsPerFold,
        leftOutHint: "`orgclose render \(planFile) --account ID` shows any account.",
        totalRows: plan.accounts.count))
  }
}
