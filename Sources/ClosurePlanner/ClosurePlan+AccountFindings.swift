package import OrgGraph

extension ClosurePlan {
  /// The codes of the findings about each account, in findings order, each once: what an
  /// account entry's `findings` lists, for the planner and for the plan reader alike.
  package static func findingCodesByAccount(_ findings: [Finding]) -> [AccountID: [FindingCode]] {
    var codes: [AccountID: [FindingCode]] = [:]
    for index in findings.indices {
      guard let account = findings[index].account else { continue }
      let code = findings[index].code
      if codes[account]?.contains(code) != true { codes[account, default: []].append(code) }
    }
    return codes
  }
}
