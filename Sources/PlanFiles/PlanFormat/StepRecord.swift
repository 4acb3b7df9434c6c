import ClosurePlanner
import OrgGraph

/// A step as format 2 stores it, before its wave and inherited date are derived.
struct StepRecord {
  /// The step's position in the file's `steps`.
  var index: Int
  var step: ClosurePlan.Step
  /// `notBefore` as written; `nil` means inherited.
  var storedDate: CalendarDay?

  /// The steps with their waves (the longest path to each) and dates (`StepDates`); every
  /// prerequisite must be an earlier step, as plan order puts them.
  static func steps(_ records: [StepRecord], startDate: CalendarDay, windowDays: Int)
    throws(PlanReadError) -> (steps: [ClosurePlan.Step], positions: [StepID: Int])
  {
    // One lookup per prerequisite, by position: waves and dates are arrays.
    var position: [StepID: Int] = [:]
    position.reserveCapacity(records.count)
    var steps: [ClosurePlan.Step] = []
    steps.reserveCapacity(records.count)
    for record in records {
      var step = record.step
      var wave = 0
      var before: [Int] = []
      before.reserveCapacity(step.after.count)
      for (index, id) in step.after.enumerated() {
        guard let earlier = position[id] else {
          throw PlanReadError(
            path: "\(record.path).after[\(index)]",
            message: "\"\(id)\" is not an earlier step of this plan")
        }
        wave = max(wave, steps[earlier].wave + 1)
        before.append(earlier)
      }
      let inherited = StepDates.inherited(
        startDate: startDate, windowDays: windowDays, window: step.window,
        prerequisites: before.lazy.map { steps[$0].notBefore })
      guard position.updateValue(steps.count, forKey: step.id) == nil else {
        throw PlanReadError(path: "\(record.path).id", message: "\"\(step.id)\" is listed twice")
      }
      step.wave = wave
      step.notBefore = record.storedDate ?? inherited
      steps.append(step)
    }
    return (steps, position)
  }
}

extension StepRecord {
  var path: String { "steps[\(index)]" }
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
      index: index,
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

extension ClosurePlan {
  /// Fills in each account's findings (the codes of the findings about it, in findings order,
  /// each once) and terminal step (its last step in plan order).
  mutating func deriveAccountFields(accountPositions: [AccountID: Int]) {
    let codes = Self.findingCodesByAccount(findings)
    // Read in place by index: a loop over the records copied each one.
    var terminal = [StepID?](repeating: nil, count: accounts.count)
    for index in steps.indices {
      if let account = steps[index].account, let position = accountPositions[account] {
        terminal[position] = steps[index].id
      }
    }
    for index in accounts.indices {
      accounts[index].findings = codes[accounts[index].id] ?? []
      accounts[index].terminalStep = terminal[index]
    }
  }
}
