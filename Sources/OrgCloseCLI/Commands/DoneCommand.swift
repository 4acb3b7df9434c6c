import ClosurePlanner
import Foundation
import OrgGraph
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

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .done)
    let positionals = try parsed.positionals("a plan file", "the step ID to record")
    planFile = positionals[0]
    stepID = positionals[1]
    journalFile = try parsed.required("journal")
    by = try parsed.required("by")
    guard !by.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw UsageError("done: --by must name who did the step", command: "done")
    }
    note = parsed.value("note")
    environment = ProcessInfo.processInfo.environment
  }

  func run(_ console: Console) throws -> ExitStatus {
    let plan = try PlanFiles.readPlan(planFile)
    let digest = PlanFiles.digest(try PlanFiles.read(planFile, as: .plan))
    let organizationID = plan.organization.id.rawValue
    let view = ExecutablePlan(plan)
    guard let step = view.step(StepID(unchecked: stepID)) else {
      throw UsageError("done: the plan has no step \"\(stepID)\"", command: "done")
    }
    guard step.work.isPersonStep else {
      throw UsageError(
        "done: \(stepID) is not a manual step; apply carries it out and records it",
        command: "done")
    }
    let clock = RunClock(environment: environment)
    let journal = try JournalFile(journalFile, note: ApplyCommand.lockNote(clock))
    let state = journal.state
    if let organization = state.organization, organization != plan.organization.id {
      throw JournalError.otherOrganization(
        file: journalFile, found: organization.rawValue, expected: organizationID)
    }
    if state.isDone(step.id) {
      console.out("\(stepID) is already recorded as done.\n")
      return .success
    }
    let missing = step.after.filter { !state.isDone($0) }
    guard missing.isEmpty else {
      throw CommandFailure(
        status: .blocked,
        message: "done: \(stepID) waits for " + missing.map(\.rawValue).joined(separator: ", ")
          + "; record those first")
    }
    if !state.planDigests.contains(digest) {
      try journal.append(
        JournalRecord(
          .header(
            .init(
              organization: plan.organization.id, planDigest: digest,
              tool: "orgclose \(CLI.versionString)")), at: clock.now()))
    }
    try journal.append(
      JournalRecord(.manualDone(step.id, .init(by: by, note: note)), at: clock.now()))
    console.out("Recorded \(stepID) as done by \(by) at \(clock.now()).\n")
    return .success
  }
}
