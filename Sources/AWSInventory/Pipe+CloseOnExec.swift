import Foundation

extension Pipe {
  /// A pipe whose two ends are closed in every child process that does not take them as its
  /// standard streams.
  ///
  /// Foundation's pipes are inherited by every process spawned while they are open. When
  /// several `aws` processes start at once, one child could keep another's output pipe open,
  /// and the reader of that pipe would wait for an end of file until that child exits. The
  /// child's own standard streams are unaffected: `dup2` clears the flag on the copy.
  static func closedOnExec() -> Pipe {
    let pipe = Pipe()
    for handle in [pipe.fileHandleForReading, pipe.fileHandleForWriting] {
      _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
    }
    return pipe
  }
}
