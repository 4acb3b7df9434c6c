package import Foundation

extension Pipe {
  /// A pipe that child processes do not inherit unless it is their standard stream, so a
  /// long-lived child started by one test (a moto server) cannot hold another test's pipe
  /// open and stall its reader.
  package static func closedOnExec() -> Pipe {
    let pipe = Pipe()
    for handle in [pipe.fileHandleForReading, pipe.fileHandleForWriting] {
      _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
    }
    return pipe
  }
}
