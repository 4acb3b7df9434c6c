import ClosurePlanner
import Foundation
import PlanExecution
import PlanFiles

/// `orgclose done PLAN STEP_ID --journal FILE --by NAME [--note TEXT]`: records a manual step.
struct DoneCommand: Command {
  var planFile: String
  var stepID: String
  var journalFile: String
  var by: String
  var note: String?
  var environment: [String: String]

  init(_ arguments: [String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(arguments, spec: .done)
      let positionals = try parsed.positionals("a plan file", "the step ID to record")
      planFile = positionals[0]
      stepID = positionals[1]
      guard let journal = parsed.value("journal"), let by = parsed.value("by"),
        !by.trimmingCharacters(in: .whitespaces).isEmpty
      else {
        throw UsageError("done needs --journal FILE and --by NAME", command: "done")
      }
      journalFile = journal
      self.by = by
      note = parsed.value("note")
      environment = ProcessInfo.processInfo.environment
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    let plan: ClosurePlan
    let digest: String
    do {
      plan = try PlanFiles.readPlan(planFile)
      digest = PlanFiles.digest(try PlanFiles.read(planFile, as: .plan))
    } catch {
      throw CommandFailure(error, command: "done")
    }
    let view = ExecutablePlan(plan)
    guard let step = view.step(stepID) else {
      throw CommandFailure(
        UsageError("done: the plan has no step \"\(stepID)\"", command: "done"))
    }
    switch step.work {
    case .manual, .needsRoot, .notAutomated: break
    default:
      throw CommandFailure(
        UsageError(
          "done: \(stepID) is not a manual step; apply carries it out and records it",
          command: "done"))
    }
    let clock = RunClock(environment: environment)
    let journal: JournalFile
    do {
      journal = try JournalFile(journalFile, note: ApplyCommand.lockNote(clock))
    } catch {
      throw CommandFailure(
        status: { if case .locked = error { .temporaryFailure } else { .dataError } }(),
        message: error.description)
    }
    let state = JournalState(journal.records)
    if let organization = state.organization, organization != plan.organization.id {
      throw CommandFailure(
        status: .dataError,
        message: JournalError.otherOrganization(
          file: journalFile, found: organization, expected: plan.organization.id
        ).description)
    }
    if state.isDone(stepID) {
      console.out("\(stepID) is already recorded as done.\n")
      return .success
    }
    let missing = step.after.filter { !state.isDone($0) }
    guard missing.isEmpty else {
      throw CommandFailure(
        status: .blocked,
        message: "done: \(stepID) waits for " + missing.joined(separator: ", ")
          + "; record those first")
    }
    do {
      if !state.planDigests.contains(digest) {
        try journal.append(
          JournalRecord(
            .header, time: clock.now(), organization: plan.organization.id, planDigest: digest,
            message: "orgclose \(CLI.versionString)"))
      }
      try journal.append(
        JournalRecord(.manualDone, time: clock.now(), step: stepID, message: note, by: by))
    } catch {
      throw CommandFailure(status: .ioError, message: error.description)
    }
    console.out("Recorded \(stepID) as done by \(by) at \(clock.now()).\n")
    return .success
  }
}
