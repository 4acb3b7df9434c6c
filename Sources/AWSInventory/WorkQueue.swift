import Foundation

/// A fixed number of worker threads running jobs that may add more jobs.
///
/// The collector's jobs block on a child process, so they run on threads of their own rather
/// than on Dispatch's or Swift concurrency's shared pools, which are sized to the cores (two on
/// the build machines) and must not be blocked. The number of workers bounds how many `aws`
/// processes run at once.
final class WorkQueue: @unchecked Sendable {
  // `@unchecked Sendable`: `jobs`, `running` and `cancelled` are read and written only while
  // `condition` is locked.
  private let condition = NSCondition()
  private var jobs: [@Sendable () -> Void] = []
  private var head = 0
  private var running = 0
  private var cancelled = false
  private let workers: Int

  /// Creates a queue that will run jobs on `workers` threads (at least one).
  init(workers: Int) { self.workers = max(1, workers) }

  /// Adds a job; it runs on some worker, unless the queue was cancelled first.
  func submit(_ job: @escaping @Sendable () -> Void) {
    condition.lock()
    if !cancelled { jobs.append(job) }
    condition.broadcast()
    condition.unlock()
  }

  /// Drops the jobs not yet started; jobs already running finish.
  func cancel() {
    condition.lock()
    cancelled = true
    jobs.removeAll()
    head = 0
    condition.broadcast()
    condition.unlock()
  }

  /// Whether `cancel()` was called.
  var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }

  /// Starts the workers and returns when no job is queued or running.
  func runUntilIdle() {
    let finished = DispatchGroup()
    for _ in 0..<workers {
      finished.enter()
      let thread = Thread { [self] in
        work()
        finished.leave()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    finished.wait()
  }

  private func work() {
    while let job = next() {
      job()
      condition.lock()
      running -= 1
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The next job, waiting while others run (they may add more); `nil` once all is done.
  private func next() -> (@Sendable () -> Void)? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if head < jobs.count {
        let job = jobs[head]
        head += 1
        if head > 1024, head * 2 > jobs.count {
          jobs.removeFirst(head)
          head = 0
        }
        running += 1
        return job
      }
      if running == 0 {
        condition.broadcast()
        return nil
      }
      condition.wait()
    }
  }
}
