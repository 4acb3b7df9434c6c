import ClosurePlanner
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanExecution
import PlanFiles

/// `orgclose rehearse PLAN [--closure-minutes N] [--faults SEED] [--every D]
/// [--max-duration D] [--poll-interval S] [--journal FILE] [--format text|json]`.
///
/// The whole shutdown, by the real engine and the real journal format, against a fake
/// organization built from the plan, on a virtual clock: months in seconds, nothing sent to
/// AWS.
struct RehearseCommand: Command {
  var planFile: String
  var closureMinutes: Int
  var faultSeed: UInt64?
  var everySeconds: Int64
  var maxDuration: Int64
  var pollSeconds: Int64
  var journalFile: String?
  var format: ReportFormat

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .rehearse)
    planFile = try parsed.positionals("a plan file (orgclose rehearse PLAN)")[0]
    closureMinutes = try parsed.integer("closure-minutes", in: 1...1440) ?? 10
    faultSeed = try parsed.integer("faults", in: 0...Int(Int32.max)).map { UInt64($0) }
    everySeconds = try ApplyCommand.duration(
      parsed.value("every") ?? "60m", option: "every", command: "rehearse", limitHours: 7 * 24)
    maxDuration = try ApplyCommand.duration(
      parsed.value("max-duration") ?? "50m", command: "rehearse")
    pollSeconds = Int64(try parsed.integer("poll-interval", in: 1...3600) ?? 30)
    journalFile = parsed.value("journal")
    format = try parsed.format(ReportFormat.self) ?? .text
  }

  func run(_ console: Console) throws -> ExitStatus {
    let plan = try PlanFiles.readPlan(planFile)
    let view = ExecutablePlan(plan)
    let clock = VirtualClock(Timestamp(startOf: view.startDate).adding(seconds: 9 * 3600))
    var behaviour = FakeOrganization.Behaviour()
    behaviour.closureMinutes = Double(closureMinutes)
    behaviour.seed = faultSeed ?? 1
    let fake = FakeOrganization(rehearsing: view, clock: clock, behaviour: behaviour)
    let scratch =
      journalFile
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("orgclose-rehearsal-\(UUID().uuidString).journal").path
    defer {
      if journalFile == nil {
        try? FileManager.default.removeItem(atPath: scratch)
        try? FileManager.default.removeItem(atPath: scratch + ".lock")
      }
    }
    if journalFile != nil, FileManager.default.fileExists(atPath: scratch) {
      throw UsageError(
        "rehearse: \(scratch) exists; --journal names a new file for the rehearsal's journal",
        command: "rehearse")
    }
    let file = try JournalFile(scratch, note: "orgclose rehearse\n", durable: false)
    try file.append(
      JournalRecord(
        .header(
          .init(
            organization: view.organizationID,
            planDigest: PlanFiles.digest(try PlanFiles.read(planFile, as: .plan)),
            tool: "orgclose \(CLI.versionString) rehearse")), at: clock.now()))
    let journal = CrashingJournal(file)
    if let faultSeed { Self.injectFaults(seed: faultSeed, into: fake, journal: journal) }
    let protection = Protection(accounts: [])
    let rehearsal = Rehearsal(
      plan: view, organization: fake, journal: journal,
      schedule: .init(
        everySeconds: everySeconds, maxDurationSeconds: maxDuration, pollSeconds: pollSeconds),
      protection: protection)
    let result = try rehearsal.run(until: clock.now().adding(seconds: 3 * 365 * 86_400))
    let report = RehearsalReport(
      plan: view, result: result, calls: fake.calls, closureMinutes: Double(closureMinutes))
    let violations = fake.violations(of: view, graceSeconds: PreCallCheck.unsettledGraceSeconds)
    let rendering = RehearsalRendering(
      plan: view, result: result, report: report, violations: violations,
      settings: "runs every \(everySeconds / 60) min, each at most \(maxDuration / 60) min; "
        + "closures take about \(closureMinutes) min (one in ten up to 6 times longer); "
        + (faultSeed.map { "faults and crashes from seed \($0)" } ?? "no faults"))
    console.out(format == .json ? rendering.json : rendering.text)
    if !violations.isEmpty { return .failure }
    return result.finished ? .success : .blocked
  }

  /// About one change in twenty gets a fault, and about one point in a hundred a crash.
  static func injectFaults(seed: UInt64, into fake: FakeOrganization, journal: CrashingJournal) {
    var random = SplitMix64(seed: seed ^ 0x5EED)
    let kinds = FakeOrganization.Fault.allCases
    let changes = fake.accountsInOrganization.count * 6 + 50
    for index in 0..<changes where random.unit() < 0.05 {
      fake.faults[index] = kinds[Int(random.next() % UInt64(kinds.count))]
    }
    let crashes = CrashSwitch()
    for point in 0..<(changes * 8) where random.unit() < 0.01 { crashes.crashAt.insert(point) }
    journal.crashPoint = { try crashes.point() }
    fake.crashPoint = { try crashes.point() }
  }
}
