/// `-` as a file argument, as the `aws` CLI and jq read it: standard input for an input,
/// standard output for `--out`.
enum DashArgument {
  /// Standard input can be read once, so at most one of a command's inputs can be `-`.
  static func checkOneStandardInput(_ files: [String?], command: String) throws(UsageError) {
    guard files.filter({ $0 == "-" }).count > 1 else { return }
    throw UsageError(
      "\(command): only one input can be - (standard input)", command: command)
  }

  /// The file `--out` names, or `nil` when it names standard output (`-`, or no `--out`).
  static func outputFile(_ value: String?) -> String? { value == "-" ? nil : value }
}
