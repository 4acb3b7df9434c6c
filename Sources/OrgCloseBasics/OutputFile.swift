public import Foundation

/// The one way orgclose writes a file: all of it or nothing.
///
/// A regular file (or a new one) is written to a temporary file in the same folder, synced,
/// renamed over the target and the folder synced, so a reader never sees half a file, a crash
/// or a power cut leaves the old file or the new one, and a failure or an interruption leaves
/// the old one intact. The temporary file is known to `InterruptCleanup`, which removes it
/// when SIGINT, SIGTERM or SIGHUP ends the process.
///
/// A symbolic link is followed: its target is written and the link kept. An existing file
/// keeps its permission bits (and, where allowed, its owner). A character device or a FIFO
/// is written in place, never replaced; a folder, a socket or a block device is refused. So
/// is any input of the command, compared by device and inode.
///
/// Nothing is in place until `commit()`; an output dropped without it is removed.
public final class OutputFile {
  /// The output as the user named it, for messages.
  public let name: String
  /// Where to write the bytes.
  public let descriptor: Int32
  /// The temporary file, when the target is replaced by a rename.
  private let temporary: String?
  private let target: String
  /// Set by `commit()`: the descriptor is closed and the temporary file renamed or removed.
  private var finished = false

  /// Opens `file` for writing.
  ///
  /// - Parameters:
  ///   - file: The output path.
  ///   - inputs: The command's input files (`-` for standard input), never to be written.
  /// - Throws: `FileAccessError` when the output is an input, is not something to write, or
  ///   its folder does not take a new file.
  public init(_ file: String, protecting inputs: [String] = []) throws(FileAccessError) {
    let resolved = try OutputTarget(file, protecting: inputs)
    name = file
    target = resolved.path
    switch resolved.kind {
    case .stream:
      let opened = open(resolved.path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
      guard opened >= 0 else { throw .cannotWrite(file: file, reason: systemMessage(errno)) }
      descriptor = opened
      temporary = nil
    case .newFile, .regularFile:
      let path =
        folder(of: resolved.path) + "/.\(fileName(of: resolved.path))."
        + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
      // Known to the cleanup before it exists, so no signal can fall between the two.
      InterruptCleanup.track(temporaryFile: path)
      let opened = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard opened >= 0 else {
        let code = errno
        InterruptCleanup.untrack(temporaryFile: path)
        throw .cannotWrite(file: file, reason: systemMessage(code))
      }
      if case .regularFile(let mode, let owner, let group) = resolved.kind {
        // Keep who may read the old file: a policy readable by its owner only stays so.
        // The owner is kept where the caller may give it (as root); otherwise it is theirs.
        _ = fchown(opened, owner, group)
        _ = fchmod(opened, mode)
      }
      descriptor = opened
      temporary = path
    }
  }

  /// Writes all of `bytes`.
  public func write(_ bytes: some DataProtocol) throws(FileAccessError) {
    let failure = writeAll(descriptor, bytes)
    if let failure { throw .cannotWrite(file: name, reason: systemMessage(failure)) }
  }

  /// Puts the output in place: syncs it, renames it over the target and syncs the folder.
  ///
  /// - Parameter failure: An `errno` the caller met while writing through `descriptor`;
  ///   when set, the output is discarded and this error thrown.
  /// - Throws: `FileAccessError.cannotWrite` when syncing, closing or renaming fails; the
  ///   temporary file is then removed and any old file left as it was.
  public func commit(afterWriteError failure: Int32? = nil) throws(FileAccessError) {
    guard !finished else { return }
    finished = true
    var code = failure
    if temporary != nil, code == nil, fsync(descriptor) != 0 { code = errno }
    if close(descriptor) != 0, code == nil, errno != EINTR { code = errno }
    guard let temporary else {
      if let code { throw .cannotWrite(file: name, reason: systemMessage(code)) }
      return
    }
    if code == nil {
      code = InterruptCleanup.untrack(temporaryFile: temporary) {
        rename(temporary, target) == 0 ? nil : errno
      }
    }
    if let code {
      unlink(temporary)
      InterruptCleanup.untrack(temporaryFile: temporary)
      throw .cannotWrite(file: name, reason: systemMessage(code))
    }
    // The rename is durable only once the folder's entry is on disk.
    let folderDescriptor = open(folder(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  deinit {
    guard !finished else { return }
    close(descriptor)
    if let temporary {
      unlink(temporary)
      InterruptCleanup.untrack(temporaryFile: temporary)
    }
  }
}

/// An output is written by the thread that opened it.
@available(*, unavailable)
extension OutputFile: Sendable {}

extension OutputFile {
  /// Writes `bytes` to `file` in one go (see `OutputFile`).
  public static func write(
    _ bytes: some DataProtocol, to file: String, protecting inputs: [String] = []
  ) throws(FileAccessError) {
    let output = try OutputFile(file, protecting: inputs)
    try output.write(bytes)
    try output.commit()
  }
}

/// Writes every byte of `bytes` to `descriptor`, through short writes and interruptions.
///
/// - Returns: `nil`, or the `errno` of the write that failed.
package func writeAll(_ descriptor: Int32, _ bytes: some DataProtocol) -> Int32? {
  for region in bytes.regions {
    let failure = region.withUnsafeBytes { raw -> Int32? in
      guard let base = raw.baseAddress else { return nil }
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(descriptor, base + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failure { return failure }
  }
  return nil
}
