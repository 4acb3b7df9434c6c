import OrgCloseBasics
import Testing

/// `OneLine`: what is escaped, and what is kept.
@Suite struct OneLineTests {
  struct EscapeCase: Sendable, CustomTestStringConvertible {
    var input: String
    var escaped: String
    var testDescription: String { escaped }
  }

  @Test(
    "control characters are escaped; everything else is kept",
    arguments: [
      EscapeCase(input: "ou-ab12-34567890", escaped: "ou-ab12-34567890"),
      EscapeCase(input: "two\nlines\r\n\tindented", escaped: #"two\nlines\r\n\tindented"#),
      EscapeCase(input: "\u{1B}[31mred\u{1B}[0m", escaped: #"\u{1B}[31mred\u{1B}[0m"#),
      EscapeCase(
        input: "bell\u{07} del\u{7F} csi\u{9B}", escaped: #"bell\u{7} del\u{7F} csi\u{9B}"#),
      EscapeCase(input: "evil\u{202E}txt.json", escaped: #"evil\u{202E}txt.json"#),
      EscapeCase(input: "Zürich — 東京 \\n", escaped: "Zürich — 東京 \\n"),
    ])
  func escapes(_ c: EscapeCase) {
    #expect(OneLine.escaped(c.input) == c.escaped)
    #expect(OneLine.escaped(OneLine.escaped(c.input)) == c.escaped)
  }

  @Test("long text is cut to the limit with an ellipsis, after escaping")
  func clips() {
    #expect(OneLine.clipped(String(repeating: "a", count: 600)).count == 500)
    #expect(OneLine.clipped(String(repeating: "a", count: 600)).hasSuffix("a…"))
    #expect(
      OneLine.clipped(String(repeating: "a", count: 500)) == String(repeating: "a", count: 500))
    #expect(OneLine.clipped("\n\n\n", limit: 4) == #"\n\…"#)
  }
}
