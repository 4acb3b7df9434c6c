import ClosurePlanner
import PlanRendering
import Testing

@Suite struct TextPlanRendererTests {
  @Test func rendersTheSmallPlanExactly() {
    // swift-format-ignore: LineLength
    let expected = """
      Shutdown plan for organization o-exampleorgid
        Management account    Management (111111111111)
        Feature set           ALL
        Members               2
        Strategy              close-in-place
        Start date            2026-12-01
        Close quota           250 closures per 30 days (rule B11), 3 in flight
        Closure windows       1
        Estimated completion  2026-12-02
        Steps                 7 in 5 waves: 2 api, 3 manual, 2 wait
        Findings              1 blocking, 1 warning, 1 info

      BLOCKING (1 in 1 code)
        ACCOUNT_SUSPENDED_BY_AWS  Sandbox (333333333333)
          Sandbox (333333333333) is SUSPENDED by AWS (not a customer closure, rule A6); how CloseAccount
          and RemoveAccountFromOrganization treat it is undocumented
          fix: Contact AWS Support about the suspension before acting on this account

      WARNINGS (1 in 1 code)
        ROUTE53_DOMAINS  Payments (222222222222)
          Payments (222222222222) has Route 53 domains; they stay registered and keep renewing after the
          account is closed
          fix: Transfer or disable auto-renew before closing

      TIMELINE
        2026-12-01                Export billing history
        2026-12-01                Preparation (1 step)
        2026-12-01 to 2026-12-30  Window 1 (2 closures)
        2026-12-02                Close the management account
        2027-03-02                Organization gone

      STEPS (7 in 5 waves)

      Wave 0 (1 step, 2026-12-01)
        [manual] 2026-12-01  export-billing-history  Export the organization's billing history

      Wave 1 (1 step, 2026-12-01)
        [manual] 2026-12-01  prepare-account:222222222222  Prepare Payments (222222222222) for closure

      Wave 2 (2 steps, 2026-12-01)
        [api]    2026-12-01  close-account:222222222222  Close Payments (222222222222) with CloseAccount
                             (window 1)
        [api]    2026-12-01  close-account:333333333333  Close Sandbox (333333333333) with CloseAccount
                             (window 1)

      Wave 3 (2 steps, 2026-12-01)
        [wait]   2026-12-01  await-account-closed:222222222222  Wait until Payments (222222222222) reads
                             CLOSED
        [wait]   2026-12-01  await-account-closed:333333333333  Wait until Sandbox (333333333333) reads
                             CLOSED

      Wave 4 (1 step, 2026-12-02)
        [manual] 2026-12-02  close-management-account:111111111111  Close the management account
                             Management (111111111111) as root, last

      """
    #expect(TextPlanRenderer().render(PlanFixtures.small()) == expected)
  }

  @Test func foldsPerAccountStepsOfLargePlansIntoCountsPerAction() {
    let text = TextPlanRenderer().render(PlanFixtures.synthetic(members: 1_000))
    #expect(
      text.contains("\n  [api]    close-account × 1,000, windows 1–4, 2026-12-01 … 2027-03-01\n"))
    #expect(text.contains("\n  [wait]   await-account-closed × 1,000, 2026-12-01 … 2027-03-01\n"))
    // Organization-level steps, and per-account steps alone in their wave, stay in full.
    #expect(text.contains("  export-billing-history  Export the organization's billing history\n"))
    #expect(text.contains("  close-management-account:999999999999  Close the management account"))
    #expect(!text.contains("close-account:100000000000"))
  }

  @Test func groupsWarningsByCodeWithTheirAccounts() {
    let text = TextPlanRenderer().render(PlanFixtures.synthetic(members: 1_000))
    #expect(text.contains("WARNINGS (143 in 1 code)\n"))
    // One explanation for the 143 accounts, not 143 copies of it.
    let lines = text.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("  ONGOING_SPEND  ") }.count == 1)
    #expect(
      lines.contains { $0.hasPrefix("  ONGOING_SPEND  143 accounts: ") && $0.hasSuffix(", …") })
  }

  @Test(arguments: [10, 1_000])
  func fitsAHundredColumnTerminal(_ members: Int) {
    let text = TextPlanRenderer().render(PlanFixtures.synthetic(members: members))
    let tooWide = text.split(separator: "\n").filter { $0.count > 100 }
    #expect(tooWide.isEmpty)
  }

  @Test func keepsHostileNamesOnOneLineWithoutTerminalControls() {
    let hostile = "Evil\u{1B}[2J\nInjected line\u{202E}dlrow"
    let text = TextPlanRenderer().render(PlanFixtures.hostile(hostile))
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{202E}"))
    #expect(!text.contains("\nInjected line"))
    #expect(text.contains("Evil [2J Injected line dlrow"))
  }
}
