public import ClosurePlanner
import OrgGraph

extension PlanFiles {
  /// What every message about a plan that orgclose would not have written ends with.
  static let editedOrDamaged = "; the file was edited or damaged: re-create it with 'orgclose plan'"

  /// Checks that a decoded plan is internally consistent, as `orgclose plan` writes it.
  ///
  /// A plan is reviewed and then acted on, so a file that was truncated, merged badly or
  /// edited by hand must be refused with the place that is wrong, not rendered or trusted:
  /// every prerequisite names a step of the plan, waves grow along prerequisites, windows lie
  /// within the quota calendar, the summary counts what the plan holds, and the closure is
  /// safe (`checkClosureInvariants`). Every reader (`render`, `diff`, `check`) checks this.
  ///
  /// - Throws: `PlanFileError.invalid` naming the JSON path of the first inconsistency.
  /// - Complexity: O(*n* log *n*) in the number of steps and findings.
  public static func validated(_ plan: ClosurePlan, file: String) throws(PlanFileError)
    -> ClosurePlan
  {
    let invalid = invalidity(file)
    let lookup = plan.lookup
    if let index = lookup.repeatedStep {
      throw invalid("steps[\(index)].id", "\"\(plan.steps[index].id)\" is listed twice")
    }
    if let index = lookup.repeatedAccount {
      throw invalid("accounts[\(index)].id", "\"\(plan.accounts[index].id)\" is listed twice")
    }
    try checkPrerequisites(plan, lookup: lookup, invalid: invalid)
    try checkContent(plan, lookup: lookup, invalid: invalid)
    return plan
  }

  /// Makes the error for a JSON path and a message about a plan in `file`.
  static func invalidity(_ file: String) -> (String, String) -> PlanFileError {
    { path, message in .invalid(file: file, path: path, message: message + editedOrDamaged) }
  }

  /// Checks that every prerequisite names a step of the plan in an earlier wave: what the
  /// plan reader makes true as it reads, by deriving each wave from the prerequisites.
  private static func checkPrerequisites(
    _ plan: ClosurePlan, lookup: ClosurePlan.Lookup, invalid: (String, String) -> PlanFileError
  ) throws(PlanFileError) {
    try plan.steps.withUnsafeBufferPointer { steps throws(PlanFileError) in
      for index in steps.indices {
        let wave = steps[index].wave
        for (position, prerequisite) in steps[index].after.enumerated() {
          guard let before = lookup.steps[prerequisite].map({ steps[$0].wave }) else {
            throw invalid(
              "steps[\(index)].after[\(position)]",
              "\"\(prerequisite)\" is not a step of this plan")
          }
          guard before < wave else {
            throw invalid(
              "steps[\(index)].wave",
              "\(wave) is not after the wave \(before) of its prerequisite \"\(prerequisite)\"")
          }
        }
      }
    }
  }

  /// Checks the rest of what `validated` does, given where each step is.
  static func checkContent(
    _ plan: ClosurePlan, lookup: ClosurePlan.Lookup, invalid: (String, String) -> PlanFileError
  ) throws(PlanFileError) {
    // Steps, findings and accounts are read in place through buffers: loops over the arrays
    // (and `filter` to count) copied every element.
    var closeSteps = 0
    var kinds = (api: 0, manual: 0, wait: 0)
    try plan.steps.withUnsafeBufferPointer { steps throws(PlanFileError) in
      for index in steps.indices {
        guard steps[index].wave >= 0 else {
          throw invalid("steps[\(index)].wave", "\(steps[index].wave) is negative")
        }
        if steps[index].window != nil { closeSteps += 1 }
        switch steps[index].kind {
        case .api: kinds.api += 1
        case .manual: kinds.manual += 1
        case .wait: kinds.wait += 1
        }
      }
    }
    let quota = plan.closeQuota
    guard quota.windows >= 0, quota.windows <= closeSteps, quota.perWindow >= 1 else {
      throw invalid(
        "closeQuota.windows",
        "\(quota.windows) windows of \(quota.perWindow) do not match the plan's \(closeSteps) "
          + "close steps")
    }
    try plan.steps.withUnsafeBufferPointer { steps throws(PlanFileError) in
      for index in steps.indices {
        if let window = steps[index].window, !(1...max(1, quota.windows)).contains(window) {
          throw invalid(
            "steps[\(index)].window", "\(window) is outside the plan's \(quota.windows) windows")
        }
      }
    }
    var severities = (blocking: 0, warning: 0)
    try plan.findings.withUnsafeBufferPointer { findings throws(PlanFileError) in
      for index in findings.indices {
        if let step = findings[index].step, lookup.steps[step] == nil {
          throw invalid("findings[\(index)].step", "\"\(step)\" is not a step of this plan")
        }
        switch findings[index].severity {
        case .blocking: severities.blocking += 1
        case .warning: severities.warning += 1
        case .info: break
        }
      }
    }
    try plan.accounts.withUnsafeBufferPointer { accounts throws(PlanFileError) in
      for index in accounts.indices {
        if let terminal = accounts[index].terminalStep, lookup.steps[terminal] == nil {
          throw invalid(
            "accounts[\(index)].terminalStep", "\"\(terminal)\" is not a step of this plan")
        }
      }
    }
    let summary = plan.summary
    let counted = (
      plan.steps.count, kinds.api, kinds.manual, kinds.wait, severities.blocking,
      severities.warning
    )
    guard
      (
        summary.steps, summary.apiSteps, summary.manualSteps, summary.waitSteps, summary.blocking,
        summary.warnings
      ) == counted
    else {
      throw invalid("summary", "does not count the steps and findings the plan holds")
    }
    try checkClosureInvariants(plan, invalid: invalid)
  }
}
