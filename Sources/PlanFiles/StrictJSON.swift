/// A strict, one-pass check of a JSON document, run before `JSONDecoder` reads it.
///
/// Foundation's decoder accepts what other readers refuse or read differently: with a key
/// given twice it keeps the first value, where jq, Python and JavaScript keep the last, so a
/// reviewer and orgclose would see different files. This check refuses every such document
/// with the place that is wrong: syntax errors by line and column, trailing commas, duplicate
/// keys, numbers out of range, strings longer than `limits` allows and, where `keys` lists
/// them, unknown keys, by JSON path. It never builds the document; `JSONCursor` and
/// `JSONDecoder` do that once the bytes pass.
struct StrictJSON {
  /// What one kind of file may hold.
  struct Limits: Sendable {
    /// The longest string, in bytes; no AWS value comes near it.
    var maximumStringBytes: Int
    /// Foundation refuses documents nested deeper than 512; stay well inside that.
    var maximumDepth = 256
  }

  private struct Frame {
    var isObject: Bool
    var index = 0
    var key: String?
    var keys: Set<String> = []
    /// The keys this object may have, or `nil` when any key is allowed.
    var schema: KeySchema?
  }

  // Read by the scalar scanning in `StrictJSON+Scalars.swift`.
  let bytes: UnsafeBufferPointer<UInt8>
  let limits: Limits
  var position = 0
  private var stack: [Frame] = []
  private var outcome = Outcome()

  /// What a document that passed the check says about itself.
  struct Outcome {
    /// The top-level object's keys, in order; none when it is not an object.
    var topLevelKeys: [String] = []
    /// The first key `keys` does not allow.
    ///
    /// It is reported after the document is known to be
    /// of the kind expected: a policy given as a plan is a wrong file, not a plan with an
    /// unknown key.
    var firstUnknownKey: DocumentError?
  }

  /// Checks `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: The whole document.
  ///   - limits: What the file's kind allows.
  ///   - keys: The keys the document may have, where every key is known (plans).
  /// - Returns: The top-level keys and the first unknown key.
  /// - Throws: `DocumentError` naming the line and column of a syntax error, or the JSON
  ///   path of a duplicate key, a number out of range or a string too long.
  static func check(_ bytes: UnsafeBufferPointer<UInt8>, limits: Limits, keys: KeySchema? = nil)
    throws(DocumentError) -> Outcome
  {
    var scanner = StrictJSON(bytes: bytes, limits: limits)
    try scanner.document(schema: keys)
    return scanner.outcome
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits) {
    self.bytes = bytes
    self.limits = limits
  }

  // MARK: Grammar

  private mutating func document(schema: KeySchema?) throws(DocumentError) {
    var pending = schema
    while true {
      try value(schema: pending)
      // After a value: close finished containers, or move to the next member or element.
      while true {
        skipWhitespace()
        guard let top = stack.last else {
          guard position == bytes.count else {
            throw syntax("unexpected text after the end of the document")
          }
          return
        }
        let closing = UInt8(ascii: top.isObject ? "}" : "]")
        if byte() == closing {
          position += 1
          stack.removeLast()
          continue
        }
        guard byte() == UInt8(ascii: ",") else {
          throw syntax(
            position == bytes.count
              ? "unexpected end of file; a \(top.isObject ? "'}'" : "']'") is missing"
              : "expected ',' or '\(top.isObject ? "}" : "]")'")
        }
        position += 1
        skipWhitespace()
        if byte() == closing {
          throw syntax("trailing comma before '\(Character(.init(closing)))'")
        }
        if top.isObject {
          pending = try member()
        } else {
          stack[stack.count - 1].index += 1
          pending = top.schema
        }
        break
      }
    }
  }

  /// Reads one value; a container is opened and its first member or element begins.
  private mutating func value(schema: KeySchema?) throws(DocumentError) {
    var schema = schema
    while true {
      skipWhitespace()
      switch byte() {
      case UInt8(ascii: "{"):
        try open(isObject: true, schema: schema)
        skipWhitespace()
        if byte() == UInt8(ascii: "}") {
          position += 1
          stack.removeLast()
          return
        }
        schema = try member()
      case UInt8(ascii: "["):
        try open(isObject: false, schema: schema?.element)
        skipWhitespace()
        if byte() == UInt8(ascii: "]") {
          position += 1
          stack.removeLast()
          return
        }
        schema = schema?.element
      case UInt8(ascii: "\""):
        _ = try string()
        return
      case UInt8(ascii: "t"): return try literal("true")
      case UInt8(ascii: "f"): return try literal("false")
      case UInt8(ascii: "n"): return try literal("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return try number(isInteger: schema?.isInteger ?? false)
      default:
        if position == bytes.count { throw syntax("unexpected end of file; a value is missing") }
        throw syntax("expected a value (a string in double quotes, a number, an object, …)")
      }
    }
  }

  /// Reads a key and its colon, checking it is new and allowed; returns its value's schema.
  private mutating func member() throws(DocumentError) -> KeySchema? {
    skipWhitespace()
    guard byte() == UInt8(ascii: "\"") else { throw syntax("expected a key in double quotes") }
    let key = try string()
    let frame = stack.count - 1
    stack[frame].key = key
    guard stack[frame].keys.insert(key).inserted else {
      throw DocumentError(
        path: path(),
        message: "is given twice; JSON readers disagree on which one counts "
          + "(jq, Python and JavaScript take the last), so remove one")
    }
    if frame == 0 { outcome.topLevelKeys.append(key) }
    var valueSchema: KeySchema?
    if let schema = stack[frame].schema {
      let member = schema.member(key)
      valueSchema = member.schema
      if !member.isAllowed, outcome.firstUnknownKey == nil {
        outcome.firstUnknownKey = DocumentError(
          path: path(),
          message: "unknown key; expected one of " + schema.allowedKeys.joined(separator: ", "))
      }
    }
    skipWhitespace()
    guard byte() == UInt8(ascii: ":") else { throw syntax("expected ':' after the key") }
    position += 1
    return valueSchema
  }

  private mutating func open(isObject: Bool, schema: KeySchema?) throws(DocumentError) {
    guard stack.count < limits.maximumDepth else {
      throw syntax("nested deeper than \(limits.maximumDepth) levels")
    }
    position += 1
    stack.append(Frame(isObject: isObject, schema: schema))
  }

  // MARK: Positions

  func byte() -> UInt8 { position < bytes.count ? bytes[position] : 0 }

  func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        position += 1
      default: return
      }
    }
  }

  /// The JSON path of the value being read, such as `accounts[3].name`.
  func path() -> String {
    var text = ""
    for frame in stack {
      if frame.isObject {
        guard let key = frame.key else { break }
        text += text.isEmpty ? key : ".\(key)"
      } else {
        text += "[\(frame.index)]"
      }
    }
    return text
  }

  /// A syntax error at the current position, by line and column (both from 1).
  func syntax(_ message: String) -> DocumentError {
    let end = min(position, bytes.count)
    var line = 1
    var lineStart = 0
    for offset in 0..<end where bytes[offset] == UInt8(ascii: "\n") {
      line += 1
      lineStart = offset + 1
    }
    // Columns count characters, not bytes: UTF-8 continuation bytes are left out.
    let column = bytes[lineStart..<end].count { $0 & 0xC0 != 0x80 } + 1
    return DocumentError(
      path: "", message: "is not valid JSON (line \(line), column \(column): \(message))")
  }
}
