import Synchronization

/// A value shared between threads, guarded by a `Mutex`: a reference, so copies of the
/// structures that hold it (a Sendable client, a collector) share one value.
///
/// `Mutex` itself cannot be copied; this box is for the places that need a shared value
/// inside copyable types. Where a class owns the value, a `Mutex` property does the same.
public final class Locked<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  public init(_ value: Value) { mutex = Mutex(value) }

  /// Runs `body` with exclusive access to the value and returns what it returns.
  public func withLock<Result: Sendable, Failure: Error>(
    _ body: (inout Value) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try mutex.withLock { (value: inout Value) throws(Failure) -> Result in try body(&value) }
  }
}
