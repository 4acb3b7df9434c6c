import ClosurePlanner
import Foundation
import OrgGraph
import PlanExecution
import PlanFiles
import Testing

@Suite struct JournalTests {
  let header = JournalRecord(
    .header(
      .init(organization: OrganizationID(unchecked: "o-abcdefghij"), planDigest: "sha256:00")),
    at: start)

  @Test func recordsRoundTripThroughTheLineFormat() throws {
    let request = APIRequest(
      .organizations, .deregisterDelegatedAdministrator,
      [.init("AccountId", "222222222200"), .init("ServicePrincipal", "guardduty.amazonaws.com")])
    let step = StepID(unchecked: "deregister-delegated-admin:222222222200:guardduty.amazonaws.com")
    let account = AccountID(unchecked: "222222222200")
    let close = closeRequest("222222222200")
    let records = [
      header,
      JournalRecord(
        .header(
          .init(
            organization: OrganizationID(unchecked: "o-abcdefghij"), planDigest: "sha256:01",
            tool: "orgclose 1.0")),
        at: start),
      JournalRecord(.started(step, request), at: start),
      JournalRecord(
        .failed(
          step,
          .init(
            "will-retry", request: request,
            error: AWSError("TooManyRequestsException", requestID: "r-1"))),
        at: start.adding(seconds: 1)),
      JournalRecord(
        .failed(
          closeStep("222222222200"),
          .init(
            "quota-exceeded", request: close,
            error: AWSError(
              "ConstraintViolationException", reason: "CLOSE_ACCOUNT_QUOTA_EXCEEDED",
              message: "quota", requestID: "r-2"),
            note: "no more closures in this run")),
        at: start),
      JournalRecord(
        .failed(
          closeStep("222222222200"),
          .init("unconfirmed", request: close, note: "the state shows no sign of the call")),
        at: start),
      JournalRecord(
        .succeeded(
          closeStep("222222222200"),
          .init("reconciled", request: close, seen: "PENDING_CLOSURE", requestID: "r-3")),
        at: start),
      JournalRecord(
        .observed(.init(account: account, state: .active, step: StepID(unchecked: "x"))),
        at: start),
      // An account no longer in the organization is written GONE and read back as no state.
      JournalRecord(.observed(.init(account: account, state: nil)), at: start),
      JournalRecord(.manualDone(billing, .init(by: "alice", note: "exported")), at: start),
      JournalRecord(
        .skipped(closeStep("222222222201"), reason: "222222222201 is in Root/Dev"), at: start),
    ]
    let data = records.reduce(into: Data()) { $0.append(JournalCoding.line($1)) }
    #expect(try JournalCoding.records(data, file: "j") == records)
  }

  @Test(arguments: [
    (
      "{\"event\":\"manual-done\",\"time\":\"2026-12-01T10:00:00.000Z\",\"step\":\"a\",\"by\":\"x\"}\n",
      "j:1: the first record must be a header"
    ),
    ("not json\n", "j:1: not a journal record"),
    (
      "{\"event\":\"header\",\"time\":\"2026-12-01T10:00:00Z\",\"schemaVersion\":1,\"organization\":\"o-a\",\"planDigest\":\"d\"}\n{\"event\":\"poked\",\"time\":\"2026-12-01T10:00:00Z\"}\n",
      "j:2: unknown event \"poked\""
    ),
    (
      "{\"event\":\"header\",\"time\":\"2026-12-01T10:00:00Z\",\"schemaVersion\":1,\"organization\":\"o-a\",\"planDigest\":\"d\"}\n{\"event\":\"header\",\"time\":\"2026-12-01T10:00:00Z\",\"schemaVersion\":1,\"organization\":\"o-b\",\"planDigest\":\"d\"}\n",
      "j:2: header: organization o-b is not o-a, the journal's"
    ),
  ])
  func invalidJournalsNameTheLine(_ text: String, _ message: String) {
    let error = #expect(throws: JournalError.self) {
      try JournalCoding.records(Data(text.utf8), file: "j")
    }
    #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
  }

  @Test("a journal is created by its first record, so a refused run leaves none behind")
  func aJournalIsCreatedByItsFirstRecord() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      let opened = try JournalFile(folder + "/j", note: "pid 1")
      #expect(opened.records.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/j"))
    let journal = try JournalFile(folder + "/j", note: "pid 1")
    try journal.append(header)
    #expect(try JournalFile.read(folder + "/j") == [header])
  }

  @Test("a last record cut short by a crash is left out, and removed before the next append")
  func aCutLastRecordIsRemoved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/j"
    let cut = #"{"event":"started","step":"close-account:1111111"#
    try (JournalCoding.line(header) + Data(cut.utf8)).write(to: URL(fileURLWithPath: file))
    #expect(try JournalFile.read(file) == [header])
    do {
      let journal = try JournalFile(file, note: "pid 1")
      #expect(journal.removedIncompleteBytes == cut.utf8.count)
      try journal.append(header)
    }
    #expect(try JournalFile.read(file) == [header, header])
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: file))
        == JournalCoding.line(header) + JournalCoding.line(header))
  }

  @Test func aSecondWriterIsRefusedNamingTheHolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try JournalFile(folder + "/j", note: "pid 1 on host as alice")
    try first.append(header)
    // flock locks belong to the open file description, so a second open in this process is
    // refused just as another process is.
    let error = #expect(throws: JournalError.self) { try JournalFile(folder + "/j", note: "pid 2") }
    #expect(error?.description.contains("pid 1 on host as alice") == true)
    #expect(try JournalFile.read(folder + "/j") == [header])
  }

  @Test func theAdapterDerivesEachRequestFromTheStep() {
    #expect(
      ExecutablePlanProbe.request("close-account:222222222200")
        == "aws organizations close-account --account-id 222222222200")
    #expect(
      ExecutablePlanProbe.request("deregister-delegated-admin:222222222200:guardduty.amazonaws.com")
        == "aws organizations deregister-delegated-administrator --account-id 222222222200 --service-principal guardduty.amazonaws.com"
    )
    #expect(
      ExecutablePlanProbe.request("cancel-invitation:h-abcdefgh")
        == "aws organizations cancel-handshake --handshake-id h-abcdefgh")
    #expect(
      ExecutablePlanProbe.request("delete-organization")
        == "aws organizations delete-organization")
    // The management account is never a call's subject.
    #expect(
      ExecutablePlanProbe.request("close-account:111111111111") == nil)
  }
}

/// Runs the plan adapter on one step of a minimal plan.
enum ExecutablePlanProbe {
  /// The `aws` command line of the step whose ID is `id`, as the adapter reads the typed step.
  static func request(_ id: String) -> String? {
    guard let action = try? StepAction(parsing: id) else { return nil }
    let day = CalendarDay(daysSince1970: 20_000)
    let plan = ClosurePlan(
      schemaVersion: ClosurePlan.currentSchemaVersion, generator: "orgclose test",
      inputs: .init(snapshot: "sha256:00", policy: nil),
      organization: .init(
        id: OrganizationID(unchecked: "o-abcdefghij"),
        managementAccountId: AccountID(unchecked: "111111111111"), featureSet: .all,
        memberCount: 1),
      strategy: .closeInPlace, startDate: day,
      closeQuota: .init(
        perWindow: 250, windowDays: 30, concurrent: 3, firstWindow: 250, closuresInLast30Days: 0,
        windows: 1, source: "rule B11"),
      summary: .init(
        steps: 1, apiSteps: 1, manualSteps: 0, waitSteps: 0, blocking: 0, warnings: 0,
        estimatedCompletion: day),
      accounts: [],
      steps: [
        .init(action)
      ],
      findings: [])
    guard case .call(let request) = ExecutablePlan(plan).steps[0].work else { return nil }
    return request.commandLine
  }
}
