import Foundation

/// Reads a child's standard output and standard error together until both end or a deadline
/// passes.
///
/// Both pipes are drained as data comes (one `poll` loop, no extra threads): reading one to
/// its end before the other deadlocks once the child fills the other's 64 KiB buffer, and
/// `list-accounts` on a real organization does.
struct OutputCollector {
  var output: [UInt8] = []
  var error: [UInt8] = []

  /// How long to keep reading after the child's group was killed on a timeout: a helper that
  /// left the group may still hold a pipe open, and must not hang orgclose.
  static let afterKill: Duration = .seconds(2)

  /// Reads until both pipes end, closing them.
  ///
  /// - Parameters:
  ///   - child: The child whose pipes to read.
  ///   - timeout: How long the child may run; `nil` for no limit.
  /// - Returns: Whether the timeout passed (the child's group was then killed).
  mutating func collect(from child: ChildProcess, timeout: Duration?) -> Bool {
    let clock = ContinuousClock()
    var deadline = timeout.map { clock.now + $0 }
    var timedOut = false
    var descriptors = [
      pollfd(fd: child.output, events: Int16(POLLIN), revents: 0),
      pollfd(fd: child.error, events: Int16(POLLIN), revents: 0),
    ]
    defer {
      for descriptor in descriptors where descriptor.fd >= 0 { close(descriptor.fd) }
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while descriptors.contains(where: { $0.fd >= 0 }) {
      let wait = deadline.map { max(0, milliseconds(clock.now.duration(to: $0))) } ?? -1
      let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: wait))
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      if ready == 0 {
        guard !timedOut else { break }  // killed, and the pipes are still held: give up
        timedOut = true
        child.killGroup()
        deadline = clock.now + Self.afterKill
        continue
      }
      for index in descriptors.indices where descriptors[index].revents != 0 {
        let count = read(descriptors[index].fd, &buffer, buffer.count)
        if count > 0 {
          if index == 0 {
            output += buffer[..<count]
          } else {
            error += buffer[..<count]
          }
        } else if count == 0 || errno != EINTR {
          close(descriptors[index].fd)
          descriptors[index].fd = -1
        }
      }
    }
    return timedOut
  }

  private func milliseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1000 + attoseconds / 1_000_000_000_000_000
  }
}
