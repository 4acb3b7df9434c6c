import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

/// With `--redact`, no e-mail address survives, however it is written, and an address that
/// is not the account's own is not labelled as its root address.
@Suite struct RedactionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var output: String
    var testDescription: String { name }
  }

  static let root = "root-1@redacted.invalid"

  static let cases: [Case] = [
    Case(name: "a plain address", input: "mail a@b.co now", output: "mail \(root) now"),
    Case(name: "inside parentheses", input: "(x.y+z@corp.example.com)", output: "(\(root))"),
    Case(name: "a quoted local part", input: "\"j.doe\"@corp.example", output: root),
    Case(
      name: "a quoted local part with a space", input: "to \"j doe\"@corp.example today",
      output: "to \(root) today"),
    Case(name: "percent-encoded", input: "j.doe%40corp.example", output: root),
    Case(name: "percent-encoded in capitals", input: "J.Doe%40Corp.Example", output: root),
    Case(name: "an HTML entity", input: "j.doe&#64;corp.example", output: root),
    Case(name: "a hexadecimal HTML entity", input: "j.doe&#x40;corp.example", output: root),
    Case(name: "a named HTML entity", input: "j.doe&commat;corp.example", output: root),
    Case(name: "a JSON escape", input: "j.doe\\u0040corp.example", output: root),
    Case(name: "a full-width at sign", input: "j.doe\u{FF20}corp.example", output: root),
    Case(name: "a mailto link", input: "mailto:ops@corp.example.", output: "mailto:\(root)."),
    Case(name: "in angle brackets", input: "Ops <ops@corp.example>", output: "Ops <\(root)>"),
    Case(name: "in single quotes", input: "'ops@corp.example'", output: "'\(root)'"),
    Case(name: "a non-ASCII address", input: "jörg@bücher.example", output: root),
    Case(name: "no domain dot", input: "a@b", output: "a@b"),
    Case(name: "a handle", input: "@handle", output: "@handle"),
    Case(name: "a percentage", input: "100%40 of it", output: "100%40 of it"),
    Case(name: "a placeholder", input: root, output: root),
  ]

  @Test(arguments: cases)
  func addressesAreFoundHoweverWritten(_ c: Case) {
    #expect(PlanRedaction.replacingEmails(in: c.input, account: "1") == c.output)
  }

  /// A member whose notes name its own root address, a vendor's and an encoded one, in an OU
  /// whose name holds an address, with a root address the plan prints.
  static func plan() throws -> ClosurePlan {
    let unit = OrganizationalUnit(
      id: Fixtures.unit("team"), name: "Team ops@corp.example", parent: .root(Fixtures.rootID))
    var member = Fixtures.member(
      1, parent: .organizationalUnit(unit.id), name: "carol@corp.example")
    member.email = "aws+1@example.com"
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[Fixtures.account(1)] = AccountPolicy(
      facts: AccountFacts(
        rootEmailReachable: false, emailReuseNeeded: true,
        notes: "Root aws+1@example.com; vendor \"bob smith\"@vendor.example, "
          + "billing%40vendor.example"))
    return try Fixtures.plan(
      try Fixtures.organization(members: [member], units: [unit]), policy: policy)
  }

  static func texts(_ plan: ClosurePlan) -> [String] {
    plan.accounts.flatMap { [$0.name, $0.path] }
      + plan.steps.flatMap { [StepTitles(plan)($0)] + $0.checklist }
      + plan.findings.flatMap { [$0.message, $0.remediation] }
  }

  @Test("no address survives in any text of the plan, and third parties keep their own label")
  func planIsRedacted() throws {
    let plan = try Self.plan()
    let all = Self.texts(plan).joined(separator: "\n")
    for address in ["aws+1@example.com", "vendor.example", "ops@corp.example", "carol@corp"] {
      #expect(all.contains(address))
    }
    let redacted = PlanRedaction().redacting(plan)
    let texts = Self.texts(redacted).joined(separator: "\n")
    for leaked in ["example.com", "vendor.example", "corp.example", "%40"] {
      #expect(!texts.contains(leaked), "\(leaked) survived")
    }
    let member = "100000000001"
    let note = try #require(redacted.step("prepare-account:\(member)")?.checklist.last)
    #expect(
      note
        == "Operator note: Root root-\(member)@redacted.invalid; vendor "
        + "contact-\(member)-2@redacted.invalid, contact-\(member)-3@redacted.invalid")
    #expect(redacted.accounts.contains { $0.name == "contact-\(member)-1@redacted.invalid" })
    #expect(redacted.accounts.contains { $0.path == "Root/Team address@redacted.invalid" })
    #expect(PlanRedaction().redacting(redacted) == redacted)
  }
}
