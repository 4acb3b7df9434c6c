import ClosurePlanner
import OrgGraph

/// The steps of a plan as format 2 stores them, before their waves and inherited dates are
/// derived.
struct StepRecords {
  var steps: [ClosurePlan.Step] = []
  /// Each step's `notBefore` as written; `nil` means inherited.
  var storedDates: [CalendarDay?] = []

  mutating func append(_ record: StepRecord) {
    steps.append(record.step)
    storedDates.append(record.storedDate)
  }

  /// Gives each step its wave (the longest path to it) and date (`StepDates`), and returns
  /// the position of each; every prerequisite must be an earlier step, as plan order puts
  /// them.
  ///
  /// The steps are completed in place: copying one retains every array and string in it.
  mutating func derive(startDate: CalendarDay, windowDays: Int)
    throws(PlanReadError) -> [StepID: Int]
  {
    var position: [StepID: Int] = [:]
    position.reserveCapacity(steps.count)
    for index in steps.indices {
      var wave = 0
      var inherited = StepDates.inherited(
        startDate: startDate, windowDays: windowDays, window: steps[index].window,
        prerequisites: EmptyCollection())
      for (entry, id) in steps[index].after.enumerated() {
        guard let earlier = position[id] else {
          throw PlanReadError(
            path: "steps[\(index)].after[\(entry)]",
            message: "\"\(id)\" is not an earlier step of this plan")
        }
        wave = max(wave, steps[earlier].wave + 1)
        if let date = steps[earlier].notBefore, date > inherited { inherited = date }
      }
      guard position.updateValue(index, forKey: steps[index].id) == nil else {
        throw PlanReadError(
          path: "steps[\(index)].id", message: "\"\(steps[index].id)\" is listed twice")
      }
      steps[index].wave = wave
      steps[index].notBefore = storedDates[index] ?? inherited
    }
    return position
  }
}

/// One step as format 2 stores it.
struct StepRecord {
  var step: ClosurePlan.Step
  /// `notBefore` as written; `nil` means inherited.
  var storedDate: CalendarDay?
}

extension PlanReader {
  mutating func step(at index: Int) throws(PlanReadError) -> StepRecord {
    func path() -> String { "steps[\(index)]" }
    var id: StepID?
    var after: [StepID] = []
    var notBefore: CalendarDay?
    var window: Int?
    var items: [StepTask] = []
    var tasks: [StepTask] = []
    var direction: ResponsibilityTransfer.Direction?
    var terminatesOn: CalendarDay?
    var withdraws: HandshakeID?
    var declines: HandshakeID?
    try object(StepKey.self, at: path()) { reader, key throws(PlanReadError) in
      func here() -> String { join(path(), key.rawValue) }
      switch key {
      case .after: after = try reader.stepIDs(at: here())
      case .declines: declines = try reader.identifier(HandshakeID.self, at: here())
      case .direction:
        direction = try reader.value(at: here(), as: "inbound or outbound") {
          ResponsibilityTransfer.Direction(rawValue: $0)
        }
      case .id: id = try reader.stepID(at: here())
      case .notBefore: notBefore = try reader.day(at: here())
      case .items:
        items = try reader.strings(at: here()).enumerated().map {
          (position, code) throws(PlanReadError) in
          guard let item = ChecklistItem(rawValue: code) else {
            throw PlanReadError(
              path: "\(here())[\(position)]", message: "\"\(code)\" is not a checklist item")
          }
          return .item(item)
        }
      case .tasks: tasks = try reader.strings(at: here()).map(StepTask.text)
      case .terminatesOn: terminatesOn = try reader.day(at: here())
      case .window: window = try reader.integer(at: here())
      case .withdraws: withdraws = try reader.identifier(HandshakeID.self, at: here())
      }
    }
    let stepID = try required(id, path(), StepKey.id)
    let ending: StepAction.TransferEnding?
    switch (direction, terminatesOn, withdraws, declines) {
    case (nil, nil, nil, nil): ending = nil
    case (let direction?, let day?, nil, nil):
      ending = .terminate(direction: direction, lastDay: day)
    case (nil, nil, let handshake?, nil): ending = .withdraw(handshake)
    case (nil, nil, nil, let handshake?): ending = .decline(handshake)
    default:
      throw PlanReadError(
        path: path(),
        message: "says how a transfer ends in more than one way (direction and terminatesOn, "
          + "withdraws, or declines)")
    }
    let action: StepAction
    do {
      action = try StepAction(parsing: stepID, ending: ending)
    } catch {
      throw PlanReadError(
        path: join(path(), StepKey.id.rawValue), message: error.text(id: stepID.rawValue))
    }
    return StepRecord(
      step: ClosurePlan.Step(action, after: after, window: window, tasks: items + tasks),
      storedDate: notBefore)
  }
}

extension StepAction.ParseError {
  func text(id: String) -> String {
    switch self {
    case .unknownAction(let name):
      "\"\(id)\" names no step action this orgclose knows (\"\(name)\")"
    case .badSubject(let expected): "\"\(id)\" should have \(expected)"
    case .missingEnding:
      "\"\(id)\" does not say how the transfer ends (direction and terminatesOn, withdraws, or "
        + "declines)"
    }
  }
}

extension ClosurePlan.AccountEntry {
  /// Fills in each account's findings (the codes of the findings about it, in findings order,
  /// each once) and terminal step (its last step in plan order).
  static func deriveFields(
    of accounts: inout [Self], positions: [AccountID: Int], steps: [ClosurePlan.Step],
    findings: [ClosurePlan.Finding]
  ) {
    let codes = ClosurePlan.findingCodesByAccount(findings)
    // Read in place by index: a loop over the records copied each one.
    var terminal = [StepID?](repeating: nil, count: accounts.count)
    for index in steps.indices {
      if let account = steps[index].account, let position = positions[account] {
        terminal[position] = steps[index].id
      }
    }
    for index in accounts.indices {
      accounts[index].findings = codes[accounts[index].id] ?? []
      accounts[index].terminalStep = terminal[index]
    }
  }
}
