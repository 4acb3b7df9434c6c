public import Foundation
import Synchronization

/// Standard output or standard error, written with `write(2)`, whose failures are recorded
/// rather than fatal.
///
/// `FileHandle.write` traps when the write fails (a full disk, `/dev/full`, a closed
/// descriptor), and a write to a pipe whose reader left raises SIGPIPE, which kills the
/// process silently. Here the first failure is kept, later writes are skipped, and the caller
/// reports it once (exit 74).
public final class StandardStream: Sendable {
  /// Standard output.
  public static let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
  /// Standard error.
  public static let error = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

  private let descriptor: Int32
  private let name: String
  private let failure = Mutex<Int32?>(nil)

  /// A stream writing to `descriptor`, called `name` in messages.
  public init(descriptor: Int32, name: String) {
    self.descriptor = descriptor
    self.name = name
  }

  /// Writes `text`, unless an earlier write failed.
  public func write(_ text: String) {
    var text = text
    // Writes the string's own UTF-8 storage: a rendered plan can be hundreds of megabytes.
    text.withUTF8 { bytes in
      failure.withLock { failure in
        guard failure == nil else { return }
        failure = writeAll(descriptor, UnsafeRawBufferPointer(bytes))
      }
    }
  }

  /// The first write that failed, as an error naming the stream.
  public var writeError: FileAccessError? {
    failure.withLock { $0 }.map { .cannotWrite(file: name, reason: systemMessage($0)) }
  }

  /// Makes a failed write to a standard stream an error the program can report: SIGPIPE is
  /// ignored (so the write fails with EPIPE), and a standard descriptor the program started
  /// without is held by `/dev/null` opened read-only (so writes to it fail with EBADF instead
  /// of landing in the first file the program opens, which would get that number).
  public static func prepare() {
    signal(SIGPIPE, SIG_IGN)
    for standard in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(standard, F_GETFD) < 0 && errno == EBADF {
      let placeholder = open("/dev/null", O_RDONLY)
      if placeholder >= 0, placeholder != standard {
        dup2(placeholder, standard)
        close(placeholder)
      }
    }
  }

  /// Everything on standard input, to its end.
  public static func readInput() throws(FileAccessError) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = read(STDIN_FILENO, &buffer, buffer.count)
      if count == 0 { return data }
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotRead(file: "standard input", reason: systemMessage(errno))
      }
      data.append(contentsOf: buffer[..<count])
    }
  }
}
