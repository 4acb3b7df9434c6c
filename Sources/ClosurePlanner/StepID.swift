public import OrgGraph

/// A step's stable ID, `action:subject` (`close-account:222222222222`): how prerequisites,
/// findings, diffs and the `apply` journal name a step across runs.
///
/// It is derived from the step's `StepAction`, so an ID and its action can never disagree.
///
/// Plans look steps up by ID several times per step, so an ID whose subject is an account
/// (most of them) is held as one integer: hashing and comparing it touch no string. Every
/// other ID keeps its text. Which form an ID takes depends on its text alone, so two IDs are
/// equal exactly when their texts are.
public struct StepID: Hashable, Comparable, Sendable, CustomStringConvertible {
  private let storage: Storage

  private enum Storage: Equatable {
    /// The action's position in `StepAction.Name.allCases` above bit 40, the account's
    /// 12 digits as a number below it (10^12 < 2^40).
    case account(UInt64)
    case text(String)
  }

  /// Hashes the integer or the text alone: equal IDs have equal storage.
  public func hash(into hasher: inout Hasher) {
    switch storage {
    case .account(let packed): hasher.combine(packed)
    case .text(let text): hasher.combine(text)
    }
  }

  /// The ID of the step that carries out `action`.
  public init(_ action: StepAction) {
    switch action {
    case .deregisterDelegatedAdministrator, .exportBillingHistory, .cancelInvitation,
      .endResponsibilityTransfer, .awaitResponsibilityTransferEnd, .awaitPermanentClosure,
      .decommissionLandingZone, .deleteOrganization:
      storage = .text(
        action.subject.map { "\(action.name.rawValue):\($0)" } ?? action.name.rawValue)
    default:
      let account = action.account?.rawValue ?? ""
      storage =
        Self.packed(action.name, account: account.utf8)
        .map(Storage.account) ?? .text("\(action.name.rawValue):\(account)")
    }
  }

  /// The ID as written, for looking steps up by ID; `StepAction(parsing:)` checks its form.
  public init(unchecked rawValue: String) {
    var text = rawValue
    let packed = text.withUTF8 { Self.packed($0) }
    storage = packed.map(Storage.account) ?? .text(rawValue)
  }

  /// The ID whose text is `utf8`, as a reader finds it in a file.
  public init(unchecked utf8: UnsafeBufferPointer<UInt8>) {
    storage = Self.packed(utf8).map(Storage.account) ?? .text(String(decoding: utf8, as: UTF8.self))
  }

  /// The action's name and the account of an ID whose subject is an account ID and nothing
  /// else (`close-account:222222222222`); `nil` for every other ID.
  public var accountSubject: (name: StepAction.Name, account: AccountID)? {
    guard case .account(let packed) = storage else { return nil }
    var digits = packed & Self.accountMask
    let text = String(unsafeUninitializedCapacity: 12) { buffer in
      for position in (0..<12).reversed() {
        buffer[position] = UInt8(ascii: "0") + UInt8(digits % 10)
        digits /= 10
      }
      return 12
    }
    return (Self.names[Int(packed >> Self.accountBits)], AccountID(unchecked: text))
  }

  /// The ID's text, `action:subject`.
  public var rawValue: String {
    switch storage {
    case .text(let text): return text
    case .account:
      var text = ""
      withUTF8 { text = String(decoding: $0, as: UTF8.self) }
      return text
    }
  }

  public var description: String { rawValue }

  /// Calls `body` with the ID's text as UTF-8, without building a `String` for an ID held as
  /// an integer: how plan writers copy IDs out.
  ///
  /// Not generic over a result: a generic one, called from another module, looked its types up
  /// at run time for every ID.
  public func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    switch storage {
    case .text(var text): return text.withUTF8(body)
    case .account(let packed):
      // On the stack: the longest name, a colon and 12 digits fit in 64 bytes.
      var text: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0)
      withUnsafeMutableBytes(of: &text) { raw in
        let buffer = raw.bindMemory(to: UInt8.self)
        // A name's text is a literal: reading it retains nothing.
        var name = Self.names[Int(packed >> Self.accountBits)].rawValue
        var end = name.withUTF8 {
          UnsafeMutableBufferPointer(rebasing: buffer[..<$0.count]).update(fromContentsOf: $0)
        }
        buffer[end] = UInt8(ascii: ":")
        end += 13
        var digits = packed & Self.accountMask
        for position in (end - 12..<end).reversed() {
          buffer[position] = UInt8(ascii: "0") + UInt8(digits % 10)
          digits /= 10
        }
        body(UnsafeBufferPointer(rebasing: buffer[..<end]))
      }
    }
  }

  /// Orders IDs as their texts: an action's `name:` prefix first (no name holds a colon, so
  /// prefixes decide whenever they differ), then the subject, whose 12 digits order as their
  /// number.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    if case .account(let left) = lhs.storage, case .account(let right) = rhs.storage {
      let leftName = Int(left >> accountBits)
      let rightName = Int(right >> accountBits)
      guard leftName == rightName else { return prefixRank[leftName] < prefixRank[rightName] }
      return left < right
    }
    return lhs.rawValue < rhs.rawValue
  }

  private static let names = StepAction.Name.allCases
  private static let accountBits: UInt64 = 40
  private static let accountMask: UInt64 = (1 << accountBits) - 1

  /// Each name's rank when the names are sorted as `name:` prefixes, by name position.
  private static let prefixRank: [Int] = {
    let prefixes = names.map { $0.rawValue + ":" }
    var rank = [Int](repeating: 0, count: prefixes.count)
    for (order, position) in prefixes.indices.sorted(by: { prefixes[$0] < prefixes[$1] })
      .enumerated()
    {
      rank[position] = order
    }
    return rank
  }()

  /// The integer form of `name:DIGITS` with exactly 12 digits, or `nil` for any other text.
  private static func packed(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard utf8.count > 13, utf8[utf8.count - 13] == UInt8(ascii: ":"),
      let name = StepAction.Name(utf8: UnsafeBufferPointer(rebasing: utf8[..<(utf8.count - 13)]))
    else { return nil }
    return packed(name, account: UnsafeBufferPointer(rebasing: utf8[(utf8.count - 12)...]))
  }

  private static func packed(_ name: StepAction.Name, account: some Collection<UInt8>)
    -> UInt64?
  {
    guard account.count == 12 else { return nil }
    var number: UInt64 = 0
    for byte in account {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      number = number * 10 + UInt64(byte - UInt8(ascii: "0"))
    }
    return UInt64(name.ordinal) << accountBits | number
  }
}
