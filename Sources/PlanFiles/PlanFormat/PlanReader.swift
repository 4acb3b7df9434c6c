import ClosurePlanner
import OrgGraph

/// Why a plan could not be read: where, and what is wrong there.
struct PlanReadError: Error {
  var path: String
  var message: String
}

/// Reads the records of plan format 2 over a `JSONCursor`, with the JSON path of whatever is
/// wrong.
///
/// A syntax error surfaces as the path being read and "is not valid JSON"; the caller first
/// asks `StrictJSON` for the precise message, so this one is only seen for a well-formed
/// document with a value of the wrong type.
struct PlanReader: ~Copyable {
  var cursor: JSONCursor

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    cursor = JSONCursor(bytes, limits: FileKind.plan.limits, rejectsUnknownKeys: true)
  }

  /// Calls `body` with each key of the object at the cursor, refusing unknown and repeated
  /// keys.
  mutating func object<Key: PlanWireKey>(
    _: Key.Type, at path: @autoclosure () -> String,
    _ body: (inout PlanReader, Key) throws(PlanReadError) -> Void
  ) throws(PlanReadError) {
    var state = try attempt(path()) { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in
      try cursor.beginObject()
    }
    let table = Key.table
    // A bit per declared key: records have at most a dozen.
    var seen: UInt64 = 0
    var next = 0
    while true {
      // Syntax errors are named by the strict check first (`decodePlan`), so a valid
      // document that misses here spells a key with an escape or a non-ASCII byte.
      let bytes = try attempt(
        path(), "has a key written with an escape or a non-ASCII character, which no plan key has"
      ) { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in
        try cursor.nextKey(&state)
      }
      guard let bytes else { return }
      guard let ordinal = table.position(of: bytes, from: next) else {
        throw PlanReadError(
          path: join(path(), String(decoding: bytes, as: UTF8.self)),
          message: "is not a key of this record; it may have: "
            + table.keys.map(\.rawValue).joined(separator: ", "))
      }
      guard seen & (1 << ordinal) == 0 else {
        throw PlanReadError(
          path: join(path(), String(decoding: bytes, as: UTF8.self)), message: "appears twice")
      }
      seen |= 1 << ordinal
      next = ordinal + 1
      try body(&self, table.keys[ordinal])
    }
  }

  /// Calls `body` with the index of each element of the array at the cursor.
  mutating func array(
    at path: @autoclosure () -> String,
    _ body: (inout PlanReader, Int) throws(PlanReadError) -> Void
  ) throws(PlanReadError) {
    var state = try attempt(path()) { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in
      try cursor.beginArray()
    }
    var index = 0
    while try attempt(
      path(), "is not valid JSON",
      { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in try cursor.nextElement(&state) })
    {
      try body(&self, index)
      index += 1
    }
  }

  mutating func string(at path: @autoclosure () -> String) throws(PlanReadError) -> String {
    try attempt(path(), "is not a string") { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in
      try cursor.string()
    }
  }

  mutating func integer(at path: @autoclosure () -> String) throws(PlanReadError) -> Int {
    try attempt(path(), "is not an integer") {
      (cursor: inout JSONCursor) throws(JSONCursor.Miss) in
      try cursor.integer()
    }
  }

  mutating func strings(at path: @autoclosure () -> String) throws(PlanReadError) -> [String] {
    var values: [String] = []
    try array(at: path()) { reader, index throws(PlanReadError) in
      values.append(try reader.string(at: "\(path())[\(index)]"))
    }
    return values
  }

  /// A step ID, read from the file's bytes.
  mutating func stepID(at path: @autoclosure () -> String) throws(PlanReadError) -> StepID {
    try attempt(path(), "is not a string") { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in
      try cursor.withString { StepID(unchecked: $0) }
    }
  }

  mutating func stepIDs(at path: @autoclosure () -> String) throws(PlanReadError) -> [StepID] {
    var values: [StepID] = []
    try array(at: path()) { reader, index throws(PlanReadError) in
      values.append(try reader.stepID(at: "\(path())[\(index)]"))
    }
    return values
  }

  /// A value of a type with a fixed spelling: a date, an ID, an enumeration.
  mutating func value<Value>(
    at path: @autoclosure () -> String, as description: String,
    _ parse: (String) -> Value?
  ) throws(PlanReadError) -> Value {
    let text = try string(at: path())
    guard let value = parse(text) else {
      throw PlanReadError(path: path(), message: "\"\(text)\" is not \(description)")
    }
    return value
  }

  mutating func day(at path: @autoclosure () -> String) throws(PlanReadError) -> CalendarDay {
    try value(at: path(), as: "a date (YYYY-MM-DD)") { CalendarDay(iso8601: $0) }
  }

  mutating func identifier<ID: AWSIdentifier>(_: ID.Type, at path: @autoclosure () -> String)
    throws(PlanReadError) -> ID
  {
    try value(at: path(), as: ID.formatDescription) { ID(rawValue: $0) }
  }

  /// Checks that the document ends after its top-level value.
  mutating func end() throws(PlanReadError) {
    try attempt("") { (cursor: inout JSONCursor) throws(JSONCursor.Miss) in try cursor.end() }
  }

  private mutating func attempt<Result>(
    _ path: @autoclosure () -> String, _ message: String = "is not valid JSON",
    _ body: (inout JSONCursor) throws(JSONCursor.Miss) -> Result
  ) throws(PlanReadError) -> Result {
    do {
      return try body(&cursor)
    } catch {
      throw PlanReadError(path: path(), message: message)
    }
  }
}

/// `path.key`, or `key` at the top level.
func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

/// A required key that was missing.
func required<Value>(_ value: Value?, _ path: String, _ key: some PlanWireKey)
  throws(PlanReadError) -> Value
{
  guard let value else {
    throw PlanReadError(path: join(path, key.rawValue), message: "is missing")
  }
  return value
}
