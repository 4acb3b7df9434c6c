import Foundation
import TestSupport

/// Runs a program for the integration tests with an environment of its own, draining both
/// pipes while it runs.
enum TestProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `executable` with exactly `environment` and returns what it printed, waiting on a
  /// thread of its own.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]
  ) async throws -> Result {
    try await offThePool { try runBlocking(executable, arguments, environment: environment) }
  }

  /// Runs `executable` and blocks the calling thread until it exits.
  static func runBlocking(
    _ executable: String, _ arguments: [String], environment: [String: String]
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let out = Pipe.closedOnExec()
    let err = Pipe.closedOnExec()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = Drain(err.fileHandleForReading)
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
      stderr: String(decoding: errorData.wait(), as: UTF8.self))
  }
}

/// Runs blocking work on a thread of its own and awaits it.
///
/// The tests wait minutes for processes; doing that on Swift concurrency's shared threads
/// (two on the build machines) would stall every other test running in parallel.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Swift.Result { try work() }) }.start()
  }
}

/// Reads a pipe to its end on its own thread.
///
/// `@unchecked Sendable`: `data` is written before `done` is signalled and read after.
final class Drain: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
