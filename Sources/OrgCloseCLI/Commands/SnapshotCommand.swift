import AWSInventory
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanFiles

/// `orgclose snapshot [--profile NAME] [--region NAME] [--endpoint-url URL] [--no-costs]
/// [--tags] [--parallel N] [--out FILE]`, or `orgclose snapshot --from-cli-output DIR
/// [--out FILE]`: reads the organization and writes `org.snapshot.json`.
struct SnapshotCommand: Command {
  enum Source {
    case live(
      connection: AWSConnection, parallel: Int, costs: Bool, tags: Bool, timeout: Duration)
    case savedOutput(folder: String)
  }

  static let liveOptions = ["profile", "region", "endpoint-url", "parallel", "aws-timeout"]
  /// The range of `--aws-timeout` and `ORGCLOSE_AWS_TIMEOUT`, in seconds: up to a day.
  static let timeoutRange = 1...86_400
  static let liveFlags = ["no-costs", "tags"]

  var source: Source
  var out: String?

  init(_ arguments: [String]) throws(CommandFailure) {
    try self.init(arguments, environment: ProcessInfo.processInfo.environment)
  }

  /// Parses `arguments`; `environment` may set `ORGCLOSE_AWS_TIMEOUT`.
  init(_ arguments: [String], environment: [String: String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(arguments, spec: .snapshot)
      _ = try parsed.positionals()
      out = DashArgument.outputFile(parsed.value("out"))
      if let folder = parsed.value("from-cli-output") {
        let live =
          Self.liveOptions.filter { parsed.value($0) != nil }
          + Self.liveFlags.filter { parsed.flag($0) }
        if let first = live.first {
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
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    // Opened first, so an output that cannot be written fails before minutes of reading, and
    // an interruption while reading leaves nothing behind (the temporary file is removed).
    let output: OutputFile?
    do {
      output = try out.map { file throws(FileAccessError) in try OutputFile(file) }
    } catch {
      throw CommandFailure(error)
    }
    let tool = "orgclose \(CLI.versionString)"
    let document: SnapshotDocument
    var statistics: RequestStatistics?
    do throws(InventoryError) {
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
    } catch {
      throw CommandFailure(error)
    }
    let organization: Organization
    do {
      organization = try PlanFiles.organization(
        from: document, file: "\(out ?? "the snapshot") (not written)")
    } catch {
      throw CommandFailure(error)
    }
    let data = PlanFiles.encode(document)
    if let output {
      do {
        try output.write(data)
        try output.commit()
      } catch {
        throw CommandFailure(error)
      }
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
/// `@unchecked Sendable`: `drawnAt` and `drawn` are read and written only while `lastDrawn`
/// is locked; the collector calls `show` from its worker threads.
private final class ProgressLine: @unchecked Sendable {
  private let console: Console
  private let enabled: Bool
  private let lastDrawn = NSLock()
  private var drawnAt: UInt64 = 0
  private var drawn = false

  init(console: Console, enabled: Bool) {
    self.console = console
    self.enabled = enabled
  }

  func show(_ progress: SnapshotProgress) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    lastDrawn.lock()
    defer { lastDrawn.unlock() }
    guard now - drawnAt > 100_000_000 else { return }
    drawnAt = now
    drawn = true
    console.err(
      "\r\u{1B}[Kwalking OUs \(progress.unitsWalked)/\(progress.unitsFound), accounts "
        + "\(progress.accounts)")
  }

  func clear() {
    lastDrawn.lock()
    defer { lastDrawn.unlock() }
    if drawn { console.err("\r\u{1B}[K") }
  }
}
