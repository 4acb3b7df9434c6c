import ClosurePlanner
public import Foundation
import OrgGraph
public import PlanExecution

/// The journal's line format: one JSON object per record, keys sorted, on one line.
///
/// ```
/// {"event":"started","request":{"operation":"CloseAccount","parameters":{"AccountId":"…"}},
///  "step":"close-account:…","time":"2026-12-01T10:00:00.000Z"}
/// ```
public enum JournalCoding: Sendable {
  /// The journal format this version writes and reads.
  public static let schemaVersion = 1

  private struct Wire: Codable {
    struct Request: Codable {
      var service: String?
      var operation: String
      var parameters: [String: String]
      /// The parameters' order, which a dictionary loses.
      var order: [String]?

      init(_ request: APIRequest) {
        service = request.service.rawValue
        operation = request.operation.rawValue
        parameters = Dictionary(
          request.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        order = request.parameters.count > 1 ? request.parameters.map(\.name) : nil
      }

      func typed() throws(JournalError.Problem) -> APIRequest {
        let names = order ?? parameters.keys.sorted()
        guard Set(names) == Set(parameters.keys) else {
          throw .init("request: order does not name the parameters")
        }
        guard let service = APIRequest.Service(rawValue: service ?? "organizations") else {
          throw .init("request: unknown service")
        }
        guard let operation = APIRequest.Operation(rawValue: operation) else {
          throw .init("request: unknown operation \"\(operation)\"")
        }
        return APIRequest(
          service, operation, names.map { APIRequest.Parameter($0, parameters[$0] ?? "") })
      }
    }

    var event: String
    var time: String
    var schemaVersion: Int?
    var step: String?
    var request: Request?
    var organization: String?
    var account: String?
    var planDigest: String?
    var state: String?
    var outcome: String?
    var requestId: String?
    var errorCode: String?
    var reason: String?
    var message: String?
    /// orgclose's explanation of a failure, beside AWS's message.
    var note: String?
    var by: String?

    init(event: String, time: String) {
      self.event = event
      self.time = time
    }
  }

  /// `record` as one line, with its newline.
  public static func line(_ record: JournalRecord) -> Data {
    var wire = Wire(event: record.event.kind.rawValue, time: record.time.description)
    switch record.event {
    case .header(let header):
      wire.schemaVersion = schemaVersion
      wire.organization = header.organization.rawValue
      wire.planDigest = header.planDigest
      wire.message = header.tool
    case .started(let step, let request):
      wire.step = step.rawValue
      wire.request = Wire.Request(request)
    case .succeeded(let step, let success):
      wire.step = step.rawValue
      wire.request = success.request.map(Wire.Request.init)
      wire.outcome = success.outcome
      wire.state = success.seen
      wire.requestId = success.requestID
    case .failed(let step, let failure):
      wire.step = step.rawValue
      wire.request = failure.request.map(Wire.Request.init)
      wire.outcome = failure.outcome
      wire.errorCode = failure.error?.code
      wire.reason = failure.error?.reason
      wire.requestId = failure.error?.requestID
      wire.message = failure.error?.message
      wire.note = failure.note
    case .observed(let observation):
      wire.step = observation.step?.rawValue
      wire.account = observation.account.rawValue
      wire.state = observation.state?.rawValue ?? goneState
    case .manualDone(let step, let done):
      wire.step = step.rawValue
      wire.by = done.by
      wire.message = done.note
    case .skipped(let step, let reason):
      wire.step = step.rawValue
      wire.message = reason
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain strings cannot fail.
    var data = (try? encoder.encode(wire)) ?? Data("{}".utf8)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// How an observation writes an account that is no longer in the organization.
  static let goneState = "GONE"

  /// Reads one line; the error says what is wrong with it.
  static func record(_ line: Data) throws(JournalError.Problem) -> JournalRecord {
    let wire: Wire
    do {
      wire = try JSONDecoder().decode(Wire.self, from: line)
    } catch {
      throw .init("not a journal record (\(PlanFiles.reason(error)))")
    }
    guard let kind = JournalEvent.Kind(rawValue: wire.event) else {
      throw .init("unknown event \"\(wire.event)\"")
    }
    guard let time = Timestamp(iso8601: wire.time) else {
      throw .init("time: \"\(wire.time)\" is not an ISO-8601 time")
    }
    let request = try wire.request.map { request throws(JournalError.Problem) in
      try request.typed()
    }
    func step() throws(JournalError.Problem) -> StepID {
      guard let step = wire.step, !step.isEmpty else { throw .init("\(kind.rawValue): needs step") }
      return StepID(unchecked: step)
    }
    let event: JournalEvent
    switch kind {
    case .header:
      guard wire.schemaVersion == schemaVersion else {
        throw .init(
          "header: schemaVersion \(wire.schemaVersion.map(String.init) ?? "missing") is not "
            + "\(schemaVersion), the journal format this orgclose reads")
      }
      guard let organization = wire.organization, let digest = wire.planDigest else {
        throw .init("header: needs organization and planDigest")
      }
      event = .header(
        .init(
          organization: OrganizationID(unchecked: organization), planDigest: digest,
          tool: wire.message))
    case .started:
      guard let request else { throw .init("started: needs request") }
      event = .started(try step(), request)
    case .succeeded:
      event = .succeeded(
        try step(),
        .init(
          wire.outcome ?? "done", request: request, seen: wire.state, requestID: wire.requestId))
    case .failed:
      let error = wire.errorCode.map {
        AWSError($0, reason: wire.reason, message: wire.message, requestID: wire.requestId)
      }
      // Journals before `note` kept orgclose's explanation in `message` when AWS gave none.
      event = .failed(
        try step(),
        .init(
          wire.outcome ?? "failed", request: request, error: error,
          note: wire.note ?? (error == nil ? wire.message : nil)))
    case .observed:
      guard let account = wire.account, let state = wire.state else {
        throw .init("observed: needs account and state")
      }
      event = .observed(
        .init(
          account: AccountID(unchecked: account),
          state: state == goneState ? nil : AccountState(planValue: state),
          step: wire.step.map(StepID.init(unchecked:))))
    case .manualDone:
      event = .manualDone(try step(), .init(by: wire.by ?? "", note: wire.message))
    case .skipped:
      event = .skipped(try step(), reason: wire.message ?? "")
    }
    return JournalRecord(event, at: time)
  }

  /// Reads a whole journal: every line a record, the first a header, one organization.
  ///
  /// A last line without its newline is a record cut short by a crash mid-write. It is left
  /// out: a record is synced before the call it announces, so a cut `started` was never
  /// followed by its call, and a cut outcome leaves its complete `started` record, which the
  /// next run settles by reading the state. `JournalFile` truncates it before appending.
  public static func records(_ data: Data, file: String) throws(JournalError) -> [JournalRecord] {
    try records(data.prefix(completeLength(data)), file: file, complete: true)
  }

  /// The length of `data` up to and including its last newline: the complete records.
  public static func completeLength(_ data: Data) -> Int {
    guard let last = data.lastIndex(of: UInt8(ascii: "\n")) else { return 0 }
    return last - data.startIndex + 1
  }

  private static func records(_ data: Data, file: String, complete: Bool) throws(JournalError)
    -> [JournalRecord]
  {
    var records: [JournalRecord] = []
    var lineNumber = 0
    var organization: OrganizationID?
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.isEmpty { continue }
      do throws(JournalError.Problem) {
        let record = try record(Data(line))
        let header: JournalEvent.Header? =
          if case .header(let header) = record.event { header } else { nil }
        if records.isEmpty && header == nil {
          throw .init("the first record must be a header")
        }
        if let header {
          if let organization, header.organization != organization {
            throw .init(
              "header: organization \(header.organization) is not \(organization), the journal's")
          }
          organization = header.organization
        }
        records.append(record)
      } catch {
        throw .invalid(file: file, line: lineNumber, reason: error.text)
      }
    }
    return records
  }
}

/// A journal that cannot be read, locked or written.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalid(file: String, line: Int, reason: String)
  case unreadable(file: String, reason: String)
  case locked(file: String, holder: String)
  case writeFailed(file: String, reason: String)
  case otherOrganization(file: String, found: String, expected: String)

  /// What is wrong with one line.
  public struct Problem: Error, Sendable {
    var text: String
    init(_ text: String) { self.text = text }
  }

  public var description: String {
    switch self {
    case .invalid(let file, let line, let reason): "\(file):\(line): \(reason)"
    case .unreadable(let file, let reason): "\(file): \(reason)"
    case .locked(let file, let holder):
      "\(file) is locked by another orgclose run (\(holder)); it exits when it is done, or "
        + "stop it first"
    case .writeFailed(let file, let reason): "\(file): could not write the journal: \(reason)"
    case .otherOrganization(let file, let found, let expected):
      "\(file) is the journal of organization \(found), not of \(expected) (the plan's); use "
        + "this organization's journal"
    }
  }
}
