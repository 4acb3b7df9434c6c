/// Finds e-mail addresses in free text as people and tools write them, for redaction.
///
/// An address is found around each `@` and each encoding of one (`%40`, `&#64;`, `&#x40;`,
/// `&commat;`, `\u0040`, the full-width `＠`): a local part, plain (`j.doe+aws`) or quoted
/// (`"j doe"`), then a domain with at least one dot (rule A2: `[^\s@]+@[^\s@]+\.[^\s@]+`).
/// Redaction errs towards replacing too much: a word that looks like an address is one.
enum EmailAddresses {
  /// One address found in a text.
  struct Match {
    /// Where it is, in the text's Unicode scalars.
    var range: Range<Int>
    /// The address with its `@` decoded and in lowercase, to compare addresses by.
    var key: String
  }

  /// The spellings of `@` that are recognised, lowercased.
  private static let atSigns: [[Unicode.Scalar]] = [
    "@", "\u{FF20}", "%40", "&#64;", "&#x40;", "&commat;", "\\u0040",
  ].map { Array($0.unicodeScalars) }

  /// The placeholders redaction writes, left alone so that redacting twice changes nothing.
  static let placeholderDomain = "redacted.invalid"

  /// Whether `text` may hold an address, to skip the scan for most texts.
  static func mayContain(_ text: String) -> Bool {
    text.contains("@") || text.contains("%40") || text.contains("&#") || text.contains("&commat;")
      || text.contains("\\u0040") || text.contains("\u{FF20}")
  }

  /// The addresses in `scalars`, in order and not overlapping.
  static func matches(in scalars: [Unicode.Scalar]) -> [Match] {
    var found: [Match] = []
    var index = 0
    while index < scalars.count {
      guard let length = atSignLength(in: scalars, at: index),
        let match = address(in: scalars, at: index, atSignLength: length),
        match.range.lowerBound >= (found.last?.range.upperBound ?? 0)
      else {
        index += 1
        continue
      }
      found.append(match)
      index = match.range.upperBound
    }
    return found
  }

  /// `text` with each address replaced by `placeholder(key)`.
  static func replacing(in text: String, _ placeholder: (String) -> String) -> String {
    guard mayContain(text) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var next = 0
    for match in matches(in: scalars) {
      result.append(contentsOf: scalars[next..<match.range.lowerBound])
      result.append(contentsOf: placeholder(match.key).unicodeScalars)
      next = match.range.upperBound
    }
    result.append(contentsOf: scalars[next...])
    return String(result)
  }

  /// The keys of the addresses in `text`.
  static func keys(in text: String) -> [String] {
    guard mayContain(text) else { return [] }
    return matches(in: Array(text.unicodeScalars)).map(\.key)
  }

  // MARK: Scanning

  private static func atSignLength(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
    for sign in atSigns where index + sign.count <= scalars.count {
      let candidate = scalars[index..<(index + sign.count)]
      if zip(candidate, sign).allSatisfy({ lowercased($0) == $1 }) { return sign.count }
    }
    return nil
  }

  private static func address(in scalars: [Unicode.Scalar], at sign: Int, atSignLength: Int)
    -> Match?
  {
    guard let start = localPartStart(in: scalars, before: sign) else { return nil }
    var end = sign + atSignLength
    while end < scalars.count, isDomainScalar(scalars[end]) { end += 1 }
    // A sentence's full stop or a dash after the address is not part of it.
    while end > sign + atSignLength, scalars[end - 1] == "." || scalars[end - 1] == "-" {
      end -= 1
    }
    let domain = String(String.UnicodeScalarView(scalars[(sign + atSignLength)..<end]))
    guard domain.contains("."), !domain.hasPrefix("."), !domain.contains(".."),
      domain.lowercased() != placeholderDomain
    else { return nil }
    let local = String(String.UnicodeScalarView(scalars[start..<sign]))
    return Match(range: start..<end, key: (local + "@" + domain).lowercased())
  }

  /// Where the local part before the `@` at `sign` starts, or `nil` when there is none.
  private static func localPartStart(in scalars: [Unicode.Scalar], before sign: Int) -> Int? {
    if sign > 0, scalars[sign - 1] == "\"" {
      // A quoted local part (`"j.doe"@…`, which may hold spaces), at most 64 long.
      var index = sign - 2
      while index >= 0, index >= sign - 66 {
        if scalars[index] == "\"" { return index < sign - 2 ? index : nil }
        index -= 1
      }
      return nil
    }
    var start = sign
    while start > 0, isLocalScalar(scalars[start - 1]) { start -= 1 }
    // Quotes and dots that open a word belong to the sentence, not the address.
    while start < sign, scalars[start] == "'" || scalars[start] == "." || scalars[start] == "`" {
      start += 1
    }
    return start < sign ? start : nil
  }

  /// Letters, digits and the specials RFC 5322 allows in a local part.
  private static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
    isWordScalar(scalar) || "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(scalar)
  }

  private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
    isWordScalar(scalar) || scalar == "-" || scalar == "."
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
  }

  private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
  }
}
