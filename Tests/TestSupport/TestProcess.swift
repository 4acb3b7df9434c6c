package import AWSInventory
package import Foundation

/// Runs the built `orgclose` and other programs for the tests, through the product's own
/// `ProcessCommandRunner`: an argument vector, both pipes drained, a timeout that kills the
/// process group.
package enum TestProcess {
  /// The built `orgclose` binary, found beside the test bundle (`.build/<triple>/debug/`).
  package static var orgclose: String {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    var folder = bundle.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("orgclose")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
      folder = folder.deletingLastPathComponent()
    }
    return Fixtures.samplesDirectory.deletingLastPathComponent()
      .appendingPathComponent(".build/debug/orgclose").path
  }

  /// Runs `executable` (a path, or a name found on `PATH`) to completion.
  ///
  /// - Parameters:
  ///   - executable: The program.
  ///   - arguments: Its arguments.
  ///   - environment: Variables set on top of the test process's own environment.
  ///   - onlyEnvironment: Whether `environment` is the program's whole environment.
  ///   - input: A file to read standard input from (otherwise `/dev/null`).
  ///   - timeout: How long it may run before its process group is killed.
  /// - Returns: How it ended and what it printed.
  /// - Throws: `CommandLaunchError` when it cannot be started.
  package static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    onlyEnvironment: Bool = false, input: String? = nil, timeout: Duration = .seconds(600)
  ) throws(CommandLaunchError) -> CommandOutput {
    var words = [executable] + arguments
    if let input {
      words = ["sh", "-c", #"f="$1"; shift; exec "$0" "$@" < "$f""#, executable, input] + arguments
    }
    var overrides = environment
    if onlyEnvironment {
      words = ["env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0)=\($1)" } + words
      overrides = [:]
    }
    return try ProcessCommandRunner().run(
      Command(words[0], Array(words.dropFirst()), environment: overrides, timeout: timeout))
  }

  /// Runs the built `orgclose` with `arguments`.
  package static func orgclose(
    _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    timeout: Duration = .seconds(600)
  ) throws(CommandLaunchError) -> CommandOutput {
    try run(orgclose, arguments, environment: environment, input: input, timeout: timeout)
  }

  /// `run` with exactly `environment`, on a thread of its own, awaited.
  ///
  /// The tests wait minutes for processes; doing that on Swift concurrency's shared threads
  /// (two on the build machines) would stall every other test running in parallel.
  package static func runOffThePool(
    _ executable: String, _ arguments: [String], onlyEnvironment environment: [String: String]
  ) async throws -> CommandOutput {
    try await offThePool {
      try run(executable, arguments, environment: environment, onlyEnvironment: true)
    }
  }
}

/// Runs blocking work on a thread of its own and awaits it.
package func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws
  -> T
{
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}

extension CommandOutput {
  /// The exit status, or -1 for a program a signal or the timeout ended.
  package var status: Int32 { exitStatus ?? -1 }
  /// Standard output's bytes.
  package var outputData: Data { Data(standardOutput) }
  /// Standard output as text.
  package var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
  /// Standard error as text.
  package var stderr: String { errorText }
}
