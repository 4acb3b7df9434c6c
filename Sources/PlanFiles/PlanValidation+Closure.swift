import ClosurePlanner
import OrgGraph

extension PlanFiles {
  /// The actions of the steps that close an account.
  static let closingActions: Set<StepAction.Name> = [
    .closeAccount, .closeAccountAsRoot, .closeStandaloneAccount, .closeManagementAccount,
  ]

  /// Checks what makes a plan safe to act on, beyond its shape: the inputs' digests are
  /// digests, the management account is listed and closed last and by its own step, no
  /// protected account is closed, and the member count is the plan's.
  ///
  /// - Parameters:
  ///   - plan: The plan, as read.
  ///   - invalid: Makes the error for a JSON path and a message.
  /// - Throws: The error `invalid` makes for the first problem.
  static func checkClosureInvariants(
    _ plan: ClosurePlan, invalid: (String, String) -> PlanFileError
  ) throws(PlanFileError) {
    for (path, digest) in [
      ("inputs.snapshot", plan.inputs.snapshot), ("inputs.policy", plan.inputs.policy),
    ] {
      if let digest, !isDigest(digest) {
        throw invalid(
          path, "\"\(digest)\" is not a digest (expected \"sha256:\" and 64 hex digits)")
      }
    }
    let management = plan.organization.managementAccountId
    var protected: Set<AccountID> = []
    var listsManagement = false
    // Records are read in place, as `validated` reads them: copying one retains its strings.
    plan.accounts.withUnsafeBufferPointer { accounts in
      for index in accounts.indices {
        if accounts[index].id == management { listsManagement = true }
        if accounts[index].isProtected {
          protected.insert(accounts[index].id)
        }
      }
    }
    guard listsManagement else {
      throw invalid(
        "organization.managementAccountId", "\"\(management)\" is not one of the plan's accounts")
    }
    guard plan.organization.memberCount == plan.accounts.count - 1 else {
      throw invalid(
        "organization.memberCount",
        "\(plan.organization.memberCount) does not match the plan's \(plan.accounts.count - 1) "
          + "member accounts")
    }
    var lastOther: (wave: Int, index: Int)?
    var closure: (index: Int, wave: Int)?
    try plan.steps.withUnsafeBufferPointer { steps throws(PlanFileError) in
      for index in steps.indices {
        let action = steps[index].action.name
        let closesManagement = action == .closeManagementAccount
        if closingActions.contains(action), let account = steps[index].account {
          let id = steps[index].id
          if protected.contains(account) {
            throw invalid(
              "steps[\(index)]", "\"\(id)\" closes \(account), which the plan lists as protected")
          }
          if (account == management) != closesManagement {
            throw invalid(
              "steps[\(index)]",
              account == management
                ? "\"\(id)\" closes the management account; only close-management-account, last, "
                  + "may"
                : "\"\(id)\" closes \(account) as the management account, which is \(management)")
          }
        }
        if closesManagement {
          closure = (index, steps[index].wave)
        } else if steps[index].wave >= lastOther?.wave ?? .min {
          lastOther = (steps[index].wave, index)
        }
      }
    }
    if let closure, let lastOther, lastOther.wave >= closure.wave {
      throw invalid(
        "steps[\(closure.index)]",
        "\"\(plan.steps[closure.index].id)\" (wave \(closure.wave)) is not after every other step "
          + "(\"\(plan.steps[lastOther.index].id)\" is in wave \(lastOther.wave)); the management "
          + "account is closed last")
    }
  }

  /// Whether `text` is `sha256:` and 64 lowercase hex digits, as `digest(_:)` writes it.
  private static func isDigest(_ text: String) -> Bool {
    let hex = text.utf8.dropFirst(7)
    return text.hasPrefix("sha256:") && hex.count == 64
      && hex.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }
}
