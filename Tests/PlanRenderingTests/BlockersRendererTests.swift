import ClosurePlanner
import PlanRendering
import Testing

@Suite struct BlockersRendererTests {
  @Test func rendersTheSmallPlansFindingsPerAccountExactly() {
    // swift-format-ignore: LineLength
    let expected = """
      Organization
        INFO ORGANIZATION_DELETED_AFTER_POST_CLOSURE: AWS deletes the organization after the management
          account's post-closure period
          fix: Nothing to do

      333333333333  Sandbox
        path: Root/Dev
        BLOCKING ACCOUNT_SUSPENDED_BY_AWS: Sandbox (333333333333) is SUSPENDED by AWS (not a customer
          closure, rule A6); how CloseAccount and RemoveAccountFromOrganization treat it is undocumented
          fix: Contact AWS Support about the suspension before acting on this account

      222222222222  Payments
        path: Root/Prod
        WARNING ROUTE53_DOMAINS: Payments (222222222222) has Route 53 domains; they stay registered and
          keep renewing after the account is closed
          fix: Transfer or disable auto-renew before closing

      1 blocking, 1 warning, 1 info across 2 accounts and the organization

      """
    #expect(BlockersRenderer().render(PlanFixtures.small()) == expected)
  }

  @Test func saysSoWhenThereAreNoFindings() {
    var plan = PlanFixtures.small()
    plan.findings = []
    #expect(
      BlockersRenderer().render(plan)
        == "No findings.\n\n0 blocking, 0 warnings, 0 info across 0 accounts\n")
  }

  @Test func writesOneMarkdownTablePerAccountInFindingsOrder() {
    let markdown = BlockersRenderer(style: .markdown).render(PlanFixtures.small())
    let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("### ") }
    #expect(
      headings == ["### Organization", "### 333333333333 Sandbox", "### 222222222222 Payments"])
    #expect(markdown.contains("\nOU path: Root/Dev\n"))
    #expect(
      markdown.contains(
        "| **BLOCKING** | ACCOUNT\\_SUSPENDED\\_BY\\_AWS | Sandbox (333333333333) is SUSPENDED"))
    #expect(
      markdown.hasSuffix(
        "\n**1 blocking, 1 warning, 1 info across 2 accounts and the organization**\n"))
  }

  @Test func escapesHostileNamesInMarkdown() {
    let markdown = BlockersRenderer(style: .markdown).render(
      PlanFixtures.hostile("<script>x</script> | `y`\nz"))
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("### 333333333333 &lt;script&gt;x&lt;/script&gt; \\| \\`y\\` z\n"))
  }
}

/// `blockers --format csv`: one RFC 4180 row per finding, safe to open in a spreadsheet.
@Suite struct BlockersCSVTests {
  @Test func writesAHeaderAndOneRowPerFindingInReportOrder() {
    let csv = BlockersRenderer(style: .csv).render(PlanFixtures.small())
    let rows = csv.split(separator: "\r\n" as Character, omittingEmptySubsequences: false)
    #expect(rows.first == "account,ou_path,code,severity,message,remediation")
    #expect(rows.last == "", "every row, the last included, ends with CRLF")
    #expect(rows.count == 5)
    #expect(rows[1].hasPrefix(",,ORGANIZATION_DELETED_AFTER_POST_CLOSURE,info,"))
    #expect(rows[2].hasPrefix("333333333333,Root/Dev,ACCOUNT_SUSPENDED_BY_AWS,blocking,"))
    #expect(rows[3].hasPrefix("222222222222,Root/Prod,ROUTE53_DOMAINS,warning,"))
  }

  @Test(
    "cells are quoted as RFC 4180 says, and formula-like cells get a leading quote",
    arguments: [
      ("plain", "plain"),
      ("a, b", "\"a, b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("two\nlines", "\"two\nlines\""),
      ("cr\r\nlf", "\"cr\r\nlf\""),
      ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
      ("+1", "'+1"),
      ("-2+3", "'-2+3"),
      ("@SUM(A1)", "'@SUM(A1)"),
      ("\tcmd", "'\tcmd"),
      ("a=b", "a=b"),
      ("", ""),
    ])
  func cell(_ value: String, _ expected: String) {
    #expect(BlockersRenderer.csvCell(value) == expected)
  }

  @Test func aHostileAccountNameCannotBecomeAFormulaOrANewRow() {
    var plan = PlanFixtures.small()
    plan.findings[1].message = "=cmd|' /C calc'!A0"
    plan.findings[1].remediation = "line one\nline two, with \"quotes\""
    let csv = BlockersRenderer(style: .csv).render(plan)
    #expect(csv.contains(",'=cmd|' /C calc'!A0,\"line one\nline two, with \"\"quotes\"\"\"\r\n"))
  }
}
