import ClosurePlanner
import OrgGraph

/// Writes a plan in format 2, record by record, in the keys' declared order (`PlanWireKeys`).
///
/// Arrays are walked through unsafe buffers, whose elements are read in place: a loop over
/// the array copied each element and retained every string in it. Keys come from each
/// record's key table: `allCases` builds an array on every call.
extension ClosurePlan {
  func write(to writer: inout PlanJSONWriter) {
    writer.beginObject()
    for key in PlanKey.table.keys {
      switch key {
      case .accounts:
        writer.key(key)
        writer.records(accounts) { $1.write(to: &$0, strategy: strategy) }
      case .closeQuota:
        writer.key(key)
        closeQuota.write(to: &writer)
      case .findings:
        writer.key(key)
        writer.records(findings) { $1.write(to: &$0) }
      case .generator:
        writer.key(key)
        writer.string(generator)
      case .inputs:
        writer.key(key)
        writer.beginObject()
        for key in InputsKey.table.keys {
          switch key {
          case .policy:
            if let policy = inputs.policy { writer.field(key, policy) }
          case .snapshot: writer.field(key, inputs.snapshot)
          }
        }
        writer.endObject()
      case .organization:
        writer.key(key)
        writer.beginObject()
        for key in OrganizationKey.table.keys {
          switch key {
          case .featureSet: writer.field(key, organization.featureSet.rawValue)
          case .id: writer.field(key, organization.id.rawValue)
          case .managementAccountId: writer.field(key, organization.managementAccountId.rawValue)
          case .memberCount: writer.field(key, organization.memberCount)
          }
        }
        writer.endObject()
      case .redacted:
        if let redacted {
          writer.key(key)
          writer.strings(redacted)
        }
      case .schemaVersion: writer.field(key, schemaVersion)
      case .startDate:
        writer.key(key)
        writer.day(startDate)
      case .steps:
        writer.key(key)
        var dates: [StepID: CalendarDay] = [:]
        dates.reserveCapacity(steps.count)
        writer.records(steps) { writer, step in
          let inherited = StepDates.inherited(
            startDate: startDate, windowDays: closeQuota.windowDays, window: step.window,
            prerequisites: step.after.lazy.map { dates[$0] })
          dates[step.id] = step.notBefore ?? inherited
          step.write(to: &writer, inheritedDate: inherited)
        }
      case .strategy: writer.field(key, strategy.rawValue)
      case .summary:
        writer.key(key)
        summary.write(to: &writer)
      }
    }
    writer.endObject()
  }
}

extension ClosurePlan.CloseQuota {
  fileprivate func write(to writer: inout PlanJSONWriter) {
    writer.beginObject()
    for key in CloseQuotaKey.table.keys {
      switch key {
      case .closuresInLast30Days: writer.field(key, closuresInLast30Days)
      case .concurrent: writer.field(key, concurrent)
      case .firstWindow: writer.field(key, firstWindow)
      case .perWindow: writer.field(key, perWindow)
      case .source: writer.field(key, source)
      case .windowDays: writer.field(key, windowDays)
      case .windows: writer.field(key, windows)
      }
    }
    writer.endObject()
  }
}

extension ClosurePlan.Summary {
  fileprivate func write(to writer: inout PlanJSONWriter) {
    writer.beginObject()
    for key in SummaryKey.table.keys {
      switch key {
      case .apiSteps: writer.field(key, apiSteps)
      case .blocking: writer.field(key, blocking)
      case .estimatedCompletion:
        writer.key(key)
        writer.day(estimatedCompletion)
      case .manualSteps: writer.field(key, manualSteps)
      case .steps: writer.field(key, steps)
      case .waitSteps: writer.field(key, waitSteps)
      case .warnings: writer.field(key, warnings)
      }
    }
    writer.endObject()
  }
}

extension ClosurePlan.AccountEntry {
  /// What an account entry leaves out: the strategy's own disposition and the state ACTIVE.
  fileprivate func write(to writer: inout PlanJSONWriter, strategy: Strategy) {
    writer.beginObject()
    for key in AccountKey.table.keys {
      switch key {
      case .disposition:
        if disposition != strategy.defaultDisposition {
          writer.field(key, disposition?.rawValue ?? AccountKey.noDisposition)
        }
      case .id: writer.field(key, id.rawValue)
      case .joinedMethod:
        if joinedMethod != AccountKey.defaultJoinedMethod {
          writer.field(key, joinedMethod.rawValue)
        }
      case .name: writer.field(key, name)
      case .path: writer.field(key, path)
      case .state:
        if state != .active { writer.field(key, state.rawValue) }
      }
    }
    writer.endObject()
  }
}

extension ClosurePlan.Step {
  fileprivate func write(to writer: inout PlanJSONWriter, inheritedDate: CalendarDay) {
    var ending: StepAction.TransferEnding?
    if case .endResponsibilityTransfer(_, let how) = action { ending = how }
    writer.beginObject()
    for key in StepKey.table.keys {
      switch key {
      case .after:
        if !after.isEmpty {
          writer.key(key)
          writer.beginArray()
          for id in after {
            writer.element()
            writer.stepID(id)
          }
          writer.endArray()
        }
      case .declines:
        if case .decline(let handshake)? = ending { writer.field(key, handshake.rawValue) }
      case .direction:
        if case .terminate(let direction, _)? = ending { writer.field(key, direction.rawValue) }
      case .id:
        writer.key(key)
        writer.stepID(id)
      case .notBefore:
        if let notBefore, notBefore != inheritedDate {
          writer.key(key)
          writer.day(notBefore)
        }
      case .items:
        writer.strings(
          key, tasks.compactMap { if case .item(let item) = $0 { item.rawValue } else { nil } })
      case .tasks:
        writer.strings(key, tasks.compactMap { if case .text(let text) = $0 { text } else { nil } })
      case .terminatesOn:
        if case .terminate(_, let lastDay)? = ending {
          writer.key(key)
          writer.day(lastDay)
        }
      case .window:
        if let window { writer.field(key, window) }
      case .withdraws:
        if case .withdraw(let handshake)? = ending { writer.field(key, handshake.rawValue) }
      }
    }
    writer.endObject()
  }
}

extension ClosurePlan.Finding {
  fileprivate func write(to writer: inout PlanJSONWriter) {
    writer.beginObject()
    for key in FindingKey.table.keys {
      switch key {
      case .account:
        if let account { writer.field(key, account.rawValue) }
      case .code: writer.field(key, code.rawValue)
      case .message: writer.field(key, message)
      case .remediation:
        if remediation != code.standardRemediation { writer.field(key, remediation) }
      case .severity: writer.field(key, severity.rawValue)
      case .step:
        if let step {
          writer.key(key)
          writer.stepID(step)
        }
      }
    }
    writer.endObject()
  }
}

extension PlanJSONWriter {
  mutating func key(_ key: some PlanWireKey) { self.key(name: key.rawValue) }

  mutating func field(_ key: some PlanWireKey, _ value: String) {
    self.key(key)
    string(value)
  }

  mutating func field(_ key: some PlanWireKey, _ value: Int) {
    self.key(key)
    integer(value)
  }

  /// A member holding strings, left out when there are none.
  mutating func strings(_ key: some PlanWireKey, _ values: [String]) {
    guard !values.isEmpty else { return }
    self.key(key)
    strings(values)
  }

  /// An array of records, each written by `write`.
  mutating func records<Element>(
    _ elements: [Element], _ write: (inout PlanJSONWriter, Element) -> Void
  ) {
    beginArray()
    elements.withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        element()
        write(&self, buffer[index])
      }
    }
    endArray()
  }
}
