/// The version of orgclose, written into every plan as its `generator`.
public enum OrgCloseVersion: Sendable {
  public static let current = "0.1.0"
  /// `orgclose 0.1.0`.
  public static var generator: String { "orgclose \(current)" }
}
