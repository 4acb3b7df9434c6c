import AWSInventory
import ClosurePlanner
import OrgGraph
import PlanExecution
import PlanFiles

/// One run of `apply`: what is due is done, paced, until nothing more is due before the
/// deadline; then the run ends and says what comes next.
final class ApplyRun {
  let view: ExecutablePlan
  let journal: JournalFile
  let actions: OrganizationsActions
  let clock: RunClock
  let protection: Protection
  let console: Console
  var live: LiveState
  let deadline: Timestamp
  let pollSeconds: Int64
  /// How long one run keeps polling a closure before it leaves it for the next (rule X3).
  let awaitTimeoutSeconds: Int64 = 1800

  var quotaStopped = false
  /// A `CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED` was met: no closure until a poll frees one.
  var closuresFull = false
  var tried = Set<String>()
  var lastPoll: [String: Timestamp] = [:]
  var pollingSince: [String: Timestamp] = [:]
  var awsFailing: String?
  /// A read AWS denied: the run stops, and a person must grant the permission it names.
  var deniedRead: String?
  var calls = 0

  init(
    view: ExecutablePlan, journal: JournalFile, actions: OrganizationsActions, clock: RunClock,
    protection: Protection, console: Console, live: LiveState, maxDuration: Int64,
    pollSeconds: Int64
  ) {
    self.view = view
    self.journal = journal
    self.actions = actions
    self.clock = clock
    self.protection = protection
    self.console = console
    self.live = live
    self.pollSeconds = pollSeconds
    deadline = clock.now().adding(seconds: maxDuration)
    awaitStepOfAccount = Dictionary(
      view.steps.compactMap { step in
        step.work == .awaitClosed ? step.account.map { ($0, step.id) } : nil
      }, uniquingKeysWith: { first, _ in first })
    self.live.pendingClosures.formUnion(ownOpenClosures())
  }

  /// The await step of each account the plan closes.
  private let awaitStepOfAccount: [String: String]

  /// Members whose `CloseAccount` the journal records as accepted and whose closure has not
  /// been seen to end: each holds one of the 3 slots (rule B12), even while a lagging read
  /// still shows it ACTIVE (rule X3), and whatever an older `--snapshot` said.
  func ownOpenClosures() -> Set<String> {
    let state = self.state
    return Set(
      view.steps.compactMap { step -> String? in
        guard step.isClosure, let account = step.account, state.isDone(step.id),
          let awaitStep = awaitStepOfAccount[account], !state.isDone(awaitStep)
        else { return nil }
        return account
      })
  }

  var state: JournalState { JournalState(journal.records) }

  var schedule: Schedule { Schedule(plan: view, journal: state) }

  func decide(_ step: ExecutablePlan.Step, _ schedule: Schedule) -> Schedule.Decision {
    schedule.decide(
      step, now: clock.now(),
      pendingClosures: closuresFull ? view.quota.concurrent : live.pendingClosures.count,
      quotaStopped: quotaStopped, triedThisRun: tried)
  }

  /// Runs until nothing more is due before the deadline, or AWS keeps failing.
  func run() throws -> ExitStatus {
    while awsFailing == nil, clock.now() < deadline {
      let schedule = self.schedule
      var progressed = false
      var wake: Timestamp?
      var waitsOnClosures = false
      for step in view.steps where awsFailing == nil && clock.now() < deadline {
        let now = clock.now()
        switch decide(step, schedule) {
        case .reconcile:
          if due(poll: step.id, now) { progressed = try reconcile(step) || progressed }
          wake = earliest(wake, lastPoll[step.id].map { $0.adding(seconds: pollSeconds) })
        case .due:
          try execute(step)
          progressed = true
        case .poll:
          if due(poll: step.id, now) {
            progressed = try poll(step) || progressed
          }
          if pollingSince[step.id].map({ now.seconds(since: $0) < awaitTimeoutSeconds }) ?? true {
            wake = earliest(wake, lastPoll[step.id].map { $0.adding(seconds: pollSeconds) })
          }
        case .waitingUntil(let time, _):
          if time < deadline { wake = earliest(wake, time) }
        case .waitingForClosures:
          waitsOnClosures = true
        default:
          break
        }
        // A change re-reads the journal before anything else is decided.
        if progressed { break }
      }
      if progressed { continue }
      if waitsOnClosures { wake = earliest(wake, clock.now().adding(seconds: pollSeconds)) }
      guard let wake, wake < deadline else { break }
      clock.sleep(
        seconds: Double(wake.millisecondsSince1970 - clock.now().millisecondsSince1970) / 1000)
      if waitsOnClosures { try refreshPendingClosures() }
    }
    return try finish()
  }

  private func due(poll step: String, _ now: Timestamp) -> Bool {
    guard let last = lastPoll[step] else { return true }
    if let since = pollingSince[step], now.seconds(since: since) >= awaitTimeoutSeconds {
      return false
    }
    return now.seconds(since: last) >= pollSeconds
  }

  private func earliest(_ a: Timestamp?, _ b: Timestamp?) -> Timestamp? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
  }

  /// Appends `record`, synced; a journal that cannot be written stops the run at once.
  func record(_ record: JournalRecord) throws {
    try journal.append(record)
  }

  /// Reads the state of the accounts that were closing (rule B12, read live).
  func refreshPendingClosures() throws {
    closuresFull = false
    let own = ownOpenClosures()
    for account in live.pendingClosures.sorted() {
      guard let state = try read({ () throws(InventoryError) in try actions.accountState(account) })
      else { continue }
      // An own closure still reading ACTIVE is lagging (rule X3): it keeps its slot.
      if state == "PENDING_CLOSURE" || (state == "ACTIVE" && own.contains(account)) { continue }
      live.pendingClosures.remove(account)
    }
  }

  /// Runs a read; AWS failing after retries ends the run with 75, reported once.
  func read<Value>(_ body: () throws(InventoryError) -> Value) throws -> Value? {
    do {
      return try body()
    } catch {
      switch error {
      case .awsNotFound, .awsNotExecutable, .launchFailed: throw error
      case .accessDenied:
        deniedRead = error.description
        awsFailing = error.description
        return nil
      default:
        awsFailing = error.description
        return nil
      }
    }
  }
}
