/// Lays Markdown blocks out as numbered comments, each under a size limit, as Atlantis splits
/// a long plan: text blocks stay whole, tables are split between rows and their heading,
/// fold and header are repeated in the next comment.
struct MarkdownPaginator {
  /// A piece of the document.
  enum Block {
    /// Lines that stay together, each ending without a line break.
    case text([String])
    /// A table whose rows may be spread over several folds and comments.
    case table(Table)
  }

  /// A table, folded in `<details>` blocks of at most `rowsPerFold` rows when `fold` names
  /// what the rows are.
  struct Table {
    /// The lines before the table (a `###` heading, a sentence), repeated as "(continued)".
    var heading: [String]
    var columns: [String]
    var numeric: Set<Int> = []
    var rows: [String]
    /// What a fold's summary calls the rows (`accounts`), or `nil` for an open table.
    var fold: String? = nil
    var rowsPerFold = 500
    /// Said in the last comment when rows are left out for want of comments.
    var leftOutHint: String? = nil
    /// How many rows the table has, when `rows` holds only the first of them (as many as the
    /// comments could ever show).
    var totalRows: Int? = nil
    var count: Int { totalRows ?? rows.count }
  }

  /// The largest comment, in UTF-8 bytes.
  var limit: Int
  /// The most comments a plan may take.
  var maximumParts: Int
  /// Room kept in every comment for its part header and a closing notice.
  static let reserve = 1_024

  /// The comments, without their part headers.
  func paginate(_ blocks: [Block]) -> [MarkdownDocument] {
    var layout = Layout(budget: limit - Self.reserve, maximumParts: maximumParts)
    for block in blocks {
      guard !layout.isFull else { break }
      switch block {
      case .text(let lines): layout.add(lines)
      case .table(let table): layout.add(table)
      }
    }
    return layout.finished()
  }
}

/// The comments being filled.
private struct Layout {
  let budget: Int
  let maximumParts: Int
  var parts = [MarkdownDocument()]
  /// Set once rows had to be left out: nothing more is added.
  var isFull = false

  var current: MarkdownDocument {
    get { parts[parts.count - 1] }
    set { parts[parts.count - 1] = newValue }
  }

  /// Starts a new comment; returns false when the last one is already in use.
  mutating func nextPart() -> Bool {
    guard parts.count < maximumParts else { return false }
    parts.append(MarkdownDocument())
    return true
  }

  static func size(_ lines: [String]) -> Int { lines.reduce(0) { $0 + $1.utf8.count + 1 } }

  mutating func add(_ lines: [String]) {
    let size = Self.size(lines) + 1
    if current.size > 0, current.size + size > budget {
      guard nextPart() else {
        isFull = true
        return
      }
    }
    // A block larger than a whole comment keeps the lines that fit.
    current.blank()
    for line in MarkdownDocument.fitting(lines, budget: budget - current.size) {
      current.append(line)
    }
  }

  mutating func add(_ table: MarkdownPaginator.Table) {
    // A table without rows is its heading alone, which says so.
    guard !table.rows.isEmpty else { return add(table.heading) }
    var next = 0
    // The part where the table's heading was last written; a new part repeats it.
    var headedPart = -1
    var header = MarkdownDocument()
    header.tableHeader(table.columns, numeric: table.numeric)
    let foldRoom = table.fold == nil ? 0 : 160
    repeat {
      var opening = MarkdownDocument()
      if headedPart != parts.count - 1 {
        opening.blank()
        for (position, line) in table.heading.enumerated() {
          opening.append(headedPart >= 0 && position == 0 ? line + " (continued)" : line)
        }
      }
      let firstRow = table.rows.isEmpty ? 0 : table.rows[next].utf8.count + 1
      if current.size + opening.size + header.size + foldRoom + firstRow > budget {
        guard current.size > 0, nextPart() else {
          leaveOut(table, from: next)
          return
        }
        continue
      }
      let end = min(table.rows.count, next + table.rowsPerFold)
      let first = next
      var body = header
      while next < end,
        current.size + opening.size + foldRoom + body.size + table.rows[next].utf8.count + 1
          <= budget
      {
        body.append(table.rows[next])
        next += 1
      }
      current.append(contentsOf: opening)
      headedPart = parts.count - 1
      if let fold = table.fold {
        current.blank()
        current.folded(
          "\(fold) \(TextFormatting.grouped(first + 1))–\(TextFormatting.grouped(next)) of "
            + TextFormatting.grouped(table.count), body)
      } else {
        current.blank()
        current.append(contentsOf: body)
      }
    } while next < table.rows.count
    if table.count > table.rows.count { leaveOut(table, from: next) }
  }

  /// Says in the last comment how many rows of `table` did not fit, and stops.
  mutating func leaveOut(_ table: MarkdownPaginator.Table, from row: Int) {
    isFull = true
    let omitted = table.count - row
    current.blank()
    current.append(
      "**\(TextFormatting.counted(omitted, "more row", "more rows")) of "
        + "\"\(table.heading.first.map { $0.replacing("### ", with: "") } ?? "the table")\" "
        + "and the sections after it did not fit in \(parts.count) comments.**"
        + (table.leftOutHint.map { " " + $0 } ?? ""))
  }

  func finished() -> [MarkdownDocument] { parts.filter { $0.size > 0 } }
}
