import OrgGraph
import Testing

@Suite struct IdentifierTests {
  @Test(
    "rule A2: account IDs are exactly 12 digits",
    arguments: [
      ("111122223333", true), ("11112222333", false), ("1111222233334", false),
      ("11112222333a", false), ("", false), ("１１１１２２２２３３３３", false),
    ])
  func accountIDFormat(_ raw: String, _ valid: Bool) {
    #expect((AccountID(rawValue: raw) != nil) == valid)
  }

  @Test(
    "rule A2: root, OU, organization, handshake and transfer ID formats",
    arguments: [
      ("r-ab12", true), ("r-ab1", false), ("r-AB12", false), ("ou-ab12-abcd1234", true),
      ("ou-ab12-abcd123", false), ("ou-ab1-abcd1234", false), ("ou-ab12abcd1234", false),
      ("o-abcdefghij", true), ("o-abcdefghi", false), ("h-abcd1234", true), ("h-abc123", false),
      ("rt-abcd1234", true), ("rt-abcd123", false),
    ])
  func otherIDFormats(_ raw: String, _ valid: Bool) {
    let parsed: Bool
    switch raw.prefix(2) {
    case "r-": parsed = RootID(rawValue: raw) != nil
    case "ou": parsed = OrganizationalUnitID(rawValue: raw) != nil
    case "o-": parsed = OrganizationID(rawValue: raw) != nil
    case "h-": parsed = HandshakeID(rawValue: raw) != nil
    default: parsed = ResponsibilityTransferID(rawValue: raw) != nil
    }
    #expect(parsed == valid)
  }

  @Test("rules A6, A6a: the legacy Status SUSPENDED is closed or suspended; State keeps SUSPENDED")
  func legacyStatusMapping() {
    #expect(AccountState(legacyStatus: "SUSPENDED") == .closedOrSuspended)
    #expect(AccountState(awsValue: "CLOSED_OR_SUSPENDED") == .unknown("CLOSED_OR_SUSPENDED"))
    #expect(AccountState(legacyStatus: "ACTIVE") == .active)
    #expect(AccountState(legacyStatus: "PENDING_CLOSURE") == .pendingClosure)
    #expect(AccountState(awsValue: "SUSPENDED") == .suspended)
    #expect(AccountState(awsValue: "ON_HOLD") == .unknown("ON_HOLD"))
  }
}
