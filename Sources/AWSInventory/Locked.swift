import Foundation

/// A value shared between the collector's worker threads, guarded by a lock.
///
/// `@unchecked Sendable`: every access to `value` happens inside `withLock`, under `lock`.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  /// Runs `body` with exclusive access to the value and returns what it returns.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
