import AWSInventory
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanFiles
import Synchronization

/// `orgclose snapshot [--profile NAME] [--region NAME] [--endpoint-url URL] [--no-costs]
/// [--tags] [--parallel N] [--out FILE]`, or `orgclose snapshot --from-cli-output DIR
/// [--out FILE]`: reads the organization and writes `org.snapshot.json`.
struct SnapshotCommand: Command {
  enum Source {
    case live(
      connection: AWSConnection, parallel: Int, costs: Bool, tags: Bool, timeout: Duration)
    case savedOutput(folder: String)
  }

  /// The options of a live snapshot only, from the declaration: those of its first form
  /// that the `--from-cli-output` form does not take.
  static let liveOnlyOptions: [String] = {
    let forms = CommandSpec.snapshot.forms
    return forms[0].options.filter { !forms[1].options.contains($0) }
  }()
  /// The range of `--aws-timeout` and `ORGCLOSE_AWS_TIMEOUT`, in seconds: up to a day.
  static let timeoutRange = 1...86_400

  var source: Source
  var out: String?

  init(_ arguments: [String]) throws(UsageError) {
    try self.init(arguments, environment: ProcessInfo.processInfo.environment)
  }

  /// Parses `arguments`; `environment` may set `ORGCLOSE_AWS_TIMEOUT`.
  init(_ arguments: [String], environment: [String: String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .snapshot)
    _ = try parsed.positionals()
    out = DashArgument.outputFile(parsed.value("out"))
    if let folder = parsed.value("from-cli-output") {
      if let first = Self.liveOnlyOptions.first(where: parsed.isGiven) {
        throw UsageError(
          "snapshot: --\(first) applies to a live snapshot, not to --from-cli-output",
          command: "snapshot")
      }
      source = .savedOutput(folder: folder)
    } else {
      source = .live(
        connection: AWSConnection(
          profile: parsed.value("profile"), region: parsed.value("region"),
          endpointURL: parsed.value("endpoint-url")),
        parallel: try parsed.integer("parallel", in: 1...32) ?? 4,
        costs: !parsed.flag("no-costs"), tags: parsed.flag("tags"),
        timeout: try Self.awsTimeout(parsed, environment: environment))
    }
  }

  func run(_ console: Console) throws -> ExitStatus {
    // Opened first, so an output that cannot be written fails before minutes of reading, and
    // an interruption while reading leaves nothing behind (the temporary file is removed).
    let output = try out.map { file throws(FileAccessError) in try OutputFile(file) }
    let tool = "orgclose \(CLI.versionString)"
    let document: SnapshotDocument
    var statistics: RequestStatistics?
    switch source {
    case .savedOutput(let folder):
      document = try CLIOutputImporter(folder: folder).importSnapshot(tool: tool)
    case .live(let connection, let parallel, let costs, let tags, let timeout):
      let today = CalendarDay(iso8601: console.today()) ?? CalendarDay(daysSince1970: 0)
      let options = SnapshotOptions(
        connection: connection, parallel: parallel, includeCosts: costs, includeTags: tags,
        today: today, tool: tool, awsTimeout: timeout)
      let line = ProgressLine(console: console, enabled: isatty(STDERR_FILENO) == 1)
      defer { line.clear() }
      let result = try SnapshotCollector(options: options).collect(progress: line.show)
      var collected = result.document
      // Taken once the walk is over, so that no account can have joined after it.
      let clock = ISO8601DateFormatter()
      clock.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      collected.capturedAt = clock.string(from: Date())
      document = collected
      statistics = result.statistics
    }
    let organization = try PlanFiles.organization(
      from: document, file: "\(out ?? "the snapshot") (not written)")
    let data = PlanFiles.encode(document)
    if let output {
      try output.write(data)
      try output.commit()
    } else {
      console.out(String(decoding: data, as: UTF8.self))
    }
    for gap in document.gaps ?? [] {
      console.err("orgclose: gap: \(OneLine.escaped("\(gap.section): \(gap.reason)"))\n")
    }
    console.err(Self.summary(organization, gaps: document.gaps?.count ?? 0, out: out, statistics))
    return .success
  }

  /// `--aws-timeout`, else `ORGCLOSE_AWS_TIMEOUT`, else 5 minutes.
  static func awsTimeout(_ parsed: Arguments, environment: [String: String]) throws(UsageError)
    -> Duration
  {
    if let seconds = try parsed.integer("aws-timeout", in: timeoutRange) {
      return .seconds(seconds)
    }
    guard let text = environment["ORGCLOSE_AWS_TIMEOUT"] else {
      return SnapshotOptions.defaultAWSTimeout
    }
    guard let seconds = Int(text), timeoutRange.contains(seconds) else {
      throw UsageError(
        "snapshot: ORGCLOSE_AWS_TIMEOUT must be a whole number of seconds from "
          + "\(timeoutRange.lowerBound) to \(timeoutRange.upperBound), not \"\(text)\"",
        command: "snapshot")
    }
    return .seconds(seconds)
  }

  /// `Wrote org.snapshot.json: 1001 accounts, 100 OUs, 2 gaps; 205 aws invocations (…)`.
  static func summary(
    _ organization: Organization, gaps: Int, out: String?, _ statistics: RequestStatistics?
  ) -> String {
    var text =
      "\(out.map { "Wrote \(OneLine.escaped($0))" } ?? "Snapshot"): \(organization.accounts.count) accounts, "
      + "\(organization.organizationalUnits.count) OUs, \(gaps) gap\(gaps == 1 ? "" : "s")"
    if let statistics {
      text +=
        "; \(statistics.invocations) aws invocations (\(statistics.retries) re-run, "
        + "\(statistics.throttled) throttled), \(statistics.pages) API pages"
    }
    return text + ".\n"
  }
}

/// The progress line on a terminal's standard error (`walking OUs 37/120, accounts 812`),
/// redrawn at most ten times a second; silent when standard error is not a terminal.
///
/// The collector calls `show` from its worker threads; when the line was last drawn, and
/// whether it shows, are kept under a mutex.
private final class ProgressLine: Sendable {
  private let console: Console
  private let enabled: Bool
  private let lastDrawn = Mutex((at: UInt64(0), shown: false))

  init(console: Console, enabled: Bool) {
    self.console = console
    self.enabled = enabled
  }

  func show(_ progress: SnapshotProgress) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    lastDrawn.withLock { drawn in
      guard now - drawn.at > 100_000_000 else { return }
      drawn = (now, true)
      console.err(
        "\r\u{1B}[Kwalking OUs \(progress.unitsWalked)/\(progress.unitsFound), accounts "
          + "\(progress.accounts)")
    }
  }

  func clear() {
    lastDrawn.withLock { drawn in
      if drawn.shown { console.err("\r\u{1B}[K") }
    }
  }
}
