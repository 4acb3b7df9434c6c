import Foundation

func text(of path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// The type bits of `path` itself (a link is a link), 0 when there is nothing.
func fileType(_ path: String) -> mode_t {
  var status = stat()
  return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
}
