import ClosurePlanner
import Foundation
import TestSupport
import Testing

@testable import PlanFiles

/// Plan format 2: its declared keys, its line layout and its derived fields.
@Suite struct PlanFormatTests {
  @Test("every record declares its keys in sorted order, as the writer writes them")
  func keysAreSorted() {
    func sorted<Key: PlanWireKey>(_: Key.Type) -> Bool {
      Key.names == Key.names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
    #expect(sorted(PlanKey.self))
    #expect(sorted(InputsKey.self))
    #expect(sorted(OrganizationKey.self))
    #expect(sorted(CloseQuotaKey.self))
    #expect(sorted(SummaryKey.self))
    #expect(sorted(AccountKey.self))
    #expect(sorted(StepKey.self))
    #expect(sorted(FindingKey.self))
  }

  @Test("one account, one step, one finding per line, each a whole JSON record")
  func oneRecordPerLine() throws {
    var random = RandomOrganization(seed: 11)
    let (organization, policy) = try random.make()
    let plan = try Fixtures.plan(organization, policy: policy)
    let lines = String(decoding: PlanFiles.encodedPlan(plan), as: UTF8.self)
      .split(separator: "\n").map(String.init)
    let records = lines.filter { $0.hasPrefix("{\"") }
    #expect(records.count == plan.accounts.count + plan.steps.count + plan.findings.count)
    for record in records {
      let text = record.hasSuffix(",") ? String(record.dropLast()) : record
      #expect(
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any], "\(text)")
    }
    #expect(lines.first == "{" && lines.last == "}")
  }

  @Test("a step's date is stored only where it is not the one it inherits")
  func datesAreStoredWhereTheyDiffer() throws {
    let plan = try Fixtures.plan(
      Fixtures.organization(members: (1...3).map { Fixtures.member($0) }),
      policy: Policy(strategy: .closeThenDelete, closeQuota: 1))
    let text = String(decoding: PlanFiles.encodedPlan(plan), as: UTF8.self)
    // Closures in windows 2 and 3 start on their window's first day, which is derived; the
    // permanent-closure wait is 90 days after its prerequisites, which is not.
    let wait = try #require(
      text.split(separator: "\n").first { $0.contains("\"id\":\"await-permanent-closure") })
    #expect(wait.contains("\"notBefore\""))
    let closes = text.split(separator: "\n").filter { $0.contains("\"id\":\"close-account:") }
    #expect(closes.count == 3 && closes.allSatisfy { !$0.contains("notBefore") })
    #expect(try PlanFiles.decodePlan(Data(text.utf8), file: "plan.json") == plan)
  }

  @Test("a format 1 plan is refused with how to make it again")
  func formatOneIsRefused() throws {
    let text = #"{"schemaVersion": 1, "steps": [], "accounts": [], "findings": []}"#
    let error = #expect(throws: PlanFileError.self) {
      try PlanFiles.decodePlan(Data(text.utf8), file: "plan.json")
    }
    #expect(
      error?.description
        == "plan.json: schemaVersion: is 1: the plan was written in an older format than this "
        + "orgclose reads (2); make it again with 'orgclose plan SNAPSHOT --policy POLICY --out "
        + "PLAN', then review the new file")
  }
}
