import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// Facts AWS would never report, refused with the documented exit status and one line.
@Suite struct FidelityCommandTests {
  struct RefusalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var snapshot: [Edit] = []
    var policy: [Edit] = []
    var extra: [String] = []
    var status: OrgCloseCLI.ExitStatus
    /// The error after `orgclose: <folder>/`.
    var message: String
    var testDescription: String { name }
  }

  static let cases = [
    RefusalCase(
      name: "rule B11a: closeQuota above the rule value",
      policy: [Edit(from: #""closuresInLast30Days": 1,"#, to: #""closeQuota": 300,"#)],
      status: .dataError,
      message: "closure.policy.json: closeQuota: 300 is above the CloseAccount quota of 250 for "
        + "11 members (rule B11: min(1000, max(250, 20% of members)) per 30 days, which AWS does "
        + "not raise); set at most 250, or leave closeQuota out"),
    RefusalCase(
      name: "--start before the snapshot was taken",
      extra: ["--start", "2026-11-19"], status: .usage,
      message: "--start 2026-11-19 is before the snapshot <folder>/org.snapshot.json was taken on "
        + "2026-11-20 (capturedAt); start on or after 2026-11-20; see 'orgclose help'"),
    RefusalCase(
      name: "the policy's startDate before the snapshot was taken",
      policy: [Edit(from: #""startDate": "2026-12-01""#, to: #""startDate": "2026-11-01""#)],
      status: .dataError,
      message: "closure.policy.json: startDate: 2026-11-01 is before the snapshot "
        + "<folder>/org.snapshot.json was taken on 2026-11-20 (capturedAt); start on or after "
        + "2026-11-20, or take a new snapshot"),
    RefusalCase(
      name: "a joinedTimestamp after capturedAt",
      snapshot: [
        Edit(
          from: #""joinedTimestamp": "2019-05-14T08:30:00Z""#,
          to: #""joinedTimestamp": "2026-11-21T10:00:00Z""#)
      ],
      status: .dataError,
      message: "org.snapshot.json: accounts[1].joinedTimestamp: 2026-11-21T10:00:00.000Z is after "
        + "the snapshot was taken (capturedAt 2026-11-20T09:00:00.000Z); an account cannot have "
        + "joined later than it was seen"),
    RefusalCase(
      name: "rule D31: a delegated administrator not in the snapshot",
      snapshot: [
        Edit(
          from:
            #"{ "accountId": "222222222206", "servicePrincipal": "securityhub.amazonaws.com" }"#,
          to: #"{ "accountId": "999999999999", "servicePrincipal": "securityhub.amazonaws.com" }"#)
      ],
      status: .dataError,
      message: "org.snapshot.json: delegatedAdministrators[1].accountId: \"999999999999\" "
        + "(delegated administrator for securityhub.amazonaws.com) is not one of the snapshot's "
        + "accounts"),
  ]

  @Test(arguments: cases)
  func impossibleInputsAreRefused(_ c: RefusalCase) throws {
    let variant = try SampleVariant(snapshot: c.snapshot, policy: c.policy)
    defer { variant.remove() }
    let out = variant.file("plan.json")
    let result = CapturedConsole.run(
      ["plan", variant.snapshot, "--policy", variant.policy, "--out", out] + c.extra)
    #expect(result.status == c.status)
    let folder = variant.folder.path + "/"
    let message = c.message.replacing("<folder>/", with: folder)
    #expect(
      result.err == "orgclose: \(folder)\(message)\n" || result.err == "orgclose: \(message)\n")
    #expect(!FileManager.default.fileExists(atPath: out), "nothing is written on an error")
  }

  @Test(
    "rules A6, A6a: a snapshot with only the retired Status SUSPENDED plans the account as not active"
  )
  func legacyStatusIsReadAsAmbiguous() throws {
    let variant = try SampleVariant(snapshot: [
      Edit(
        from: #""id": "222222222208", "name": "#,
        to: #""id": "222222222208", "status": "SUSPENDED", "name": "#)
    ])
    defer { variant.remove() }
    let text = try String(contentsOfFile: variant.snapshot, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.contains("222222222208") })
    let withoutState = line.replacing(#""state": "ACTIVE", "#, with: "")
    try #require(withoutState != line)
    try text.replacing(line, with: withoutState).write(
      toFile: variant.snapshot, atomically: true, encoding: .utf8)
    let result = CapturedConsole.run(
      ["plan", variant.snapshot, "--policy", variant.policy, "--format", "json"])
    #expect(result.status == .success, "\(result.err)")
    #expect(result.out.contains(#""state":"CLOSED_OR_SUSPENDED""#))
    #expect(result.out.contains("LEGACY_STATUS_AMBIGUOUS"))
    #expect(!result.out.contains(#""id":"close-account:222222222208""#))
  }
}
