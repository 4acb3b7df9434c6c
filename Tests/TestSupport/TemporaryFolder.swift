package import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()`: the one
/// temporary-folder helper of the tests.
package struct TemporaryFolder: Sendable {
  package let path: String

  package init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  package func file(_ name: String) -> String { path + "/" + name }

  /// The URL of `name` inside the folder.
  package func url(_ name: String) -> URL { URL(fileURLWithPath: file(name)) }

  /// The names in the folder, hidden ones included, sorted.
  package func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  package func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The text of the file at `path`.
package func text(of path: String) throws -> String {
  try String(contentsOfFile: path, encoding: .utf8)
}

/// The type bits of `path` itself (a link is a link), 0 when there is nothing.
package func fileType(_ path: String) -> mode_t {
  var status = stat()
  return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
}
