public import ClosurePlanner
public import OrgGraph

// Tests spell IDs and codes as they appear in plan files; these literals keep them readable.
// They check nothing, which is why they exist only in tests.

extension StepID: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(unchecked: value) }
}

extension AccountID: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(unchecked: value) }
}

extension OrganizationID: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(unchecked: value) }
}

extension FindingCode: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(rawValue: value) }
}

extension StepID: ExpressibleByStringInterpolation {}
extension AccountID: ExpressibleByStringInterpolation {}

extension Disposition: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) {
    guard let disposition = Disposition(rawValue: value) else {
      preconditionFailure("\(value) is not a disposition")
    }
    self = disposition
  }
}

extension AccountState: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(awsValue: value) }
}

extension StepID {
  /// The text of the ID, for tests that look at its parts.
  public func hasPrefix(_ prefix: String) -> Bool { rawValue.hasPrefix(prefix) }
  public func hasSuffix(_ suffix: String) -> Bool { rawValue.hasSuffix(suffix) }
  public func contains(_ text: String) -> Bool { rawValue.contains(text) }
  public func split(separator: Character) -> [Substring] { rawValue.split(separator: separator) }
}
