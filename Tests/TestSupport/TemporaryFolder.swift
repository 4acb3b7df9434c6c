import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()`.
package struct TemporaryFolder: Sendable {
  package let path: String

  package init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  package func file(_ name: String) -> String { path + "/" + name }

  /// The names in the folder, hidden ones included, sorted.
  package func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  package func remove() { try? FileManager.default.removeItem(atPath: path) }
}
