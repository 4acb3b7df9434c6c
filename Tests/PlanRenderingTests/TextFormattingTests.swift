import PlanRendering
import Testing

@Suite struct TextFormattingTests {
  @Test(arguments: [
    (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (4_812, "4,812"),
    (1_234_567, "1,234,567"), (-4_812, "-4,812"),
  ])
  func groupsThousandsWithCommas(_ number: Int, _ expected: String) {
    #expect(TextFormatting.grouped(number) == expected)
  }

  @Test func wrapsAtSpacesWithinTheWidth() {
    let lines = TextFormatting.wrapped(
      "one two three four five six", width: 12, firstIndent: "> ", indent: "  ")
    #expect(lines == ["> one two", "  three four", "  five six"])
  }

  @Test func keepsRunsOfSpacesAndLongWords() {
    let lines = TextFormatting.wrapped("a  b  averyveryverylongword c", width: 8)
    #expect(lines == ["a  b", "averyveryverylongword", "c"])
  }

  @Test func clipsByUnicodeScalarsWithAnEllipsis() {
    #expect(TextFormatting.clipped("abcdef", to: 4) == "abc…")
    #expect(TextFormatting.clipped("abcd", to: 4) == "abcd")
  }
}
