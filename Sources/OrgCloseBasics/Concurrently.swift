import Dispatch

/// Runs `first` and `second` at the same time and returns both results.
///
/// For the few places where a large organization gives two independent, CPU-bound jobs, so
/// the second core can take one. Each job writes only its own slot, and
/// `concurrentPerform` returns only after both have finished, so reading the slots after it
/// needs no lock.
public func concurrently<First: Sendable, Second: Sendable>(
  _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
  let slots = Slots<First, Second>()
  DispatchQueue.concurrentPerform(iterations: 2) { job in
    if job == 0 { slots.first = first() } else { slots.second = second() }
  }
  guard let results = slots.first.flatMap({ a in slots.second.map { (a, $0) } }) else {
    preconditionFailure("concurrentPerform returned before both jobs ran")
  }
  return results
}

/// The results of the two jobs of `concurrently`, each written by one job only.
private final class Slots<First: Sendable, Second: Sendable>: @unchecked Sendable {
  var first: First?
  var second: Second?
}
