/// The scalars of `StrictJSON`: strings, numbers and the three literals.
extension StrictJSON {
  /// A string's text, checked for escapes, control characters, UTF-8 and length.
  mutating func string() throws(DocumentError) -> String {
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
  mutating func number(isInteger: Bool) throws(DocumentError) {
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

  mutating func literal(_ word: String) throws(DocumentError) {
    for expected in word.utf8 {
      guard byte() == expected else {
        throw syntax("expected a value (\(word)?); NaN, Infinity and bare words are not JSON")
      }
      position += 1
    }
  }
}
