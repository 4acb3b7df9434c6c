import ClosurePlanner
import OrgGraph
import Testing

/// Step IDs held as one integer (an account subject) or as text must behave exactly as their
/// texts do: equal, ordered and hashed as the text, and written back byte for byte.
@Suite struct StepIDTests {
  /// IDs of every action, with account and other subjects, and texts no step has.
  static let texts: [String] = {
    var texts = StepAction.Name.allCases.flatMap { name in
      [
        name.rawValue, "\(name.rawValue):222222222222", "\(name.rawValue):000000000001",
        "\(name.rawValue):999999999999", "\(name.rawValue):22222222222",
        "\(name.rawValue):2222222222222", "\(name.rawValue):22222222222x",
      ]
    }
    texts += [
      "deregister-delegated-admin:222222222222:guardduty.amazonaws.com",
      "cancel-invitation:h-abc12345", "end-responsibility-transfer:rt-abc12345",
      "close-account:", ":222222222222", "", "close-account:２２２２２２２２２２２２",
      "no-such-action:222222222222", "close-account:222222222222:extra",
    ]
    return texts
  }()

  @Test("IDs compare, order and hash as their texts, whichever form they take")
  func idsBehaveAsTheirTexts() {
    let ids = Self.texts.map(StepID.init(unchecked:))
    for (left, leftText) in zip(ids, Self.texts) {
      #expect(left.rawValue == leftText)
      for (right, rightText) in zip(ids, Self.texts) {
        #expect((left == right) == (leftText == rightText), "\(leftText) == \(rightText)")
        #expect((left < right) == (leftText < rightText), "\(leftText) < \(rightText)")
        if leftText == rightText { #expect(left.hashValue == right.hashValue) }
      }
    }
    #expect(Set(ids).count == Set(Self.texts).count)
  }

  @Test("an ID read from bytes is the ID of its text, and writes the same bytes back")
  func bytesRoundTrip() {
    for text in Self.texts {
      var copy = text
      let fromBytes = copy.withUTF8 { StepID(unchecked: $0) }
      #expect(fromBytes == StepID(unchecked: text))
      var written: [UInt8] = []
      fromBytes.withUTF8 { written = Array($0) }
      #expect(written == Array(text.utf8), "\(text)")
    }
  }

  @Test("an action's ID equals the ID of its text, and parses back to the action")
  func actionsRoundTrip() throws {
    let account = AccountID(unchecked: "222222222222")
    let actions: [StepAction] = [
      .exportBillingHistory, .prepareAccount(account), .unmanageControlTowerAccount(account),
      .deregisterDelegatedAdministrator(
        account, service: ServicePrincipal(unchecked: "sso.amazonaws.com")),
      .enableRootPasswordRecovery(account), .resetRootPassword(account), .closeAccount(account),
      .awaitAccountClosed(account), .closeAccountAsRoot(account),
      .completeStandaloneSignup(account), .removeAccount(account),
      .closeStandaloneAccount(account), .awaitPermanentClosure, .decommissionLandingZone,
      .deleteOrganization, .closeManagementAccount(account),
      .cancelInvitation(HandshakeID(unchecked: "h-abc12345")),
      .awaitResponsibilityTransferEnd(ResponsibilityTransferID(unchecked: "rt-abc12345")),
    ]
    for action in actions {
      let text = action.id.rawValue
      #expect(action.id == StepID(unchecked: text))
      #expect(try StepAction(parsing: action.id) == action)
      #expect(try StepAction(parsing: text) == action)
    }
  }

  @Test("an account action's ID gives its name and account; no other ID does")
  func accountSubjects() {
    let subject = StepID(.closeAccount(AccountID(unchecked: "000000000042"))).accountSubject
    #expect(subject?.name == .closeAccount)
    #expect(subject?.account.rawValue == "000000000042")
    #expect(StepID(unchecked: "cancel-invitation:h-abc12345").accountSubject == nil)
    #expect(StepID(unchecked: "delete-organization").accountSubject == nil)
  }

  @Test("an ID with an account where the action takes another subject is refused, as text")
  func wrongSubjectsAreRefused() {
    #expect(throws: StepAction.ParseError.self) {
      try StepAction(parsing: StepID(unchecked: "cancel-invitation:222222222222"))
    }
    #expect(throws: StepAction.ParseError.self) {
      try StepAction(parsing: StepID(unchecked: "delete-organization:222222222222"))
    }
  }

  @Test("action names hash and read from bytes as their cases")
  func names() {
    for (ordinal, name) in StepAction.Name.allCases.enumerated() {
      #expect(name.ordinal == ordinal)
      var text = name.rawValue
      #expect(text.withUTF8 { StepAction.Name(utf8: $0) } == name)
    }
    var unknown = "close-accounts"
    #expect(unknown.withUTF8 { StepAction.Name(utf8: $0) } == nil)
    #expect(Set(StepAction.Name.allCases).count == StepAction.Name.allCases.count)
  }
}
