/// The kinds of file orgclose reads, with the bounds each is held to, and the kinds it can
/// tell apart from them when one is given where another is expected.
public enum FileKind: Sendable, Equatable, CustomStringConvertible {
  case snapshot
  case policy
  case plan
  /// The IAM policy `orgclose guard-policy` writes.
  case iamPolicy
  /// What an `aws organizations` command prints, saved to a file.
  case awsCLIOutput

  public var description: String {
    switch self {
    case .snapshot: "a snapshot"
    case .policy: "a closure policy"
    case .plan: "a plan"
    case .iamPolicy: "an IAM policy"
    case .awsCLIOutput: "saved aws CLI output"
    }
  }

  /// The largest file of this kind orgclose reads, in bytes; anything larger is refused
  /// before it is read.
  ///
  /// A generated snapshot takes about 360 bytes per account, so 128 MiB holds some 350,000
  /// accounts (AWS organizations hold tens of thousands). A plan takes about 2,000 bytes per
  /// account, so 512 MiB holds some 250,000. A policy is written by hand.
  public var maximumFileBytes: Int {
    switch self {
    case .snapshot: 128 << 20
    case .plan: 512 << 20
    case .policy, .iamPolicy, .awsCLIOutput: 64 << 20
    }
  }

  /// What one value may be.
  ///
  /// No AWS value in a snapshot is longer than an ARN (2,048
  /// characters); a policy's `notes` are prose, and a plan's texts quote them.
  var limits: StrictJSON.Limits {
    switch self {
    case .snapshot, .awsCLIOutput, .iamPolicy: StrictJSON.Limits(maximumStringBytes: 4 << 10)
    case .policy: StrictJSON.Limits(maximumStringBytes: 16 << 10)
    case .plan: StrictJSON.Limits(maximumStringBytes: 64 << 10)
    }
  }

  /// `maximumFileBytes` in words, for the error that refuses a larger file.
  var sizeLimitText: String {
    switch self {
    case .snapshot: "128 MiB (about 350,000 accounts)"
    case .plan: "512 MiB (about 250,000 accounts)"
    case .policy, .iamPolicy, .awsCLIOutput: "64 MiB"
    }
  }

  /// The kind a document's top-level keys say it is, or `nil` when they do not tell.
  ///
  /// Only keys that belong to one kind count: a policy also has `accounts` and
  /// `organization`, a plan also has `strategy` and `startDate`.
  static func recognised(byTopLevelKeys keys: [String]) -> FileKind? {
    let distinctive: [(FileKind, Set<String>)] = [
      (
        .snapshot,
        ["roots", "organizationalUnits", "capturedAt", "collector", "gaps", "handshakes"]
      ),
      (.policy, ["protectedAccounts", "defaults", "management", "closuresInLast30Days"]),
      (.plan, ["generator", "steps", "summary", "findings", "inputs"]),
      (.iamPolicy, ["Version", "Statement"]),
      (
        .awsCLIOutput,
        ["Accounts", "Organization", "Roots", "OrganizationalUnits", "DelegatedAdministrators"]
      ),
    ]
    let matches = distinctive.filter { _, marks in keys.contains(where: marks.contains) }
    return matches.count == 1 ? matches[0].0 : nil
  }

  /// Why a file of this kind is not of `expected` kind, in the words of the error.
  func mismatch(expected: FileKind) -> String {
    "this is \(self), not \(expected)"
  }
}
