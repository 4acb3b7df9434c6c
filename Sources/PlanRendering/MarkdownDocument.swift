/// A Markdown document under construction, with helpers for tables and folded blocks.
///
/// Nothing here escapes: callers pass text already escaped with `TextEscaping.markdown`.
struct MarkdownDocument {
  private(set) var text = ""

  /// The document's size in UTF-8 bytes, never less than its size in characters.
  var size: Int { text.utf8.count }

  /// Appends `line` and a line break.
  mutating func append(_ line: String) {
    text += line
    text += "\n"
  }

  /// Appends an empty line.
  mutating func blank() { text += "\n" }

  /// Appends a table's header row and delimiter row.
  mutating func tableHeader(_ columns: [String], numeric: Set<Int> = []) {
    tableRow(columns)
    tableRow(columns.indices.map { numeric.contains($0) ? "---:" : "---" })
  }

  /// Appends one table row.
  mutating func tableRow(_ cells: [String]) {
    append(Self.row(cells))
  }

  /// Appends `lines` as they are; they must end with a line break.
  mutating func appendVerbatim(_ lines: String) {
    text += lines
  }

  /// Appends the lines of `other`.
  mutating func append(contentsOf other: MarkdownDocument) {
    text += other.text
  }

  /// Appends `body` folded in a `<details>` block whose summary is `summary`.
  mutating func folded(_ summary: String, _ body: MarkdownDocument) {
    append("<details><summary>\(summary)</summary>")
    blank()
    append(contentsOf: body)
    blank()
    append("</details>")
  }

  /// `| a | b |`.
  static func row(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |"
  }

  /// The longest prefix of `lines` that fits `budget` UTF-8 bytes, line breaks included.
  ///
  /// Stops reading `lines` at the first line that does not fit.
  static func fitting(_ lines: some Sequence<String>, budget: Int) -> [String] {
    var shown: [String] = []
    var used = 0
    for line in lines {
      let size = line.utf8.count + 1
      guard used + size <= budget else { break }
      used += size
      shown.append(line)
    }
    return shown
  }
}
