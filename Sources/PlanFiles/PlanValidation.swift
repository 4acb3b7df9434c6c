public import ClosurePlanner

extension PlanFiles {
  /// Checks that a decoded plan is internally consistent, as `orgclose plan` writes it.
  ///
  /// A plan is reviewed and then acted on, so a file that was truncated, merged badly or
  /// edited by hand must be refused with the place that is wrong, not rendered or trusted:
  /// every prerequisite names a step of the plan, waves grow along prerequisites, windows lie
  /// within the quota calendar, and the summary counts what the plan holds.
  ///
  /// - Throws: `PlanFileError.invalid` naming the JSON path of the first inconsistency.
  /// - Complexity: O(*n* log *n*) in the number of steps and findings.
  public static func validated(_ plan: ClosurePlan, file: String) throws(PlanFileError)
    -> ClosurePlan
  {
    func invalid(_ path: String, _ message: String) -> PlanFileError {
      .invalid(
        file: file, path: path,
        message: message + "; the file was edited or damaged: re-create it with 'orgclose plan'")
    }
    var waveOf: [String: Int] = [:]
    waveOf.reserveCapacity(plan.steps.count)
    for (index, step) in plan.steps.enumerated() {
      guard waveOf.updateValue(step.wave, forKey: step.id) == nil else {
        throw invalid("steps[\(index)].id", "\"\(step.id)\" is listed twice")
      }
      guard step.wave >= 0 else {
        throw invalid("steps[\(index)].wave", "\(step.wave) is negative")
      }
    }
    let closeSteps = plan.steps.filter { $0.window != nil }.count
    let quota = plan.closeQuota
    guard quota.windows >= 0, quota.windows <= closeSteps, quota.perWindow >= 1 else {
      throw invalid(
        "closeQuota.windows",
        "\(quota.windows) windows of \(quota.perWindow) do not match the plan's \(closeSteps) "
          + "close steps")
    }
    for (index, step) in plan.steps.enumerated() {
      for (position, prerequisite) in step.after.enumerated() {
        guard let wave = waveOf[prerequisite] else {
          throw invalid(
            "steps[\(index)].after[\(position)]", "\"\(prerequisite)\" is not a step of this plan")
        }
        guard wave < step.wave else {
          throw invalid(
            "steps[\(index)].wave",
            "\(step.wave) is not after the wave \(wave) of its prerequisite \"\(prerequisite)\"")
        }
      }
      if let window = step.window, !(1...max(1, quota.windows)).contains(window) {
        throw invalid(
          "steps[\(index)].window", "\(window) is outside the plan's \(quota.windows) windows")
      }
    }
    for (index, finding) in plan.findings.enumerated() {
      if let step = finding.step, waveOf[step] == nil {
        throw invalid("findings[\(index)].step", "\"\(step)\" is not a step of this plan")
      }
    }
    var accountIDs: Set<String> = []
    for (index, account) in plan.accounts.enumerated() {
      guard accountIDs.insert(account.id).inserted else {
        throw invalid("accounts[\(index)].id", "\"\(account.id)\" is listed twice")
      }
      if let terminal = account.terminalStep, waveOf[terminal] == nil {
        throw invalid(
          "accounts[\(index)].terminalStep", "\"\(terminal)\" is not a step of this plan")
      }
    }
    let summary = plan.summary
    let counted = (
      plan.steps.count, plan.steps.filter { $0.kind == .api }.count,
      plan.steps.filter { $0.kind == .manual }.count, plan.steps.filter { $0.kind == .wait }.count,
      plan.findings.filter { $0.severity == .blocking }.count,
      plan.findings.filter { $0.severity == .warning }.count
    )
    guard
      (
        summary.steps, summary.apiSteps, summary.manualSteps, summary.waitSteps, summary.blocking,
        summary.warnings
      ) == counted
    else {
      throw invalid("summary", "does not count the steps and findings the plan holds")
    }
    return plan
  }
}
