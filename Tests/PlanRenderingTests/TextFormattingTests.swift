import Testing

@testable import PlanRendering

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

/// Findings grouped by code name "the account" in place of each account's label.
@Suite struct GenericFindingTextTests {
  @Test("every occurrence of the label is replaced, capitalised at the start")
  func replacesTheLabel() {
    let label = "Payments (222222222222)"
    #expect(
      FindingGroups.generic(
        "Payments (222222222222) spent money; Payments (222222222222) pays",
        removing: label) == "The account spent money; the account pays")
    #expect(
      FindingGroups.generic("Close Payments (222222222222) last", removing: label)
        == "Close the account last")
    #expect(FindingGroups.generic("Nothing here", removing: label) == "Nothing here")
    #expect(
      FindingGroups.generic("Payments (22222222222", removing: label) == "Payments (22222222222")
    #expect(FindingGroups.generic("x", removing: nil) == "x")
    #expect(FindingGroups.generic("x", removing: "") == "x")
    #expect(
      FindingGroups.generic("Café (1) und Café (1)", removing: "Café (1)")
        == "The account und the account")
  }
}
