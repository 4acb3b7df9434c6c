extension JSONCursor {
  /// The rest of a string that contains escapes, decoded; `start` is just after the quote.
  mutating func escapedString(from start: Int) throws(Miss) -> String {
    var text = Array(bytes[start..<position])
    while position < bytes.count {
      guard position - start <= limits.maximumStringBytes else { throw Miss() }
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let valid = String(validating: text, as: UTF8.self) else { throw Miss() }
        return valid
      case UInt8(ascii: "\\"):
        guard position < bytes.count else { throw Miss() }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"): text.append(contentsOf: try unicodeEscape())
        default: throw Miss()
        }
      case 0..<0x20:
        throw Miss()
      default:
        text.append(byte)
      }
    }
    throw Miss()
  }

  /// The UTF-8 of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair; a
  /// lone surrogate is a `Miss`.
  private mutating func unicodeEscape() throws(Miss) -> [UInt8] {
    var scalar = try hexQuad()
    if (0xD800..<0xDC00).contains(scalar) {
      guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw Miss() }
      position += 2
      let low = try hexQuad()
      guard (0xDC00..<0xE000).contains(low) else { throw Miss() }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00..<0xE000).contains(scalar) {
      throw Miss()
    }
    guard let unicode = Unicode.Scalar(scalar) else { throw Miss() }
    return Array(String(Character(unicode)).utf8)
  }

  private mutating func hexQuad() throws(Miss) -> UInt32 {
    guard position + 4 <= bytes.count else { throw Miss() }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      position += 1
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw Miss()
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
