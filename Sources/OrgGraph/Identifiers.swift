/// A string identifier whose format AWS defines with a regular expression (rule A2).
///
/// Each conforming type checks its format once, at construction, so any value in the
/// program is well formed. Comparison is by the raw string, which keeps output ordering
/// independent of hash seeds.
public protocol AWSIdentifier: RawRepresentable, Hashable, Comparable, Sendable,
  CustomStringConvertible
where RawValue == String {
  /// A human description of the accepted format, used in error messages.
  static var formatDescription: String { get }
  /// Whether `raw` has the format AWS documents for this kind of identifier.
  static func isValid(_ raw: String) -> Bool
  /// Wraps `raw` without checking it; only for use after `isValid(_:)` passed.
  init(unchecked raw: String)
}

extension AWSIdentifier {
  public init?(rawValue: String) {
    guard Self.isValid(rawValue) else { return nil }
    self.init(unchecked: rawValue)
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { rawValue }
}

/// Character-class checks for the identifier grammars, written over UTF-8 so that no
/// regular-expression engine (and no Foundation) is needed.
///
/// The checks run on the string's contiguous UTF-8 buffer, without building substrings or
/// arrays: a snapshot validates a few identifiers per account.
enum IdentifierGrammar {
  static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
  static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    isDigit(byte) || (97...122).contains(byte)
  }

  /// Runs `body` over the UTF-8 of `raw` without copying it when it is stored contiguously.
  static func withUTF8<Result>(
    _ raw: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    if let result = raw.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = raw
    return copy.withUTF8(body)
  }

  /// Whether `bytes` starts with `prefix`.
  static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
    guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
    for offset in 0..<prefix.utf8CodeUnitCount where bytes[offset] != prefix.utf8Start[offset] {
      return false
    }
    return true
  }

  /// Whether every byte of `bytes` in `range` is a lowercase letter or a digit.
  static func isLowerAlphanumeric(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool
  {
    range.allSatisfy { isLowerAlphanumeric(bytes[$0]) }
  }

  /// Matches `prefix` followed by `min...max` lowercase alphanumerics.
  static func matches(_ raw: String, prefix: StaticString, length: ClosedRange<Int>) -> Bool {
    withUTF8(raw) { bytes in
      let start = prefix.utf8CodeUnitCount
      return hasPrefix(bytes, prefix) && length.contains(bytes.count - start)
        && isLowerAlphanumeric(bytes, start..<bytes.count)
    }
  }
}

/// The 12-digit identifier of an AWS account, for example `111122223333` (rule A2).
public struct AccountID: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription = "12 digits"
  public static func isValid(_ raw: String) -> Bool {
    raw.utf8.count == 12 && raw.utf8.allSatisfy(IdentifierGrammar.isDigit)
  }
}

/// The identifier of an organization root, `r-` and 4 to 32 lowercase letters or digits.
public struct RootID: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription = "\"r-\" and 4 to 32 lowercase letters or digits"
  public static func isValid(_ raw: String) -> Bool {
    IdentifierGrammar.matches(raw, prefix: "r-", length: 4...32)
  }
}

/// The identifier of an organizational unit, `ou-` + 4–32 + `-` + 8–32 lowercase alphanumerics.
public struct OrganizationalUnitID: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription =
    "\"ou-\", 4 to 32 lowercase letters or digits, \"-\", then 8 to 32 more"
  public static func isValid(_ raw: String) -> Bool {
    IdentifierGrammar.withUTF8(raw) { bytes in
      guard IdentifierGrammar.hasPrefix(bytes, "ou-"),
        let dash = bytes[3...].firstIndex(of: UInt8(ascii: "-"))
      else { return false }
      return (4...32).contains(dash - 3) && IdentifierGrammar.isLowerAlphanumeric(bytes, 3..<dash)
        && (8...32).contains(bytes.count - dash - 1)
        && IdentifierGrammar.isLowerAlphanumeric(bytes, (dash + 1)..<bytes.count)
    }
  }
}

/// The identifier of an organization, `o-` and 10 to 32 lowercase letters or digits.
public struct OrganizationID: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription = "\"o-\" and 10 to 32 lowercase letters or digits"
  public static func isValid(_ raw: String) -> Bool {
    IdentifierGrammar.matches(raw, prefix: "o-", length: 10...32)
  }
}

/// The identifier of a handshake (an invitation), `h-` and 8 to 32 lowercase letters or digits.
public struct HandshakeID: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription = "\"h-\" and 8 to 32 lowercase letters or digits"
  public static func isValid(_ raw: String) -> Bool {
    IdentifierGrammar.matches(raw, prefix: "h-", length: 8...32)
  }
}

/// The identifier of a billing responsibility transfer, `rt-` and 8 to 32 lowercase alphanumerics.
public struct ResponsibilityTransferID: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription = "\"rt-\" and 8 to 32 lowercase letters or digits"
  public static func isValid(_ raw: String) -> Bool {
    IdentifierGrammar.matches(raw, prefix: "rt-", length: 8...32)
  }
}

/// The name of an AWS service as Organizations knows it, such as `guardduty.amazonaws.com`:
/// 1 to 128 of `[\w+=,.@-]` (botocore `ServicePrincipal`).
public struct ServicePrincipal: AWSIdentifier {
  public let rawValue: String
  public init(unchecked raw: String) { rawValue = raw }
  public static let formatDescription = "1 to 128 letters, digits and + = , . @ _ -"
  public static func isValid(_ raw: String) -> Bool {
    (1...128).contains(raw.utf8.count)
      && raw.utf8.allSatisfy { byte in
        IdentifierGrammar.isDigit(byte) || (65...90).contains(byte) || (97...122).contains(byte)
          || "+=,.@_-".utf8.contains(byte)
      }
  }
}

/// The parent of an account or OU: the root or an organizational unit.
public enum ParentID: Hashable, Comparable, Sendable, CustomStringConvertible {
  case root(RootID)
  case organizationalUnit(OrganizationalUnitID)

  /// Parses a root or OU identifier, or returns `nil` when `raw` is neither.
  public init?(rawValue raw: String) {
    if let root = RootID(rawValue: raw) {
      self = .root(root)
    } else if let unit = OrganizationalUnitID(rawValue: raw) {
      self = .organizationalUnit(unit)
    } else {
      return nil
    }
  }

  public var rawValue: String {
    switch self {
    case .root(let id): id.rawValue
    case .organizationalUnit(let id): id.rawValue
    }
  }

  public var description: String { rawValue }
}
