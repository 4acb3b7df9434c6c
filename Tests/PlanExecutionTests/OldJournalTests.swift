import ClosurePlanner
import Foundation
import OrgGraph
import PlanExecution
import PlanFiles
import Testing

/// A journal as the version before the typed engine wrote it (its encoder, keys sorted, one
/// record a line) reads into the typed records, and folds to the state that version read.
@Suite struct OldJournalTests {
  static let lines = [
    #"{"event":"header","message":"orgclose 0.9.0","organization":"o-abcdefghij","planDigest":"sha256:00","schemaVersion":1,"time":"2026-12-01T10:00:00.000Z"}"#,
    #"{"event":"manual-done","by":"alice","message":"exported","step":"export-billing-history","time":"2026-12-01T10:01:00.000Z"}"#,
    #"{"account":"222222222200","event":"observed","state":"ACTIVE","step":"close-account:222222222200","time":"2026-12-01T10:02:00.000Z"}"#,
    #"{"event":"started","request":{"operation":"CloseAccount","parameters":{"AccountId":"222222222200"},"service":"organizations"},"step":"close-account:222222222200","time":"2026-12-01T10:02:01.000Z"}"#,
    #"{"errorCode":"TooManyRequestsException","event":"failed","message":"Rate exceeded","outcome":"will-retry","request":{"operation":"CloseAccount","parameters":{"AccountId":"222222222200"},"service":"organizations"},"requestId":"r-1","step":"close-account:222222222200","time":"2026-12-01T10:02:02.000Z"}"#,
    #"{"event":"started","request":{"operation":"CloseAccount","parameters":{"AccountId":"222222222200"},"service":"organizations"},"step":"close-account:222222222200","time":"2026-12-01T10:02:22.000Z"}"#,
    #"{"event":"succeeded","outcome":"close-requested","request":{"operation":"CloseAccount","parameters":{"AccountId":"222222222200"},"service":"organizations"},"requestId":"r-2","step":"close-account:222222222200","time":"2026-12-01T10:02:23.000Z"}"#,
    #"{"account":"222222222200","event":"observed","state":"GONE","step":"await-account-closed:222222222200","time":"2026-12-01T10:12:00.000Z"}"#,
    #"{"event":"succeeded","outcome":"closed","state":"GONE","step":"await-account-closed:222222222200","time":"2026-12-01T10:12:00.000Z"}"#,
    #"{"event":"started","request":{"operation":"DeregisterDelegatedAdministrator","order":["AccountId","ServicePrincipal"],"parameters":{"AccountId":"222222222201","ServicePrincipal":"guardduty.amazonaws.com"},"service":"organizations"},"step":"deregister-delegated-admin:222222222201:guardduty.amazonaws.com","time":"2026-12-01T10:13:00.000Z"}"#,
    #"{"event":"failed","message":"the state shows no sign of the call; it may be sent again after a re-read","outcome":"unconfirmed","request":{"operation":"DeregisterDelegatedAdministrator","order":["AccountId","ServicePrincipal"],"parameters":{"AccountId":"222222222201","ServicePrincipal":"guardduty.amazonaws.com"},"service":"organizations"},"step":"deregister-delegated-admin:222222222201:guardduty.amazonaws.com","time":"2026-12-01T10:14:00.000Z"}"#,
    #"{"event":"skipped","message":"222222222202 is in Root/Sandbox, not in Root/Prod where the plan put it","step":"close-account:222222222202","time":"2026-12-01T10:15:00.000Z"}"#,
  ]

  @Test func aJournalTheEarlierVersionWroteReadsIntoTypedRecords() throws {
    let data = Data((Self.lines.joined(separator: "\n") + "\n").utf8)
    let records = try JournalCoding.records(data, file: "old.journal")
    #expect(records.count == Self.lines.count)
    let close = StepID(unchecked: "close-account:222222222200")
    let deregister = StepID(
      unchecked: "deregister-delegated-admin:222222222201:guardduty.amazonaws.com")
    guard case .header(let header) = records[0].event else {
      Issue.record("the first record is not a header")
      return
    }
    #expect(header.organization.rawValue == "o-abcdefghij" && header.tool == "orgclose 0.9.0")
    #expect(
      records[2].event
        == .observed(
          .init(account: AccountID(unchecked: "222222222200"), state: .active, step: close)))
    #expect(
      records[4].event
        == .failed(
          close,
          .init(
            "will-retry",
            request: APIRequest(
              .organizations, .closeAccount, [.init("AccountId", "222222222200")]),
            error: AWSError(
              "TooManyRequestsException", message: "Rate exceeded", requestID: "r-1"))))
    if case .observed(let gone) = records[7].event { #expect(gone.state == nil) }
    if case .failed(_, let failure) = records[10].event {
      #expect(failure.error == nil && failure.note?.hasPrefix("the state shows no sign") == true)
    }
    let state = JournalState(records)
    #expect(state.isDone(StepID(unchecked: "export-billing-history")))
    #expect(
      state.isDone(close) && state.isDone(StepID(unchecked: "await-account-closed:222222222200")))
    // The throttled call did not count; the accepted one did (rule B11).
    #expect(state.closureTimes == [Timestamp(iso8601: "2026-12-01T10:02:22.000Z")])
    if case .failed = state.status(deregister) {} else { Issue.record("deregister not failed") }
    if case .skipped = state.status(StepID(unchecked: "close-account:222222222202")) {
    } else {
      Issue.record("the skipped closure")
    }
    // Written again by this version, every record reads back the same.
    let again = records.reduce(into: Data()) { $0.append(JournalCoding.line($1)) }
    #expect(try JournalCoding.records(again, file: "new.journal") == records)
  }
}
