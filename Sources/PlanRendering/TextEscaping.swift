/// Escaping for text that reaches a document from AWS or from an operator: account, OU and
/// service names, and the messages and titles that quote them.
///
/// Every escaper keeps the text on one line: control characters (newlines and tabs included),
/// the Unicode line and paragraph separators and the bidirectional controls become spaces, so
/// a name can neither break a table row nor reorder what a terminal shows. DOT strings are the
/// exception for newlines, which become the `\n` escape.
package enum TextEscaping {
  /// Text for a terminal: one line, with no control characters or bidirectional controls.
  package static func terminal(_ text: String) -> String {
    escaping(text) { _ in nil }
  }

  /// A value of the plan (an ID, a code, a state) for a terminal.
  package static func terminal(_ value: some CustomStringConvertible) -> String {
    terminal(value.description)
  }

  /// A value of the plan (an ID, a code, a state) for Markdown.
  package static func markdown(_ value: some CustomStringConvertible) -> String {
    markdown(value.description)
  }

  /// Text for Markdown, in a table cell, a heading or a paragraph.
  ///
  /// `&`, `<` and `>` become HTML entities, so no name can open a tag. The punctuation that
  /// means something inline (`|` `` ` `` `\` `*` `_` `[` `]` `~` `$` `#`) gets a backslash, so
  /// a name cannot end a table cell or open a code span, a link, emphasis or math. An `@` is
  /// followed by a zero-width space (`&#8203;`), so a name like `@platform-team` notifies
  /// nobody when the document is posted on GitHub.
  package static func markdown(_ text: String) -> String {
    escaping(text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "@": "@&#8203;"
      case "|", "`", "\\", "*", "_", "[", "]", "~", "$", "#": "\\" + String(scalar)
      default: nil
      }
    }
  }

  /// The text between the quotes of a Mermaid `["…"]` label.
  ///
  /// `"` becomes `#quot;`; `#` and every character Mermaid or HTML gives a meaning to
  /// (`&` `<` `>` `` ` `` `[` `]` `(` `)` `{` `}` `|`) becomes a Mermaid entity code
  /// (`#35;`, `#amp;`, `#lt;`…), which Mermaid shows as the character itself.
  package static func mermaidLabel(_ text: String) -> String {
    escaping(text) { scalar in
      switch scalar {
      case "\"": "#quot;"
      case "#": "#35;"
      case "&": "#amp;"
      case "<": "#lt;"
      case ">": "#gt;"
      case "`": "#96;"
      case "[": "#91;"
      case "]": "#93;"
      case "(": "#40;"
      case ")": "#41;"
      case "{": "#123;"
      case "}": "#125;"
      case "|": "#124;"
      default: nil
      }
    }
  }

  /// A Graphviz DOT double-quoted string, quotes included.
  ///
  /// `\` and `"` are escaped with a backslash, and each line break (`\n`, `\r\n` or `\r`)
  /// becomes the two characters `\n`, which Graphviz draws as a centred line break.
  package static func dotString(_ text: String) -> String {
    var afterCarriageReturn = false
    let body = escaping(text) { scalar in
      defer { afterCarriageReturn = scalar == "\r" }
      switch scalar {
      case "\\": return "\\\\"
      case "\"": return "\\\""
      case "\r": return "\\n"
      case "\n": return afterCarriageReturn ? "" : "\\n"
      default: return nil
      }
    }
    return "\"" + body + "\""
  }

  /// Applies `replacement` to each Unicode scalar of `text`; a scalar it leaves alone is kept,
  /// unless it is a layout control, which becomes a space.
  private static func escaping(
    _ text: String, _ replacement: (Unicode.Scalar) -> String?
  ) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        result += replaced
      } else if isLayoutControl(scalar) {
        result += " "
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether `scalar` moves the cursor or reorders text rather than showing a character.
  private static func isLayoutControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true  // C0 controls, DEL, C1 controls
    case 0x2028, 0x2029: true  // line and paragraph separators
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional
    default: false
    }
  }
}
