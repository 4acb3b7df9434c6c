import ClosurePlanner

/// `--redact` (addresses) and `--redact names` (addresses and account names).
enum RedactOption {
  /// The redaction asked for, or `nil` when `--redact` was not given.
  static func redaction(_ arguments: Arguments) -> PlanRedaction? {
    guard let value = arguments.value("redact") else { return nil }
    return PlanRedaction(emails: true, names: value == "names")
  }
}
