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

  private let bytes: UnsafeBufferPointer<UInt8>
  private let limits: Limits
  private var position = 0
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

  // MARK: Scalars

  /// A string's text, checked for escapes, control characters, UTF-8 and length.
  private mutating func string() throws(DocumentError) -> String {
    let quote = position
    position += 1
    var text: [UInt8] = []
    var hasEscape = false
    while position < bytes.count {
      let byte = bytes[position]
      if byte != UInt8(ascii: "\""), position - quote > limits.maximumStringBytes {
        throw DocumentError(
          path: path(),
          message: "is a string of more than \(limits.maximumStringBytes) bytes; no value in "
            + "this file may be that long")
      }
      switch byte {
      case UInt8(ascii: "\""):
        let raw = UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<position])
        position += 1
        guard
          let valid = hasEscape
            ? String(validating: text, as: UTF8.self)
            : String(validating: raw, as: UTF8.self)
        else {
          position = quote
          throw syntax("the string is not valid UTF-8")
        }
        return valid
      case UInt8(ascii: "\\"):
        if !hasEscape {
          hasEscape = true
          text = Array(bytes[(quote + 1)..<position])
        }
        try escape(into: &text)
      case 0..<0x20:
        throw syntax("a control character in a string must be escaped")
      default:
        if hasEscape { text.append(byte) }
        position += 1
      }
    }
    position = quote
    throw syntax("the string never ends")
  }

  private mutating func escape(into text: inout [UInt8]) throws(DocumentError) {
    position += 1
    let escape = byte()
    position += 1
    switch escape {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
    case UInt8(ascii: "b"): text.append(0x08)
    case UInt8(ascii: "f"): text.append(0x0C)
    case UInt8(ascii: "n"): text.append(0x0A)
    case UInt8(ascii: "r"): text.append(0x0D)
    case UInt8(ascii: "t"): text.append(0x09)
    case UInt8(ascii: "u"):
      guard position + 4 <= bytes.count,
        let code = UInt32(
          String(decoding: bytes[position..<(position + 4)], as: UTF8.self),
          radix: 16)
      else { throw syntax("\\u must be followed by four hex digits") }
      position += 4
      // A lone surrogate becomes U+FFFD, as Foundation reads it; a key is compared as text.
      text.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
    default:
      position -= 2
      throw syntax("unknown escape in a string")
    }
  }

  /// A number of strict JSON grammar that a `Double` holds; where `isInteger`, one without
  /// fraction or exponent that an `Int` holds.
  private mutating func number(isInteger: Bool) throws(DocumentError) {
    let start = position
    if byte() == UInt8(ascii: "-") { position += 1 }
    guard isDigit(byte()) else { throw syntax("expected a digit") }
    if byte() == UInt8(ascii: "0") {
      position += 1
      if isDigit(byte()) { throw syntax("a number must not start with 0") }
    } else {
      while isDigit(byte()) { position += 1 }
    }
    if byte() == UInt8(ascii: ".") {
      position += 1
      guard isDigit(byte()) else { throw syntax("expected a digit after the decimal point") }
      while isDigit(byte()) { position += 1 }
    }
    if byte() == UInt8(ascii: "e") || byte() == UInt8(ascii: "E") {
      position += 1
      if byte() == UInt8(ascii: "+") || byte() == UInt8(ascii: "-") { position += 1 }
      guard isDigit(byte()) else { throw syntax("expected a digit in the exponent") }
      while isDigit(byte()) { position += 1 }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw DocumentError(path: path(), message: "\(text) is out of range")
    }
    guard isInteger, Int(text) == nil else { return }
    // 2^63: the first magnitude an Int cannot hold.
    throw DocumentError(
      path: path(),
      message: abs(value) >= 9_223_372_036_854_775_808
        ? "\(text) is out of range" : "expected an integer")
  }

  private mutating func literal(_ word: String) throws(DocumentError) {
    for expected in word.utf8 {
      guard byte() == expected else {
        throw syntax("expected a value (\(word)?); NaN, Infinity and bare words are not JSON")
      }
      position += 1
    }
  }

  // MARK: Positions

  private func byte() -> UInt8 { position < bytes.count ? bytes[position] : 0 }

  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        position += 1
      default: return
      }
    }
  }

  /// The JSON path of the value being read, such as `accounts[3].name`.
  private func path() -> String {
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
  private func syntax(_ message: String) -> DocumentError {
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

/// What a document may hold where orgclose knows: the keys of its objects and which numbers
/// are integers, so a misplaced key or `1.5` where a count is meant is named by its path
/// (`JSONDecoder` reports the latter without one).
indirect enum KeySchema: Sendable {
  /// Any value; its keys, if it is an object, are not checked.
  case any
  /// An integer (or `null`).
  case integer
  /// An object with these keys, each with the schema of its value; other keys are unknown
  /// keys unless `allowsOtherKeys`.
  case object([String: KeySchema], allowsOtherKeys: Bool = false)
  /// An object whose keys are data (account IDs), each value with this schema.
  case dictionary(KeySchema)
  /// An array whose elements have this schema.
  case array(KeySchema)

  /// A closed object whose keys are `keys`, each holding any value but those in `integers`.
  static func object(_ keys: [StaticString], integers: Set<String> = []) -> KeySchema {
    .object(
      Dictionary(
        uniqueKeysWithValues: keys.map { key in
          let name = "\(key)"
          return (name, integers.contains(name) ? .integer : .any)
        }))
  }

  /// The schema of the value under `key` of an object with this schema, and whether the key
  /// is allowed.
  fileprivate func member(_ key: String) -> (schema: KeySchema?, isAllowed: Bool) {
    switch self {
    case .object(let members, let allowsOtherKeys):
      if let schema = members[key] { return (schema, true) }
      return (nil, allowsOtherKeys)
    case .dictionary(let value): return (value, true)
    default: return (nil, true)
    }
  }

  /// The keys an object with this schema may have, for the error about any other.
  fileprivate var allowedKeys: [String] {
    if case .object(let members, _) = self { return members.keys.sorted() }
    return []
  }

  fileprivate var element: KeySchema? {
    if case .array(let element) = self { return element }
    return nil
  }

  fileprivate var isInteger: Bool {
    if case .integer = self { return true }
    return false
  }
}
