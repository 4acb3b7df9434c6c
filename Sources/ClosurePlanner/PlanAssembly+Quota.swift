import OrgGraph

extension PlanAssembly {
  /// The quota the schedule uses: rule B11, or the policy's lower figure (rule B11a: AWS
  /// does not raise it, so `ClosurePlanner` refuses a higher one).
  var quota: (perWindow: Int, source: String) {
    let rule = CloseQuotaRule.closuresPerWindow(memberCount: organization.members.count)
    if let override = policy.closeQuota, override <= rule { return (override, "policy closeQuota") }
    return (rule, "rule B11")
  }

  /// Closures already counted against the first window: the policy's
  /// `closuresInLast30Days`, which counts the closures of the last 30 days that are no longer
  /// PENDING_CLOSURE, plus the members the snapshot shows PENDING_CLOSURE now, whose requests
  /// were made within the last 30 days (rules B11, B12).
  var recentClosures: Int {
    policy.closuresInLast30Days + pendingClosures
  }

  /// The quota as the scheduler takes it.
  var scheduleQuota: StepScheduler.Quota {
    StepScheduler.Quota(
      perWindow: quota.perWindow, firstWindow: max(0, quota.perWindow - recentClosures))
  }

  /// Schedules the step graph and reports how the closures use the quota (rule B11).
  mutating func schedule() throws(PlanningError) -> StepScheduler.Schedule {
    let quota = scheduleQuota
    let schedule = try StepScheduler.schedule(
      steps, closeSteps: closeSteps, quota: quota, startDate: startDate)
    reportFirstWindow(quota)
    if schedule.windows > 1 {
      let last = startDate.adding(days: (schedule.windows - 1) * CloseQuotaRule.windowDays)
      report(
        .closeQuotaWindows, .info,
        message: "\(closeSteps.count) CloseAccount calls at \(quota.perWindow) per rolling 30 "
          + "days need \(schedule.windows) windows; the last starts on \(last) (rule B11)",
        remediation: "Nothing to do: in each window keep at most 3 closures in flight (rule B12) "
          + "and one call per 20 seconds (rule B13); the quota cannot be raised (rule B11a)")
    }
    return schedule
  }

  /// Writes into the plan how the first window's room was computed, when recent or pending
  /// closures take some of it.
  private mutating func reportFirstWindow(_ quota: StepScheduler.Quota) {
    let recent = policy.closuresInLast30Days
    guard recent + pendingClosures > 0 else { return }
    let arithmetic =
      "the quota of \(quota.perWindow) (\(self.quota.source)) less \(recent) closure(s) in the "
      + "last 30 days (policy closuresInLast30Days, which counts closures no longer "
      + "PENDING_CLOSURE) less \(pendingClosures) member(s) PENDING_CLOSURE in the snapshot "
      + "(rules B11, B12)"
    if quota.firstWindow == 0 && !closeSteps.isEmpty {
      let over = recentClosures > quota.perWindow ? ", more than the quota," : ""
      report(
        .closeQuotaExhausted, .info,
        message: "Recent closures (\(recentClosures))\(over) use up the first window: "
          + arithmetic + " leaves none, so window 1 is empty and closures start on "
          + "\(startDate.adding(days: CloseQuotaRule.windowDays))",
        remediation: "Nothing to do: the schedule waits; removing members instead avoids the quota")
    } else {
      report(
        .closeQuotaFirstWindow, .info,
        message: "The first window allows \(quota.firstWindow) closure(s): " + arithmetic,
        remediation: "Check closuresInLast30Days against CloudTrail's CloseAccountResult "
          + "events of the last 30 days, leaving out the accounts still PENDING_CLOSURE")
    }
  }
}
