import ClosurePlanner
import OrgGraph

extension PlanReader {
  /// Reads a whole plan of format 2 and derives what the file leaves out (`PlanWireKeys`);
  /// the plan keeps the positions of its steps and accounts found on the way (`lookup`).
  mutating func plan() throws(PlanReadError) -> ClosurePlan {
    var schemaVersion: Int?
    var generator: String?
    var inputs: ClosurePlan.Inputs?
    var organization: ClosurePlan.OrganizationSummary?
    var strategy: Strategy?
    var startDate: CalendarDay?
    var closeQuota: ClosurePlan.CloseQuota?
    var summary: ClosurePlan.Summary?
    var accounts: [ClosurePlan.AccountEntry] = []
    // Read before the strategy they default to, which sorts after them.
    var dispositions: [String?] = []
    var steps = StepRecords()
    var findings: [ClosurePlan.Finding] = []
    var redacted: [String]?
    var sawAccounts = false
    var sawSteps = false
    var sawFindings = false
    try object(PlanKey.self, at: "") { reader, key throws(PlanReadError) in
      let path = key.rawValue
      switch key {
      case .accounts:
        sawAccounts = true
        try reader.array(at: path) { reader, index throws(PlanReadError) in
          let (account, disposition) = try reader.account(at: "accounts[\(index)]")
          accounts.append(account)
          dispositions.append(disposition)
        }
      case .closeQuota: closeQuota = try reader.closeQuota(at: path)
      case .findings:
        sawFindings = true
        try reader.array(at: path) { reader, index throws(PlanReadError) in
          findings.append(try reader.finding(at: "findings[\(index)]"))
        }
      case .generator: generator = try reader.string(at: path)
      case .inputs: inputs = try reader.inputs(at: path)
      case .organization: organization = try reader.organizationSummary(at: path)
      case .redacted: redacted = try reader.strings(at: path)
      case .schemaVersion: schemaVersion = try reader.integer(at: path)
      case .startDate: startDate = try reader.day(at: path)
      case .steps:
        sawSteps = true
        try reader.array(at: path) { reader, index throws(PlanReadError) in
          steps.append(try reader.step(at: index))
        }
      case .strategy:
        strategy = try reader.value(at: path, as: "a strategy") { Strategy(rawValue: $0) }
      case .summary: summary = try reader.summary(at: path)
      }
    }
    try end()
    // Taken out of the variables the closures above captured, so that completing them below
    // changes the only copy rather than copying every record.
    var stepRecords = StepRecords()
    swap(&stepRecords, &steps)
    var entries: [ClosurePlan.AccountEntry] = []
    swap(&entries, &accounts)
    let start = try required(startDate, "", PlanKey.startDate)
    let planStrategy = try required(strategy, "", PlanKey.strategy)
    let quota = try required(closeQuota, "", PlanKey.closeQuota)
    for index in entries.indices {
      switch dispositions[index] {
      case nil: entries[index].disposition = planStrategy.defaultDisposition
      case AccountKey.noDisposition?: entries[index].disposition = nil
      case let text?:
        guard let disposition = Disposition(rawValue: text) else {
          throw PlanReadError(
            path: "accounts[\(index)].disposition",
            message: "\"\(text)\" is not close, remove, remove-and-close or none")
        }
        entries[index].disposition = disposition
      }
    }
    for (seen, key) in [
      (sawAccounts, PlanKey.accounts), (sawSteps, .steps), (sawFindings, .findings),
    ]
    where !seen {
      throw PlanReadError(path: key.rawValue, message: "is missing")
    }
    let accountPositions = try Self.positions(of: entries)
    let stepPositions = try stepRecords.derive(startDate: start, windowDays: quota.windowDays)
    ClosurePlan.AccountEntry.deriveFields(
      of: &entries, positions: accountPositions, steps: stepRecords.steps, findings: findings)
    var plan = ClosurePlan(
      schemaVersion: try required(schemaVersion, "", PlanKey.schemaVersion),
      generator: try required(generator, "", PlanKey.generator),
      inputs: try required(inputs, "", PlanKey.inputs),
      organization: try required(organization, "", PlanKey.organization),
      strategy: planStrategy, startDate: start, closeQuota: quota,
      summary: try required(summary, "", PlanKey.summary), accounts: entries,
      steps: stepRecords.steps, findings: findings)
    plan.redacted = redacted
    plan.adopt(ClosurePlan.Lookup(steps: stepPositions, accounts: accountPositions))
    return plan
  }

  /// The position of each account; an account listed twice is an error.
  private static func positions(of accounts: [ClosurePlan.AccountEntry])
    throws(PlanReadError) -> [AccountID: Int]
  {
    var positions: [AccountID: Int] = [:]
    positions.reserveCapacity(accounts.count)
    try accounts.withUnsafeBufferPointer { list throws(PlanReadError) in
      for index in list.indices where positions.updateValue(index, forKey: list[index].id) != nil {
        throw PlanReadError(
          path: "accounts[\(index)].id", message: "\"\(list[index].id)\" is listed twice")
      }
    }
    return positions
  }

  private mutating func inputs(at path: @autoclosure () -> String) throws(PlanReadError)
    -> ClosurePlan.Inputs
  {
    var snapshot: String?
    var policy: String?
    try object(InputsKey.self, at: path()) { reader, key throws(PlanReadError) in
      switch key {
      case .policy: policy = try reader.string(at: join(path(), key.rawValue))
      case .snapshot: snapshot = try reader.string(at: join(path(), key.rawValue))
      }
    }
    return ClosurePlan.Inputs(
      snapshot: try required(snapshot, path(), InputsKey.snapshot), policy: policy)
  }

  private mutating func organizationSummary(at path: @autoclosure () -> String)
    throws(PlanReadError)
    -> ClosurePlan.OrganizationSummary
  {
    var id: OrganizationID?
    var management: AccountID?
    var featureSet: FeatureSet?
    var members: Int?
    try object(OrganizationKey.self, at: path()) { reader, key throws(PlanReadError) in
      func here() -> String { join(path(), key.rawValue) }
      switch key {
      case .featureSet: featureSet = FeatureSet(awsValue: try reader.string(at: here()))
      case .id: id = try reader.identifier(OrganizationID.self, at: here())
      case .managementAccountId: management = try reader.identifier(AccountID.self, at: here())
      case .memberCount: members = try reader.integer(at: here())
      }
    }
    return ClosurePlan.OrganizationSummary(
      id: try required(id, path(), OrganizationKey.id),
      managementAccountId: try required(management, path(), OrganizationKey.managementAccountId),
      featureSet: try required(featureSet, path(), OrganizationKey.featureSet),
      memberCount: try required(members, path(), OrganizationKey.memberCount))
  }

  private mutating func closeQuota(at path: @autoclosure () -> String) throws(PlanReadError)
    -> ClosurePlan.CloseQuota
  {
    var numbers: [CloseQuotaKey: Int] = [:]
    var source: String?
    try object(CloseQuotaKey.self, at: path()) { reader, key throws(PlanReadError) in
      func here() -> String { join(path(), key.rawValue) }
      if key == .source {
        source = try reader.string(at: here())
      } else {
        numbers[key] = try reader.integer(at: here())
      }
    }
    func number(_ key: CloseQuotaKey) throws(PlanReadError) -> Int {
      try required(numbers[key], path(), key)
    }
    return ClosurePlan.CloseQuota(
      perWindow: try number(.perWindow), windowDays: try number(.windowDays),
      concurrent: try number(.concurrent), firstWindow: try number(.firstWindow),
      closuresInLast30Days: try number(.closuresInLast30Days), windows: try number(.windows),
      source: try required(source, path(), CloseQuotaKey.source))
  }

  private mutating func summary(at path: @autoclosure () -> String) throws(PlanReadError)
    -> ClosurePlan.Summary
  {
    var numbers: [SummaryKey: Int] = [:]
    var completion: CalendarDay?
    try object(SummaryKey.self, at: path()) { reader, key throws(PlanReadError) in
      func here() -> String { join(path(), key.rawValue) }
      if key == .estimatedCompletion {
        completion = try reader.day(at: here())
      } else {
        numbers[key] = try reader.integer(at: here())
      }
    }
    func number(_ key: SummaryKey) throws(PlanReadError) -> Int {
      try required(numbers[key], path(), key)
    }
    return ClosurePlan.Summary(
      steps: try number(.steps), apiSteps: try number(.apiSteps),
      manualSteps: try number(.manualSteps), waitSteps: try number(.waitSteps),
      blocking: try number(.blocking), warnings: try number(.warnings),
      estimatedCompletion: try required(completion, path(), SummaryKey.estimatedCompletion))
  }

  /// An account, with its disposition as written (resolved once the strategy is known).
  private mutating func account(at path: @autoclosure () -> String) throws(PlanReadError)
    -> (ClosurePlan.AccountEntry, String?)
  {
    var id: AccountID?
    var name: String?
    var accountPath: String?
    var state: AccountState?
    var joinedMethod: JoinedMethod?
    var disposition: String?
    try object(AccountKey.self, at: path()) { reader, key throws(PlanReadError) in
      func here() -> String { join(path(), key.rawValue) }
      switch key {
      case .disposition:
        disposition = try reader.string(at: here())
      case .id: id = try reader.identifier(AccountID.self, at: here())
      case .joinedMethod: joinedMethod = JoinedMethod(awsValue: try reader.string(at: here()))
      case .name: name = try reader.string(at: here())
      case .path: accountPath = try reader.string(at: here())
      case .state: state = AccountState(planValue: try reader.string(at: here()))
      }
    }
    let entry = ClosurePlan.AccountEntry(
      id: try required(id, path(), AccountKey.id),
      name: try required(name, path(), AccountKey.name),
      path: try required(accountPath, path(), AccountKey.path), state: state ?? .active,
      joinedMethod: joinedMethod ?? AccountKey.defaultJoinedMethod,
      disposition: nil, terminalStep: nil, findings: [])
    return (entry, disposition)
  }

  private mutating func finding(at path: @autoclosure () -> String) throws(PlanReadError)
    -> ClosurePlan.Finding
  {
    var code: FindingCode?
    var severity: ClosurePlan.Severity?
    var account: AccountID?
    var step: StepID?
    var message: String?
    var remediation: String?
    try object(FindingKey.self, at: path()) { reader, key throws(PlanReadError) in
      func here() -> String { join(path(), key.rawValue) }
      switch key {
      case .account: account = try reader.identifier(AccountID.self, at: here())
      case .code: code = FindingCode(rawValue: try reader.string(at: here()))
      case .message: message = try reader.string(at: here())
      case .remediation: remediation = try reader.string(at: here())
      case .severity:
        severity = try reader.value(at: here(), as: "blocking, warning or info") {
          ClosurePlan.Severity(rawValue: $0)
        }
      case .step: step = try reader.stepID(at: here())
      }
    }
    let findingCode = try required(code, path(), FindingKey.code)
    guard let remediation = remediation ?? findingCode.standardRemediation else {
      throw PlanReadError(
        path: join(path(), FindingKey.remediation.rawValue), message: "is missing")
    }
    return ClosurePlan.Finding(
      code: findingCode,
      severity: try required(severity, path(), FindingKey.severity), account: account, step: step,
      message: try required(message, path(), FindingKey.message),
      remediation: remediation)
  }
}
