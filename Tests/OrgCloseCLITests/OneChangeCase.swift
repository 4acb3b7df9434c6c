import Testing

/// A pair of inputs that differ from the acme sample in exactly one way, and what `diff` and
/// `check` must report about it.
struct OneChangeCase: Sendable, CustomTestStringConvertible {
  var name: String
  var snapshot: [Edit] = []
  var policy: [Edit] = []
  /// How `check` describes the inputs: `snapshot changed, policy unchanged`.
  var inputs = "snapshot changed, policy unchanged"
  /// The report's count line.
  var summary: String
  /// Lines each named section must hold, keyed by the section's first line.
  var sections: [String: [String]]

  var testDescription: String { name }

  static let all = [
    OneChangeCase(
      name: "an account's state ACTIVE → CLOSED",
      snapshot: [
        Edit(
          from: #""name": "sandbox-alice", "email": "aws+alice@acme.example", "state": "ACTIVE""#,
          to: #""name": "sandbox-alice", "email": "aws+alice@acme.example", "state": "CLOSED""#)
      ],
      summary: "  2 accounts changed; 2 steps removed, 1 changed; 1 finding added; "
        + "3 plan values changed",
      sections: [
        "~ sandbox-alice (222222222208)  Root/Sandbox/Teams": [
          "  ~ state: ACTIVE → CLOSED",
          "  ~ terminalStep: await-account-closed:222222222208 → none",
          "  - step close-account:222222222208  (api, wave 1, window 1, 2026-12-01)",
          "  - step await-account-closed:222222222208  (wait, wave 2, 2026-12-01)",
          "  + finding ACCOUNT_ALREADY_CLOSED (info)",
        ],
        "~ acme-management (111111111111)  Root": [
          "      after: removed await-account-closed:222222222208"
        ],
      ]),
    OneChangeCase(
      name: "an account moved to another OU",
      snapshot: [
        Edit(
          from: #""joinedTimestamp": "2018-11-11T11:11:11Z", "parentId": "ou-ac01-web00001""#,
          to: #""joinedTimestamp": "2018-11-11T11:11:11Z", "parentId": "ou-ac01-stag0001""#)
      ],
      summary: "  1 account changed",
      sections: [
        "~ web-cdn (222222222204)  Root/Staging": [
          "  ~ path: Root/Prod/Web → Root/Staging", "  (no steps affected)",
        ]
      ]),
    OneChangeCase(
      name: "an account added",
      snapshot: [
        Edit(
          from: #"    { "id": "222222222210", "name": "data-lake""#,
          to: #"""
                { "id": "222222222212", "name": "sandbox-bob", "email": "aws+bob@acme.example", "state": "ACTIVE", "joinedMethod": "CREATED", "joinedTimestamp": "2026-11-19T08:00:00Z", "parentId": "ou-ac01-team0001" },
                { "id": "222222222210", "name": "data-lake"
            """#)
      ],
      summary: "  1 account added, 1 changed; 3 steps added, 1 changed; 1 finding added; "
        + "6 plan values changed",
      sections: [
        "+ sandbox-bob (222222222212)  Root/Sandbox/Teams  (added: ACTIVE, CREATED, disposition close)":
          [
            "  + step prepare-account:222222222212  (manual, wave 0, 2026-12-01)",
            "  + step close-account:222222222212  (api, wave 1, window 1, 2026-12-01)",
            "  + step await-account-closed:222222222212  (wait, wave 2, 2026-12-01)",
            "  + finding DATA_NOT_BACKED_UP (warning)",
          ],
        "Organization": ["  ~ organization.memberCount: 11 → 12"],
      ]),
    OneChangeCase(
      name: "an account removed",
      snapshot: [
        Edit(
          from: #"""
                { "id": "222222222209", "name": "sandbox-old", "email": "aws+old@acme.example", "state": "CLOSED", "joinedMethod": "CREATED", "joinedTimestamp": "2020-10-10T10:10:10Z", "parentId": "ou-ac01-team0001" },

            """#,
          to: "")
      ],
      summary: "  1 account removed; 1 finding resolved; 1 plan value changed",
      sections: [
        "- sandbox-old (222222222209)  Root/Sandbox/Teams  (removed: CLOSED, CREATED, disposition close)":
          [
            "  (no steps affected)", "  - finding ACCOUNT_ALREADY_CLOSED (info), resolved",
          ],
        "Organization": ["  ~ organization.memberCount: 11 → 10"],
      ]),
    OneChangeCase(
      name: "a new delegated administrator",
      snapshot: [
        Edit(
          from:
            #"{ "accountId": "222222222206", "servicePrincipal": "securityhub.amazonaws.com" }"#,
          to: #"""
            { "accountId": "222222222206", "servicePrincipal": "securityhub.amazonaws.com" },
                { "accountId": "222222222207", "servicePrincipal": "config.amazonaws.com" }
            """#)
      ],
      summary:
        "  1 account changed; 1 step added, 1 changed; 1 finding added; 3 plan values changed",
      sections: [
        "~ log-archive (222222222207)  Root/Security": [
          "  ~ findings: added DELEGATED_ADMINISTRATOR",
          "  + step deregister-delegated-admin:222222222207:config.amazonaws.com  "
            + "(api, wave 0, 2026-12-01)",
          "  ~ step close-account:222222222207",
          "      after: added deregister-delegated-admin:222222222207:config.amazonaws.com",
          "  + finding DELEGATED_ADMINISTRATOR (warning)",
        ]
      ]),
    OneChangeCase(
      name: "a new responsibility transfer",
      snapshot: [
        Edit(
          from: #""responsibilityTransfers": []"#,
          to:
            #""responsibilityTransfers": [{ "id": "rt-acme00000001", "direction": "outbound", "status": "ACCEPTED" }]"#
        )
      ],
      summary:
        "  1 account changed; 2 steps added, 1 changed; 1 finding added; 5 plan values changed",
      sections: [
        "Organization": [
          "  ~ summary.estimatedCompletion: 2026-12-01 → 2027-01-01",
          "  + step end-responsibility-transfer:rt-acme00000001  (api, wave 0, 2026-12-01)",
          "  + step await-responsibility-transfer-end:rt-acme00000001  (wait, wave 1, 2027-01-01)",
          "  + finding RESPONSIBILITY_TRANSFER_ACTIVE (warning)",
        ],
        "~ acme-management (111111111111)  Root": [
          "  ~ step close-management-account:111111111111",
          "      after: added await-responsibility-transfer-end:rt-acme00000001",
          "      notBefore: 2026-12-01 → 2027-01-01",
        ],
      ]),
    OneChangeCase(
      name: "a policy change of disposition",
      policy: [
        Edit(
          from: #""222222222208": { "dataBackedUp": true }"#,
          to: #""222222222208": { "dataBackedUp": true, "disposition": "remove" }"#)
      ],
      inputs: "snapshot unchanged, policy changed",
      // The sign-up finding is a warning (rule D29a), so summary.warnings changes too.
      summary: "  2 accounts changed; 3 steps added, 2 removed, 1 changed; 1 finding added; "
        + "4 plan values changed",
      sections: [
        "~ sandbox-alice (222222222208)  Root/Sandbox/Teams": [
          "  ~ disposition: close → remove",
          "  ~ terminalStep: await-account-closed:222222222208 → remove-account:222222222208",
          "  - step close-account:222222222208  (api, wave 1, window 1, 2026-12-01)",
          "  + step remove-account:222222222208  (api, wave 1, 2026-12-01)",
        ]
      ]),
  ]
}

extension OneChangeCase {
  /// Checks that `report` holds the count line and every expected line in its section.
  func expectReported(in report: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.contains("\n" + summary + "\n"), sourceLocation: sourceLocation)
    let found = reportSections(report)
    for (heading, lines) in sections {
      let section = found[heading]
      #expect(section != nil, "no section \"\(heading)\"", sourceLocation: sourceLocation)
      for line in lines {
        #expect(
          section?.contains(line) == true, "section \"\(heading)\" lacks \"\(line)\"",
          sourceLocation: sourceLocation)
      }
    }
  }
}
