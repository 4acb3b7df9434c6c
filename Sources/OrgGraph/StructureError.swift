/// A structural problem in an organization snapshot, located by its input path.
public struct StructureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where the problem is, as a JSON path into the snapshot (`accounts[3].parentId`).
  public var path: String
  /// What is wrong, and where useful what to do.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
