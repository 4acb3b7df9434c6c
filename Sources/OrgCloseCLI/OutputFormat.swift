/// The values of a command's `--format`, as an enum: its cases are what the declaration
/// offers (help, usage line, completion, man page) and what parsing accepts, in that order.
protocol OutputFormat: RawRepresentable<String>, CaseIterable, Sendable {}

extension OutputFormat {
  /// Every case's name, in declaration order.
  static var names: [String] { allCases.map(\.rawValue) }
}

/// `plan --format` and `render --format`.
enum PlanFormat: String, OutputFormat {
  case text, json, markdown, mermaid, gantt, dot
}

/// `blockers --format`.
enum BlockersFormat: String, OutputFormat {
  case text, json, markdown, csv
}

/// `diff --format`.
enum DiffFormat: String, OutputFormat {
  case text, markdown, json
}

/// `status --format`.
enum StatusFormat: String, OutputFormat {
  case text, markdown, json
}

/// `validate --format` and `check --format`.
enum ReportFormat: String, OutputFormat {
  case text, json
}
