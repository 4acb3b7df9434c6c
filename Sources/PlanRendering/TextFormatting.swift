import ClosurePlanner
import OrgGraph

/// Number, range and line formatting shared by the renderers (no Foundation, no locale).
package enum TextFormatting {
  /// `4812` as `4,812`.
  package static func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var result = number < 0 ? "-" : ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return result
  }

  /// `1 window`, `2 windows`, `4,812 steps`.
  static func counted(_ number: Int, _ singular: String, _ plural: String) -> String {
    "\(grouped(number)) \(number == 1 ? singular : plural)"
  }

  /// `1–6`, or `3` when the range holds one number.
  static func numbers(_ range: ClosedRange<Int>) -> String {
    range.lowerBound == range.upperBound
      ? grouped(range.lowerBound) : "\(grouped(range.lowerBound))–\(grouped(range.upperBound))"
  }

  /// `2026-12-01 … 2027-04-30`, or one date when the range holds one day.
  static func dates(_ range: ClosedRange<CalendarDay>) -> String {
    range.lowerBound == range.upperBound
      ? range.lowerBound.description : "\(range.lowerBound) … \(range.upperBound)"
  }

  /// `text` cut to at most `limit` Unicode scalars, ending in `…` when it was cut.
  ///
  /// Counting scalars rather than characters bounds the size of the result, whatever the
  /// text's grapheme clusters look like.
  package static func clipped(_ text: String, to limit: Int) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars.prefix(max(0, limit - 1)))
    return String(result) + "…"
  }

  /// Breaks `text` into lines of at most `width` characters at spaces.
  ///
  /// The first line starts with `firstIndent`, the others with `indent`. Runs of spaces inside
  /// a line are kept; a word longer than a line stays whole on a line of its own.
  package static func wrapped(
    _ text: String, width: Int, firstIndent: String = "", indent: String = ""
  ) -> [String] {
    var lines: [String] = []
    var line = firstIndent
    var lineLength = firstIndent.count
    var lineHasWords = false
    for (gap, word) in words(of: text) {
      if lineHasWords && lineLength + gap.count + word.count > width {
        lines.append(line)
        line = indent + word
        lineLength = indent.count + word.count
      } else {
        let separator = lineHasWords ? gap : ""
        line += separator + word
        lineLength += separator.count + word.count
      }
      lineHasWords = true
    }
    lines.append(line)
    return lines
  }

  /// The words of `text`, each with the run of spaces before it.
  private static func words(of text: String) -> [(gap: String, word: String)] {
    var result: [(gap: String, word: String)] = []
    var gap = ""
    var word = ""
    for character in text {
      if character == " " {
        if !word.isEmpty {
          result.append((gap, word))
          gap = ""
          word = ""
        }
        gap.append(character)
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { result.append((gap, word)) }
    return result
  }

  /// What takes room in the first closure window: `1 recent closure and 2 pending`, from the
  /// policy's recent closures and the members the plan shows PENDING_CLOSURE (rules B11, B12).
  static func firstWindowUse(_ plan: ClosurePlan) -> String {
    let management = plan.organization.managementAccountId
    let pending = plan.accounts.count { $0.state == .pendingClosure && $0.id != management }
    let recent = counted(plan.closeQuota.closuresInLast30Days, "recent closure", "recent closures")
    return pending == 0 ? recent : recent + " and \(grouped(pending)) pending"
  }
}

extension ClosedRange {
  /// The smallest range holding both this range (if any) and `value`.
  static func spanning(_ range: Self?, _ value: Bound) -> Self {
    guard let range else { return value...value }
    return Swift.min(range.lowerBound, value)...Swift.max(range.upperBound, value)
  }

}
