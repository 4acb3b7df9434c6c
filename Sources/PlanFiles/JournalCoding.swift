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
    var by: String?
  }

  /// `record` as one line, with its newline.
  public static func line(_ record: JournalRecord) -> Data {
    let isHeader = record.event == .header
    let wire = Wire(
      event: record.event.rawValue, time: record.time.description,
      schemaVersion: isHeader ? schemaVersion : nil, step: record.step,
      request: record.request.map { request in
        Wire.Request(
          service: request.service.rawValue, operation: request.operation,
          parameters: Dictionary(
            request.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
          order: request.parameters.count > 1 ? request.parameters.map(\.name) : nil)
      },
      organization: isHeader ? record.organization : nil,
      account: isHeader ? nil : record.organization, planDigest: record.planDigest,
      state: record.state, outcome: record.outcome, requestId: record.requestID,
      errorCode: record.errorCode, reason: record.reason, message: record.message, by: record.by)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain strings cannot fail.
    var data = (try? encoder.encode(wire)) ?? Data("{}".utf8)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Reads one line; the error says what is wrong with it.
  static func record(_ line: Data) throws(JournalError.Problem) -> JournalRecord {
    let wire: Wire
    do {
      wire = try JSONDecoder().decode(Wire.self, from: line)
    } catch {
      throw .init("not a journal record (\(PlanFiles.reason(error)))")
    }
    guard let event = JournalRecord.Event(rawValue: wire.event) else {
      throw .init("unknown event \"\(wire.event)\"")
    }
    guard let time = Timestamp(iso8601: wire.time) else {
      throw .init("time: \"\(wire.time)\" is not an ISO-8601 time")
    }
    if event == .header {
      guard wire.schemaVersion == schemaVersion else {
        throw .init(
          "header: schemaVersion \(wire.schemaVersion.map(String.init) ?? "missing") is not "
            + "\(schemaVersion), the journal format this orgclose reads")
      }
      guard wire.organization != nil, wire.planDigest != nil else {
        throw .init("header: needs organization and planDigest")
      }
    } else if wire.step == nil && event != .observed {
      throw .init("\(event.rawValue): needs step")
    }
    if event == .started, wire.request == nil { throw .init("started: needs request") }
    let request = try wire.request.map { request throws(JournalError.Problem) in
      let names = request.order ?? request.parameters.keys.sorted()
      guard Set(names) == Set(request.parameters.keys) else {
        throw .init("request: order does not name the parameters")
      }
      let service = APIRequest.Service(rawValue: request.service ?? "organizations")
      guard let service else { throw .init("request: unknown service") }
      return APIRequest(
        service, request.operation,
        names.map { APIRequest.Parameter($0, request.parameters[$0] ?? "") })
    }
    return JournalRecord(
      event, time: time, step: wire.step, request: request,
      organization: event == .header ? wire.organization : wire.account,
      planDigest: wire.planDigest, state: wire.state, outcome: wire.outcome,
      requestID: wire.requestId, errorCode: wire.errorCode, reason: wire.reason,
      message: wire.message, by: wire.by)
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
    var organization: String?
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.isEmpty { continue }
      do throws(JournalError.Problem) {
        let record = try record(Data(line))
        if records.isEmpty && record.event != .header {
          throw .init("the first record must be a header")
        }
        if record.event == .header {
          if let organization, record.organization != organization {
            throw .init(
              "header: organization \(record.organization ?? "") is not \(organization), the "
                + "journal's")
          }
          organization = record.organization
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
