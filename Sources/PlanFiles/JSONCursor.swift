/// A forward-only reader over the bytes of a JSON document, for the fast read paths of
/// `PlanFiles` (`SnapshotDocument+FastReading.swift`, `ClosurePlan+FastReading.swift`).
///
/// It accepts a strict subset of what `StrictJSON` and then `JSONDecoder` accept and reports
/// anything else, from a syntax error to an escaped key, a duplicate key or a string longer
/// than the file's limit, as `Miss`: the caller then checks the file with `StrictJSON` and
/// decodes it with `JSONDecoder`, which produce the value or the precise error message. So the
/// fast path changes speed, never results (README, "Performance").
struct JSONCursor {
  /// The document is outside what the fast path handles; decode it with `JSONDecoder`.
  struct Miss: Error {}

  /// A position inside an object, between `beginObject()` and the `nil` from `nextKey(_:)`.
  struct ObjectState {
    fileprivate var isFirst = true
  }

  /// A position inside an array, between `beginArray()` and `false` from `nextElement(_:)`.
  struct ArrayState {
    fileprivate var isFirst = true
  }

  /// The document; read by `JSONCursor+Escapes.swift` too.
  let bytes: UnsafeBufferPointer<UInt8>
  let limits: StrictJSON.Limits
  /// Whether a key the reader does not know is a `Miss` (plans) or skipped (snapshots).
  let rejectsUnknownKeys: Bool
  var position = 0
  private var depth = 0
  /// Skipped objects with more keys than this are a `Miss`, so telling a duplicate among
  /// them stays a short linear search; `StrictJSON` checks larger ones with a set.
  static let maximumSkippedKeys = 32

  init(_ bytes: UnsafeBufferPointer<UInt8>, limits: StrictJSON.Limits, rejectsUnknownKeys: Bool) {
    self.bytes = bytes
    self.limits = limits
    self.rejectsUnknownKeys = rejectsUnknownKeys
  }

  // MARK: Document

  /// Checks that nothing but whitespace follows the top-level value.
  mutating func end() throws(Miss) {
    skipWhitespace()
    guard position == bytes.count else { throw Miss() }
  }

  // MARK: Objects and arrays

  mutating func beginObject() throws(Miss) -> ObjectState {
    try open(UInt8(ascii: "{"))
    return ObjectState()
  }

  /// The next key of the object, or `nil` after its closing brace.
  ///
  /// The key's bytes are returned raw: a key with an escape or a non-ASCII byte is a `Miss`.
  mutating func nextKey(_ state: inout ObjectState) throws(Miss) -> UnsafeBufferPointer<UInt8>? {
    guard try nextItem(&state.isFirst, closing: UInt8(ascii: "}")) else { return nil }
    guard byte() == UInt8(ascii: "\"") else { throw Miss() }
    position += 1
    let start = position
    let stop = min(bytes.count, start + limits.maximumStringBytes + 1)
    while position < stop {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") { break }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw Miss() }
      position += 1
    }
    guard position < stop else { throw Miss() }
    let key = UnsafeBufferPointer(rebasing: bytes[start..<position])
    position += 1
    skipWhitespace()
    guard byte() == UInt8(ascii: ":") else { throw Miss() }
    position += 1
    return key
  }

  /// The next key of an object whose keys are data (such as tags), unescaped.
  mutating func nextStringKey(_ state: inout ObjectState) throws(Miss) -> String? {
    guard try nextItem(&state.isFirst, closing: UInt8(ascii: "}")) else { return nil }
    let key = try string()
    skipWhitespace()
    guard byte() == UInt8(ascii: ":") else { throw Miss() }
    position += 1
    return key
  }

  mutating func beginArray() throws(Miss) -> ArrayState {
    try open(UInt8(ascii: "["))
    return ArrayState()
  }

  /// Whether the array has another element; `false` after its closing bracket.
  mutating func nextElement(_ state: inout ArrayState) throws(Miss) -> Bool {
    try nextItem(&state.isFirst, closing: UInt8(ascii: "]"))
  }

  // MARK: Values

  /// Whether the next value is `null`, which is then consumed.
  mutating func skipNull() throws(Miss) -> Bool {
    skipWhitespace()
    guard byte() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  /// Whether the next value is a string, without consuming it.
  mutating func atString() -> Bool {
    skipWhitespace()
    return byte() == UInt8(ascii: "\"")
  }

  /// Whether the next value is a number, without consuming it.
  mutating func atNumber() -> Bool {
    skipWhitespace()
    let byte = byte()
    return byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  mutating func string() throws(Miss) -> String {
    skipWhitespace()
    guard byte() == UInt8(ascii: "\"") else { throw Miss() }
    position += 1
    let start = position
    var isASCII = true
    // Scanning stops one byte past the limit, so an over-long string costs no more than that.
    let stop = min(bytes.count, start + limits.maximumStringBytes + 1)
    while position < stop {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        if isASCII { return String(decoding: text, as: UTF8.self) }
        guard let valid = String(validating: text, as: UTF8.self) else { throw Miss() }
        return valid
      }
      if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
      guard byte >= 0x20 else { throw Miss() }
      if byte >= 0x80 { isASCII = false }
      position += 1
    }
    throw Miss()
  }

  /// Calls `body` with the UTF-8 of the string at the cursor: the file's own bytes when the
  /// string has no escapes, so that no `String` is built for it.
  mutating func withString<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result)
    throws(Miss) -> Result
  {
    skipWhitespace()
    guard byte() == UInt8(ascii: "\"") else { throw Miss() }
    let start = position + 1
    var end = start
    let stop = min(bytes.count, start + limits.maximumStringBytes + 1)
    while end < stop, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20, bytes[end] < 0x80
    {
      end += 1
    }
    guard end < stop, bytes[end] == UInt8(ascii: "\"") else {
      var text = try string()
      return text.withUTF8(body)
    }
    position = end + 1
    return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  /// An integer written without fraction or exponent.
  mutating func integer() throws(Miss) -> Int {
    let (start, end, isInteger) = try number()
    guard isInteger, end - start <= 18 else { throw Miss() }
    return Self.integerValue(bytes[start..<end])
  }

  /// A number as `JSONDecoder` reads it into a `Double`.
  mutating func double() throws(Miss) -> Double {
    let (start, end, isInteger) = try number()
    let text = bytes[start..<end]
    // Integers of up to 15 digits are exact in a Double, so the conversion is the one
    // strtod makes; skipping the text conversion saves a string per timestamp.
    if isInteger, end - start <= 15 {
      let value = Self.integerValue(text)
      if value == 0 && text.first == UInt8(ascii: "-") { return -0.0 }
      return Double(value)
    }
    guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
      throw Miss()
    }
    return value
  }

  /// Skips any value, checking its syntax.
  mutating func skipValue() throws(Miss) {
    skipWhitespace()
    switch byte() {
    case UInt8(ascii: "{"):
      var object = try beginObject()
      var keys = SkippedKeys()
      while let key = try nextKey(&object) {
        try keys.insert(key)
        try skipValue()
      }
    case UInt8(ascii: "["):
      var array = try beginArray()
      while try nextElement(&array) { try skipValue() }
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: _ = try number()
    }
  }

  // MARK: Scanning

  /// The byte at the current position, or 0 at the end.
  private func byte() -> UInt8 { position < bytes.count ? bytes[position] : 0 }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        position += 1
      default:
        return
      }
    }
  }

  private mutating func open(_ bracket: UInt8) throws(Miss) {
    skipWhitespace()
    guard byte() == bracket, depth < limits.maximumDepth else { throw Miss() }
    position += 1
    depth += 1
  }

  /// Moves past the separator before the next item of a container; `false` (and the
  /// container closed) at its closing bracket.
  private mutating func nextItem(_ isFirst: inout Bool, closing: UInt8) throws(Miss) -> Bool {
    skipWhitespace()
    if byte() == closing {
      position += 1
      depth -= 1
      return false
    }
    if isFirst {
      isFirst = false
    } else {
      guard byte() == UInt8(ascii: ",") else { throw Miss() }
      position += 1
      skipWhitespace()
    }
    return true
  }

  private mutating func literal(_ word: StaticString) throws(Miss) {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw Miss() }
    for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
      throw Miss()
    }
    position += count
  }

  /// Scans a number of strict JSON grammar; returns its bounds and whether it is an integer.
  private mutating func number() throws(Miss) -> (start: Int, end: Int, isInteger: Bool) {
    skipWhitespace()
    let start = position
    if byte() == UInt8(ascii: "-") { position += 1 }
    guard isDigit(byte()) else { throw Miss() }
    if byte() == UInt8(ascii: "0") {
      position += 1
    } else {
      while isDigit(byte()) { position += 1 }
    }
    var isInteger = true
    if byte() == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard isDigit(byte()) else { throw Miss() }
      while isDigit(byte()) { position += 1 }
    }
    if byte() == UInt8(ascii: "e") || byte() == UInt8(ascii: "E") {
      isInteger = false
      position += 1
      if byte() == UInt8(ascii: "+") || byte() == UInt8(ascii: "-") { position += 1 }
      guard isDigit(byte()) else { throw Miss() }
      while isDigit(byte()) { position += 1 }
    }
    return (start, position, isInteger)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func integerValue(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    var value = 0
    var isNegative = false
    for byte in text {
      if byte == UInt8(ascii: "-") {
        isNegative = true
      } else {
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
    }
    return isNegative ? -value : value
  }
}

/// Whether the raw bytes of a key are `name`.
func == (key: UnsafeBufferPointer<UInt8>, name: StaticString) -> Bool {
  guard key.count == name.utf8CodeUnitCount else { return false }
  for offset in 0..<key.count where key[offset] != name.utf8Start[offset] { return false }
  return true
}
