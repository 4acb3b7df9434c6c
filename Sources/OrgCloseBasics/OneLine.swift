/// Text echoed into a one-line message: names, IDs, file names, another program's error.
public enum OneLine: Sendable {
  /// `text` with every control character escaped, so that a message stays one line and
  /// cannot move the cursor, recolour the terminal or reorder what follows.
  ///
  /// Line breaks and tabs become `\n`, `\r` and `\t`; every other C0 or C1 control, DEL, the
  /// Unicode line and paragraph separators and the bidirectional controls become `\u{…}`.
  /// Nothing else changes, so escaping twice gives what escaping once gives.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where isControl(scalar):
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `escaped(text)`, cut to `limit` characters with `…` when longer.
  public static func clipped(_ text: String, limit: Int = 500) -> String {
    let line = escaped(text)
    return line.count <= limit ? line : String(line.prefix(max(0, limit - 1))) + "…"
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true  // C0 controls, DEL, C1 controls
    case 0x2028, 0x2029: true  // line and paragraph separators
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional
    default: false
    }
  }
}
