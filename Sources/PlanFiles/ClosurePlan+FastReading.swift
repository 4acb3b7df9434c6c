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
    var cursor = JSONCursor(bytes, limits: FileKind.plan.limits, rejectsUnknownKeys: true)
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
  // Each object's keys in byte order, as `members` expects them.
  private static let planKeys: [StaticString] = [
    "accounts", "closeQuota", "findings", "generator", "inputs", "organization", "redacted",
    "schemaVersion", "startDate", "steps", "strategy", "summary",
  ]
  private static let inputKeys: [StaticString] = ["policy", "snapshot"]
  private static let organizationKeys: [StaticString] = [
    "featureSet", "id", "managementAccountId", "memberCount",
  ]
  private static let quotaKeys: [StaticString] = [
    "closuresInLast30Days", "concurrent", "firstWindow", "perWindow", "source", "windowDays",
    "windows",
  ]
  private static let summaryKeys: [StaticString] = [
    "apiSteps", "blocking", "estimatedCompletion", "manualSteps", "steps", "waitSteps", "warnings",
  ]
  private static let accountKeys: [StaticString] = [
    "disposition", "findings", "id", "joinedMethod", "name", "path", "state", "terminalStep",
  ]
  private static let stepKeys: [StaticString] = [
    "account", "action", "after", "call", "id", "kind", "notBefore", "tasks", "title", "wave",
    "window",
  ]
  private static let findingKeys: [StaticString] = [
    "account", "code", "message", "remediation", "severity", "step",
  ]

  /// Every key a plan may have, for `StrictJSON` to refuse any other (a plan is made by
  /// orgclose, so an unknown key means the file was edited or made by another version), and
  /// which of their values are integers.
  static let planSchema: KeySchema = .object(
    Dictionary(
      uniqueKeysWithValues: planKeys.map { key -> (String, KeySchema) in
        let name = "\(key)"
        let counts = Set(summaryKeys.map { "\($0)" }).subtracting(["estimatedCompletion"])
        switch name {
        case "schemaVersion": return (name, .integer)
        case "inputs": return (name, .object(inputKeys))
        case "organization": return (name, .object(organizationKeys, integers: ["memberCount"]))
        case "closeQuota":
          let numbers = Set(quotaKeys.map { "\($0)" }).subtracting(["source"])
          return (name, .object(quotaKeys, integers: numbers))
        case "summary": return (name, .object(summaryKeys, integers: counts))
        case "accounts": return (name, .array(.object(accountKeys)))
        case "steps": return (name, .array(.object(stepKeys, integers: ["wave", "window"])))
        case "findings": return (name, .array(.object(findingKeys)))
        default: return (name, .any)
        }
      }))

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
    try members(Self.planKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: accounts = try cursor.array { cursor throws(Miss) in try cursor.accountEntry() }
      case 1: closeQuota = try cursor.quota()
      case 2: findings = try cursor.array { cursor throws(Miss) in try cursor.finding() }
      case 3: generator = try cursor.string()
      case 4: inputs = try cursor.planInputs()
      case 5: organization = try cursor.organizationSummary()
      case 6:
        redacted = try cursor.optionalArray { cursor throws(Miss) in try cursor.string() }
      case 7: schemaVersion = try cursor.integer()
      case 8: startDate = try cursor.day()
      case 9: steps = try cursor.array { cursor throws(Miss) in try cursor.step() }
      case 10: strategy = try cursor.rawValue(Strategy.self)
      default: summary = try cursor.planSummary()
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
    try members(Self.inputKeys) { cursor, field throws(Miss) in
      if field == 1 { snapshot = try cursor.string() } else { policy = try cursor.optionalString() }
    }
    return ClosurePlan.Inputs(snapshot: try required(snapshot), policy: policy)
  }

  private mutating func organizationSummary() throws(Miss) -> ClosurePlan.OrganizationSummary {
    var id: String?
    var managementID: String?
    var featureSet: String?
    var memberCount: Int?
    try members(Self.organizationKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: featureSet = try cursor.string()
      case 1: id = try cursor.string()
      case 2: managementID = try cursor.string()
      default: memberCount = try cursor.integer()
      }
    }
    return ClosurePlan.OrganizationSummary(
      id: try required(id), managementAccountId: try required(managementID),
      featureSet: try required(featureSet), memberCount: try required(memberCount))
  }

  private mutating func quota() throws(Miss) -> ClosurePlan.CloseQuota {
    // By position in `quotaKeys`; `source` (4) is the only string.
    var numbers = [Int?](repeating: nil, count: Self.quotaKeys.count)
    var source: String?
    try members(Self.quotaKeys) { cursor, field throws(Miss) in
      if field == 4 { source = try cursor.string() } else { numbers[field] = try cursor.integer() }
    }
    return ClosurePlan.CloseQuota(
      perWindow: try required(numbers[3]), windowDays: try required(numbers[5]),
      concurrent: try required(numbers[1]), firstWindow: try required(numbers[2]),
      closuresInLast30Days: try required(numbers[0]), windows: try required(numbers[6]),
      source: try required(source))
  }

  private mutating func planSummary() throws(Miss) -> ClosurePlan.Summary {
    // By position in `summaryKeys`; `estimatedCompletion` (2) is the only date.
    var numbers = [Int?](repeating: nil, count: Self.summaryKeys.count)
    var completion: CalendarDay?
    try members(Self.summaryKeys) { cursor, field throws(Miss) in
      if field == 2 { completion = try cursor.day() } else { numbers[field] = try cursor.integer() }
    }
    return ClosurePlan.Summary(
      steps: try required(numbers[4]), apiSteps: try required(numbers[0]),
      manualSteps: try required(numbers[3]), waitSteps: try required(numbers[5]),
      blocking: try required(numbers[1]), warnings: try required(numbers[6]),
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
    try members(Self.accountKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: disposition = try cursor.optionalString()
      case 1: findings = try cursor.array { cursor throws(Miss) in try cursor.string() }
      case 2: id = try cursor.string()
      case 3: joinedMethod = try cursor.string()
      case 4: name = try cursor.string()
      case 5: path = try cursor.string()
      case 6: state = try cursor.string()
      default: terminalStep = try cursor.optionalString()
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
    try members(Self.stepKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: account = try cursor.optionalString()
      case 1: action = try cursor.string()
      case 2: after = try cursor.array { cursor throws(Miss) in try cursor.string() }
      case 3: call = try cursor.optionalString()
      case 4: id = try cursor.string()
      case 5: kind = try cursor.rawValue(ClosurePlan.StepKind.self)
      case 6: notBefore = try cursor.skipNull() ? nil : cursor.day()
      case 7: tasks = try cursor.optionalArray { cursor throws(Miss) in try cursor.string() }
      case 8: title = try cursor.string()
      case 9: wave = try cursor.integer()
      default: window = try cursor.skipNull() ? nil : cursor.integer()
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
    try members(Self.findingKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: account = try cursor.optionalString()
      case 1: code = try cursor.string()
      case 2: message = try cursor.string()
      case 3: remediation = try cursor.string()
      case 4: severity = try cursor.rawValue(ClosurePlan.Severity.self)
      default: step = try cursor.optionalString()
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
