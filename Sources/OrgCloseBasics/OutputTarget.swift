import Foundation

/// What an output path names once its symbolic links are followed, and how to write it.
struct OutputTarget {
  enum Kind: Equatable {
    /// Nothing there yet: a new file.
    case newFile
    /// A regular file, replaced atomically; its permission bits are kept.
    case regularFile(mode: mode_t, owner: uid_t, group: gid_t)
    /// A character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written in
    /// place, never replaced.
    case stream
  }

  /// The path written: the output with every symbolic link followed.
  var path: String
  var kind: Kind

  /// Resolves `file` and decides how to write it.
  ///
  /// Inputs are compared by device and inode, so another path, a hard link or a bind mount
  /// to an input is caught as surely as the same name.
  ///
  /// - Parameters:
  ///   - file: The output path.
  ///   - inputs: The command's input files (`-` is standard input).
  /// - Throws: `FileAccessError` when the output is an input or cannot be written.
  init(_ file: String, protecting inputs: [String]) throws(FileAccessError) {
    path = try Self.followingLinks(file)
    var status = stat()
    guard stat(path, &status) == 0 else {
      guard errno == ENOENT else {
        throw .cannotWrite(file: file, reason: systemMessage(errno))
      }
      kind = .newFile
      return
    }
    for input in inputs where Self.isSameRegularFile(input, as: status) {
      throw .isAnInput(file: file, input: input == "-" ? "standard input" : input)
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      kind = .regularFile(
        mode: status.st_mode & 0o7777, owner: status.st_uid, group: status.st_gid)
    case S_IFCHR, S_IFIFO: kind = .stream
    case S_IFDIR: throw .notWritable(file: file, kind: "a folder")
    case S_IFSOCK: throw .notWritable(file: file, kind: "a socket")
    // Writing a plan over a disk would destroy it; no one means that.
    case S_IFBLK: throw .notWritable(file: file, kind: "a block device")
    default: throw .notWritable(file: file, kind: "not a regular file")
    }
  }

  /// `file` with its symbolic links followed, also when the last one points at nothing yet
  /// (`realpath` fails there), so the link is kept and its target written.
  private static func followingLinks(_ file: String) throws(FileAccessError) -> String {
    var path = file
    for _ in 0..<40 {
      var status = stat()
      guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(path, &buffer, buffer.count - 1)
      guard count >= 0 else { throw .cannotWrite(file: file, reason: systemMessage(errno)) }
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      path = target.hasPrefix("/") ? target : folder(of: path) + "/" + target
    }
    throw .cannotWrite(file: file, reason: systemMessage(ELOOP))
  }

  /// Whether `input` is a regular file with the same device and inode as `output`.
  ///
  /// Only regular files count: writing to a terminal or a pipe that is also an input
  /// overwrites nothing.
  private static func isSameRegularFile(_ input: String, as output: stat) -> Bool {
    var status = stat()
    let found = input == "-" ? fstat(STDIN_FILENO, &status) == 0 : stat(input, &status) == 0
    return found && status.st_mode & S_IFMT == S_IFREG && status.st_dev == output.st_dev
      && status.st_ino == output.st_ino
  }
}

/// The folder holding `path` (`.` for a bare name).
func folder(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return "." }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// The last component of `path`.
func fileName(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return path }
  return String(path[path.index(after: slash)...])
}
