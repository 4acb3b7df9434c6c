import PlanRendering
import Testing

/// One input and the text an escaper must make of it.
struct EscapingCase: Sendable, CustomTestStringConvertible {
  var name: String
  var input: String
  var expected: String
  var testDescription: String { name }
}

@Suite struct TextEscapingTests {
  @Test(arguments: [
    EscapingCase(name: "line breaks and tabs", input: "a\nb\tc\r\nd", expected: "a b c  d"),
    EscapingCase(
      name: "ANSI escape sequences", input: "\u{1B}[31mred\u{1B}[0m", expected: " [31mred [0m"),
    EscapingCase(
      name: "bidirectional override", input: "abc\u{202E}fed\u{2066}", expected: "abc fed "),
    EscapingCase(
      name: "Unicode line separator", input: "one\u{2028}two", expected: "one two"),
    EscapingCase(
      name: "quotes, pipes, backticks and brackets are kept",
      input: "\"a\" | `b` [c] <d>", expected: "\"a\" | `b` [c] <d>"),
    EscapingCase(
      name: "Unicode is kept", input: "Zahlungsverkehr – 日本 👩‍💻 é",
      expected: "Zahlungsverkehr – 日本 👩‍💻 é"),
  ])
  func terminalTextIsOneLineWithoutControls(_ c: EscapingCase) {
    #expect(TextEscaping.terminal(c.input) == c.expected)
  }

  @Test(arguments: [
    EscapingCase(name: "table pipes", input: "a|b", expected: "a\\|b"),
    EscapingCase(name: "backticks", input: "`rm -rf /`", expected: "\\`rm -rf /\\`"),
    EscapingCase(
      name: "a script tag", input: "<script>alert(1)</script>",
      expected: "&lt;script&gt;alert(1)&lt;/script&gt;"),
    EscapingCase(name: "ampersands", input: "R&D &amp;", expected: "R&amp;D &amp;amp;"),
    EscapingCase(
      name: "links and images", input: "![x](y) [click](https://e.x)",
      expected: "!\\[x\\](y) \\[click\\](https://e.x)"),
    EscapingCase(
      name: "emphasis, strikethrough and math", input: "*b* _i_ ~~s~~ $x$",
      expected: "\\*b\\* \\_i\\_ \\~\\~s\\~\\~ \\$x\\$"),
    EscapingCase(name: "backslashes", input: "C:\\dir", expected: "C:\\\\dir"),
    EscapingCase(name: "a heading's closing hashes", input: "Prod ##", expected: "Prod \\#\\#"),
    EscapingCase(name: "line breaks", input: "a\nb\r\nc", expected: "a b  c"),
    EscapingCase(
      name: "mentions", input: "@platform-team", expected: "@&#8203;platform-team"),
    EscapingCase(name: "quotes are kept", input: "\"q\" 'x'", expected: "\"q\" 'x'"),
    EscapingCase(name: "Unicode is kept", input: "Über 日本 👩‍💻", expected: "Über 日本 👩‍💻"),
  ])
  func markdownCannotEscapeItsCellOrOpenMarkup(_ c: EscapingCase) {
    #expect(TextEscaping.markdown(c.input) == c.expected)
  }

  @Test(arguments: [
    EscapingCase(name: "quotes", input: "say \"hi\"", expected: "say #quot;hi#quot;"),
    EscapingCase(
      name: "brackets, parentheses and braces", input: "a[b](c){d}",
      expected: "a#91;b#93;#40;c#41;#123;d#125;"),
    EscapingCase(
      name: "a script tag", input: "<script>&</script>",
      expected: "#lt;script#gt;#amp;#lt;/script#gt;"),
    EscapingCase(name: "hashes", input: "#1 #quot;", expected: "#35;1 #35;quot;"),
    EscapingCase(name: "pipes and backticks", input: "a|`b`", expected: "a#124;#96;b#96;"),
    EscapingCase(name: "line breaks", input: "a\nb", expected: "a b"),
    EscapingCase(name: "Unicode is kept", input: "Über 日本 ×", expected: "Über 日本 ×"),
  ])
  func mermaidLabelsCannotEndTheirQuotes(_ c: EscapingCase) {
    #expect(TextEscaping.mermaidLabel(c.input) == c.expected)
  }

  @Test(arguments: [
    EscapingCase(name: "plain text", input: "Payments", expected: "\"Payments\""),
    EscapingCase(name: "quotes", input: "say \"hi\"", expected: "\"say \\\"hi\\\"\""),
    EscapingCase(
      name: "backslashes, including DOT's own escapes", input: "C:\\dir\\l\\N",
      expected: "\"C:\\\\dir\\\\l\\\\N\""),
    EscapingCase(name: "LF", input: "a\nb", expected: "\"a\\nb\""),
    EscapingCase(name: "CR LF", input: "a\r\nb", expected: "\"a\\nb\""),
    EscapingCase(name: "CR", input: "a\rb", expected: "\"a\\nb\""),
    EscapingCase(name: "tabs", input: "a\tb", expected: "\"a b\""),
    EscapingCase(
      name: "braces, brackets and angle brackets are kept", input: "{a} [b] <c>; d",
      expected: "\"{a} [b] <c>; d\""),
    EscapingCase(name: "Unicode is kept", input: "日本 👩‍💻", expected: "\"日本 👩‍💻\""),
  ])
  func dotStringsAreQuotedAndEscaped(_ c: EscapingCase) {
    #expect(TextEscaping.dotString(c.input) == c.expected)
  }
}
