import ClosurePlanner
import OrgGraph

/// `plan.json` written directly, field for field, in the bytes `JSONEncoder` produces for
/// `ClosurePlan` (sorted keys, `nil` fields left out).
///
/// Each type lists its keys in byte order, which is how Foundation sorts them on Linux;
/// `PlanWritingTests` checks the result against `JSONEncoder` on samples and generated plans.
///
/// Arrays are walked through unsafe buffers, whose elements are read in place: a loop over
/// the array, or over its indices, copied each element and retained every string in it
/// (writing a 100,000-account plan took 0.05 s longer).
extension ClosurePlan {
  /// The pretty-printed JSON of the plan, without a trailing newline.
  func writeJSON(to writer: inout PrettyJSONWriter) {
    writer.beginObject()
    writer.key("accounts")
    writer.beginArray()
    accounts.withUnsafeBufferPointer { elements in
      for index in elements.indices {
        writer.element()
        elements[index].writeJSON(to: &writer)
      }
    }
    writer.endArray()
    writer.key("closeQuota")
    closeQuota.writeJSON(to: &writer)
    writer.key("findings")
    writer.beginArray()
    findings.withUnsafeBufferPointer { elements in
      for index in elements.indices {
        writer.element()
        elements[index].writeJSON(to: &writer)
      }
    }
    writer.endArray()
    writer.key("generator")
    writer.string(generator)
    writer.key("inputs")
    writer.beginObject()
    if let policy = inputs.policy {
      writer.key("policy")
      writer.string(policy)
    }
    writer.key("snapshot")
    writer.string(inputs.snapshot)
    writer.endObject()
    writer.key("organization")
    writer.beginObject()
    writer.key("featureSet")
    writer.string(organization.featureSet)
    writer.key("id")
    writer.string(organization.id)
    writer.key("managementAccountId")
    writer.string(organization.managementAccountId)
    writer.key("memberCount")
    writer.integer(organization.memberCount)
    writer.endObject()
    if let redacted {
      writer.key("redacted")
      writer.strings(redacted)
    }
    writer.key("schemaVersion")
    writer.integer(schemaVersion)
    writer.key("startDate")
    writer.day(startDate)
    writer.key("steps")
    writer.beginArray()
    steps.withUnsafeBufferPointer { elements in
      for index in elements.indices {
        writer.element()
        elements[index].writeJSON(to: &writer)
      }
    }
    writer.endArray()
    writer.key("strategy")
    writer.string(strategy.rawValue)
    writer.key("summary")
    summary.writeJSON(to: &writer)
    writer.endObject()
  }

  /// A generous guess at the size of the JSON, so the buffer never has to grow.
  ///
  /// Generated plans take about 2 KB per account in all (19.8 MB for 10,000 accounts, 29,422
  /// steps and 2,738 findings). Guessing high costs no memory: pages never written are never
  /// mapped.
  var estimatedJSONSize: Int {
    4096 + accounts.count * 400 + steps.count * 700 + findings.count * 500
  }
}

extension ClosurePlan.AccountEntry {
  fileprivate func writeJSON(to writer: inout PrettyJSONWriter) {
    writer.beginObject()
    if let disposition {
      writer.key("disposition")
      writer.string(disposition)
    }
    writer.key("findings")
    writer.strings(findings)
    writer.key("id")
    writer.string(id)
    writer.key("joinedMethod")
    writer.string(joinedMethod)
    writer.key("name")
    writer.string(name)
    writer.key("path")
    writer.string(path)
    writer.key("state")
    writer.string(state)
    if let terminalStep {
      writer.key("terminalStep")
      writer.string(terminalStep)
    }
    writer.endObject()
  }
}

extension ClosurePlan.CloseQuota {
  fileprivate func writeJSON(to writer: inout PrettyJSONWriter) {
    writer.beginObject()
    writer.key("closuresInLast30Days")
    writer.integer(closuresInLast30Days)
    writer.key("concurrent")
    writer.integer(concurrent)
    writer.key("firstWindow")
    writer.integer(firstWindow)
    writer.key("perWindow")
    writer.integer(perWindow)
    writer.key("source")
    writer.string(source)
    writer.key("windowDays")
    writer.integer(windowDays)
    writer.key("windows")
    writer.integer(windows)
    writer.endObject()
  }
}

extension ClosurePlan.Finding {
  fileprivate func writeJSON(to writer: inout PrettyJSONWriter) {
    writer.beginObject()
    if let account {
      writer.key("account")
      writer.string(account)
    }
    writer.key("code")
    writer.string(code)
    writer.key("message")
    writer.string(message)
    writer.key("remediation")
    writer.string(remediation)
    writer.key("severity")
    writer.string(severity.rawValue)
    if let step {
      writer.key("step")
      writer.string(step)
    }
    writer.endObject()
  }
}

extension ClosurePlan.Step {
  fileprivate func writeJSON(to writer: inout PrettyJSONWriter) {
    writer.beginObject()
    if let account {
      writer.key("account")
      writer.string(account)
    }
    writer.key("action")
    writer.string(action)
    writer.key("after")
    writer.strings(after)
    if let call {
      writer.key("call")
      writer.string(call)
    }
    writer.key("id")
    writer.string(id)
    writer.key("kind")
    writer.string(kind.rawValue)
    if let notBefore {
      writer.key("notBefore")
      writer.day(notBefore)
    }
    if let tasks {
      writer.key("tasks")
      writer.strings(tasks)
    }
    writer.key("title")
    writer.string(title)
    writer.key("wave")
    writer.integer(wave)
    if let window {
      writer.key("window")
      writer.integer(window)
    }
    writer.endObject()
  }
}

extension ClosurePlan.Summary {
  fileprivate func writeJSON(to writer: inout PrettyJSONWriter) {
    writer.beginObject()
    writer.key("apiSteps")
    writer.integer(apiSteps)
    writer.key("blocking")
    writer.integer(blocking)
    writer.key("estimatedCompletion")
    writer.day(estimatedCompletion)
    writer.key("manualSteps")
    writer.integer(manualSteps)
    writer.key("steps")
    writer.integer(steps)
    writer.key("waitSteps")
    writer.integer(waitSteps)
    writer.key("warnings")
    writer.integer(warnings)
    writer.endObject()
  }
}
