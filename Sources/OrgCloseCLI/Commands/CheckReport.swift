import ClosurePlanner
import OrgGraph
import PlanFiles
import PlanRendering

/// The words of `orgclose check`: the verdict, why, and the command that replans.
struct CheckReport {
  var planFile: String
  var run: PlanningRun
  var plan: ClosurePlan
  var check: PlanCheck

  /// The widest line, as in the other terminal output.
  static let width = 100

  /// The verdict: `PLAN: stale`, then why, wrapped at 100 columns, and for a plan that is not
  /// fresh the command that replans, on one line so that it can be copied.
  ///
  /// - Parameter policyStart: The current policy's `startDate`, noted when it is not the
  ///   plan's (the check always keeps the plan's).
  /// - Returns: The lines, without line breaks.
  func verdictLines(policyStart: CalendarDay?) -> [String] {
    let (title, explanation) = verdict
    var lines = [TextEscaping.terminal("\(planFile): \(title)")]
    lines += TextFormatting.wrapped(
      explanation, width: Self.width, firstIndent: "  ", indent: "  ")
    if let policyStart, policyStart != plan.startDate {
      lines += TextFormatting.wrapped(
        "Note: the policy starts on \(policyStart), but the plan starts on \(plan.startDate) "
          + "(made with --start?); the check keeps the plan's start date.",
        width: Self.width, firstIndent: "  ", indent: "  ")
    }
    if !check.isFresh {
      lines.append("  " + TextEscaping.terminal(replanCommand))
    }
    return lines
  }

  private var verdict: (title: String, explanation: String) {
    switch check.verdict {
    case .inputsUnchanged:
      return (
        "fresh (inputs unchanged)",
        (run.policyFile == nil ? "The snapshot has" : "The snapshot and the policy have")
          + " the digests the plan records, and the plan is what they produce."
      )
    case .inputsChangedPlanSame:
      return (
        "fresh (inputs changed but the plan is the same)",
        "The inputs changed (\(inputChanges)), but they produce the same plan."
      )
    case .stale:
      return (
        "stale",
        "The inputs changed (\(inputChanges)) and so does the plan. Review the changes below and "
          + "replan before acting:"
      )
    case .editedByHand:
      return (
        "edited by hand",
        "Its inputs are unchanged, but it is not the plan they produce. The changes below "
          + "restore it; replan to undo the edit:"
      )
    case .otherGenerator(let generator):
      return (
        "made by another orgclose version (\(generator); this is \(OrgCloseVersion.generator))",
        "Its inputs are unchanged, but this version plans them differently. Review the changes "
          + "below and replan with this version:"
      )
    }
  }

  /// `snapshot changed, policy unchanged`.
  private var inputChanges: String {
    var parts = ["snapshot \(check.snapshot.rawValue)"]
    switch check.policy {
    case .unchanged, .changed: parts.append("policy \(check.policy.rawValue)")
    case .added: parts.append("policy added: the plan was made without one")
    case .missing: parts.append("no policy given: the plan was made with one; pass --policy")
    }
    return parts.joined(separator: ", ")
  }

  /// The `orgclose plan` command that writes the plan the inputs produce over the plan file.
  var replanCommand: String {
    var words = ["orgclose", "plan", run.snapshotFile]
    if let policy = run.policyFile { words += ["--policy", policy] }
    words += ["--start", plan.startDate.description]
    if let redacted = plan.redacted, !redacted.isEmpty {
      words += redacted.contains("names") ? ["--redact", "names"] : ["--redact"]
    }
    words += ["--out", planFile]
    return words.map(Self.shellQuoted).joined(separator: " ")
  }

  /// `word` as one shell word: as it is when it is plain, else in single quotes.
  private static func shellQuoted(_ word: String) -> String {
    let plain = word.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "-_./=:@%+,".unicodeScalars.contains($0)
    }
    if plain && !word.isEmpty { return word }
    return "'" + word.replacing("'", with: "'\\''") + "'"
  }
}
