extension FindingCode {
  /// What to do about a finding of this code, where it is always the same.
  ///
  /// The preparation rules' remediations and the spending one. Plan format 2 stores a
  /// finding's remediation only where it is not this.
  public var standardRemediation: String? { Self.standardRemediations[self] }

  private static let standardRemediations: [FindingCode: String] = {
    var table: [FindingCode: String] = [.ongoingSpend: ongoingSpendRemediation]
    for rule in PreparationRule.beforeSpending + PreparationRule.afterSpending {
      if let warning = rule.warning { table[warning.code] = warning.remediation }
    }
    return table
  }()

  static let ongoingSpendRemediation =
    "Terminate what should stop before closing; expect one more bill"
}
