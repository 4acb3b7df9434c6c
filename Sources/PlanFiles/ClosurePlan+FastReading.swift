import ClosurePlanner
import OrgGraph

/// The fast path for reading `plan.json`: `JSONCursor` straight into `ClosurePlan`, with the
/// result `JSONDecoder` gives, or `nil` when the bytes are anything but a plainly valid plan of
/// the current schema version, in which case the caller decodes them with `JSONDecoder` to
/// get the value or the error message.
///
/// A plan of 100,000 accounts is 200 MB; the schema-version check and `JSONDecoder` took
/// 2.9 s of CPU to read it, this 0.44 s (README, "Performance").
extension ClosurePlan {
  /// Reads `bytes` without `JSONDecoder`, or returns `nil` to ask for the slow path.
  static func fastRead(_ bytes: UnsafeBufferPointer<UInt8>) -> ClosurePlan? {
    var cursor = JSONCursor(bytes)
    do {
      let plan = try cursor.plan()
      try cursor.end()
      guard plan.schemaVersion == currentSchemaVersion else { return nil }
      return plan
    } catch {
      return nil
    }
  }
}

extension JSONCursor {
  fileprivate mutating func plan() throws(Miss) -> ClosurePlan {
    var schemaVersion: Int?
    var generator: String?
    var inputs: ClosurePlan.Inputs?
    var organization: ClosurePlan.OrganizationSummary?
    var strategy: Strategy?
    var startDate: CalendarDay?
    var closeQuota: ClosurePlan.CloseQuota?
    var summary: ClosurePlan.Summary?
    var accounts: [ClosurePlan.AccountEntry]?
    var steps: [ClosurePlan.Step]?
    var findings: [ClosurePlan.Finding]?
    var redacted: [String]?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "steps" {
        try seen.insert(0)
        steps = try array { cursor throws(Miss) in try cursor.step() }
      } else if key == "accounts" {
        try seen.insert(1)
        accounts = try array { cursor throws(Miss) in try cursor.accountEntry() }
      } else if key == "findings" {
        try seen.insert(2)
        findings = try array { cursor throws(Miss) in try cursor.finding() }
      } else if key == "schemaVersion" {
        try seen.insert(3)
        schemaVersion = try integer()
      } else if key == "generator" {
        try seen.insert(4)
        generator = try string()
      } else if key == "inputs" {
        try seen.insert(5)
        inputs = try planInputs()
      } else if key == "organization" {
        try seen.insert(6)
        organization = try organizationSummary()
      } else if key == "strategy" {
        try seen.insert(7)
        strategy = try rawValue(Strategy.self)
      } else if key == "startDate" {
        try seen.insert(8)
        startDate = try day()
      } else if key == "closeQuota" {
        try seen.insert(9)
        closeQuota = try quota()
      } else if key == "summary" {
        try seen.insert(10)
        summary = try planSummary()
      } else if key == "redacted" {
        try seen.insert(11)
        redacted = try optionalArray { cursor throws(Miss) in try cursor.string() }
      } else {
        try skipValue()
      }
    }
    var plan = ClosurePlan(
      schemaVersion: try required(schemaVersion), generator: try required(generator),
      inputs: try required(inputs), organization: try required(organization),
      strategy: try required(strategy), startDate: try required(startDate),
      closeQuota: try required(closeQuota), summary: try required(summary),
      accounts: try required(accounts), steps: try required(steps),
      findings: try required(findings))
    plan.redacted = redacted
    return plan
  }

  private mutating func planInputs() throws(Miss) -> ClosurePlan.Inputs {
    var snapshot: String?
    var policy: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "snapshot" {
        try seen.insert(0)
        snapshot = try string()
      } else if key == "policy" {
        try seen.insert(1)
        policy = try optionalString()
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.Inputs(snapshot: try required(snapshot), policy: policy)
  }

  private mutating func organizationSummary() throws(Miss) -> ClosurePlan.OrganizationSummary {
    var id: String?
    var managementID: String?
    var featureSet: String?
    var memberCount: Int?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "managementAccountId" {
        try seen.insert(1)
        managementID = try string()
      } else if key == "featureSet" {
        try seen.insert(2)
        featureSet = try string()
      } else if key == "memberCount" {
        try seen.insert(3)
        memberCount = try integer()
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.OrganizationSummary(
      id: try required(id), managementAccountId: try required(managementID),
      featureSet: try required(featureSet), memberCount: try required(memberCount))
  }

  private mutating func quota() throws(Miss) -> ClosurePlan.CloseQuota {
    var numbers = [Int?](repeating: nil, count: 6)
    var source: String?
    let names: [StaticString] = [
      "perWindow", "windowDays", "concurrent", "firstWindow", "closuresInLast30Days", "windows",
    ]
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "source" {
        try seen.insert(6)
        source = try string()
      } else if let field = names.firstIndex(where: { key == $0 }) {
        try seen.insert(field)
        numbers[field] = try integer()
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.CloseQuota(
      perWindow: try required(numbers[0]), windowDays: try required(numbers[1]),
      concurrent: try required(numbers[2]), firstWindow: try required(numbers[3]),
      closuresInLast30Days: try required(numbers[4]), windows: try required(numbers[5]),
      source: try required(source))
  }

  private mutating func planSummary() throws(Miss) -> ClosurePlan.Summary {
    var numbers = [Int?](repeating: nil, count: 6)
    var completion: CalendarDay?
    let names: [StaticString] = [
      "steps", "apiSteps", "manualSteps", "waitSteps", "blocking", "warnings",
    ]
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "estimatedCompletion" {
        try seen.insert(6)
        completion = try day()
      } else if let field = names.firstIndex(where: { key == $0 }) {
        try seen.insert(field)
        numbers[field] = try integer()
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.Summary(
      steps: try required(numbers[0]), apiSteps: try required(numbers[1]),
      manualSteps: try required(numbers[2]), waitSteps: try required(numbers[3]),
      blocking: try required(numbers[4]), warnings: try required(numbers[5]),
      estimatedCompletion: try required(completion))
  }

  private mutating func accountEntry() throws(Miss) -> ClosurePlan.AccountEntry {
    var id: String?
    var name: String?
    var path: String?
    var state: String?
    var joinedMethod: String?
    var disposition: String?
    var terminalStep: String?
    var findings: [String]?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "name" {
        try seen.insert(1)
        name = try string()
      } else if key == "path" {
        try seen.insert(2)
        path = try string()
      } else if key == "state" {
        try seen.insert(3)
        state = try string()
      } else if key == "joinedMethod" {
        try seen.insert(4)
        joinedMethod = try string()
      } else if key == "disposition" {
        try seen.insert(5)
        disposition = try optionalString()
      } else if key == "terminalStep" {
        try seen.insert(6)
        terminalStep = try optionalString()
      } else if key == "findings" {
        try seen.insert(7)
        findings = try array { cursor throws(Miss) in try cursor.string() }
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.AccountEntry(
      id: try required(id), name: try required(name), path: try required(path),
      state: try required(state), joinedMethod: try required(joinedMethod),
      disposition: disposition, terminalStep: terminalStep, findings: try required(findings))
  }

  private mutating func step() throws(Miss) -> ClosurePlan.Step {
    var id: String?
    var action: String?
    var kind: ClosurePlan.StepKind?
    var account: String?
    var call: String?
    var after: [String]?
    var wave: Int?
    var window: Int?
    var notBefore: CalendarDay?
    var title: String?
    var tasks: [String]?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "action" {
        try seen.insert(1)
        action = try string()
      } else if key == "kind" {
        try seen.insert(2)
        kind = try rawValue(ClosurePlan.StepKind.self)
      } else if key == "account" {
        try seen.insert(3)
        account = try optionalString()
      } else if key == "call" {
        try seen.insert(4)
        call = try optionalString()
      } else if key == "after" {
        try seen.insert(5)
        after = try array { cursor throws(Miss) in try cursor.string() }
      } else if key == "wave" {
        try seen.insert(6)
        wave = try integer()
      } else if key == "window" {
        try seen.insert(7)
        window = try skipNull() ? nil : integer()
      } else if key == "notBefore" {
        try seen.insert(8)
        notBefore = try skipNull() ? nil : day()
      } else if key == "title" {
        try seen.insert(9)
        title = try string()
      } else if key == "tasks" {
        try seen.insert(10)
        tasks = try optionalArray { cursor throws(Miss) in try cursor.string() }
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.Step(
      id: try required(id), action: try required(action), kind: try required(kind),
      account: account, call: call, after: try required(after), wave: try required(wave),
      window: window, notBefore: notBefore, title: try required(title), tasks: tasks)
  }

  private mutating func finding() throws(Miss) -> ClosurePlan.Finding {
    var code: String?
    var severity: ClosurePlan.Severity?
    var account: String?
    var step: String?
    var message: String?
    var remediation: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "code" {
        try seen.insert(0)
        code = try string()
      } else if key == "severity" {
        try seen.insert(1)
        severity = try rawValue(ClosurePlan.Severity.self)
      } else if key == "account" {
        try seen.insert(2)
        account = try optionalString()
      } else if key == "step" {
        try seen.insert(3)
        step = try optionalString()
      } else if key == "message" {
        try seen.insert(4)
        message = try string()
      } else if key == "remediation" {
        try seen.insert(5)
        remediation = try string()
      } else {
        try skipValue()
      }
    }
    return ClosurePlan.Finding(
      code: try required(code), severity: try required(severity), account: account, step: step,
      message: try required(message), remediation: try required(remediation))
  }

  /// A string enumeration's case; an unknown value goes to the slow path.
  private mutating func rawValue<Value: RawRepresentable>(_: Value.Type) throws(Miss) -> Value
  where Value.RawValue == String {
    guard let value = Value(rawValue: try string()) else { throw Miss() }
    return value
  }

  /// A `YYYY-MM-DD` date; anything else goes to the slow path.
  private mutating func day() throws(Miss) -> CalendarDay {
    guard let day = CalendarDay(iso8601: try string()) else { throw Miss() }
    return day
  }
}
