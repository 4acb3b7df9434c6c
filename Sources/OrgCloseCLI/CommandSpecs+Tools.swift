/// The declarations of the commands that make files or print scripts and help: snapshot,
/// generate, guard-policy, completion and help.
extension CommandSpec {
  static let snapshot = CommandSpec(
    name: "snapshot",
    summary: "Read the organization through the aws CLI, or saved aws output",
    options: [
      .init(name: "profile", value: .required("NAME"), summary: "Passed to aws as --profile."),
      .init(name: "region", value: .required("NAME"), summary: "Passed to aws as --region."),
      .init(
        name: "endpoint-url", value: .required("URL"),
        summary: "Passed to aws as --endpoint-url (for a local emulator)."),
      .init(name: "no-costs", value: .none, summary: "Do not read Cost Explorer."),
      .init(
        name: "tags", value: .none,
        summary: "Also read every account's tags (one request per account)."),
      .init(
        name: "parallel", value: .required("N"),
        summary: "aws processes run at once (1-32, default 4)."),
      .init(
        name: "aws-timeout", value: .required("SECONDS"),
        summary: "How long one aws process may run before it is killed and the call counts as "
          + "failed (1-86400; default 300, or the ORGCLOSE_AWS_TIMEOUT environment variable)."),
      .out(
        "Write the snapshot there (atomically); without it, or with -, to standard output."),
      .init(
        name: "from-cli-output", value: .required("DIR"),
        summary: "Build the snapshot from JSON files saved from aws organizations commands "
          + "instead (see the README for the list).", completion: .directory),
    ],
    forms: [
      .init(options: [
        "profile", "region", "endpoint-url", "no-costs", "tags", "parallel", "aws-timeout", "out",
      ]),
      .init(options: ["from-cli-output", "out"], required: ["from-cli-output"]),
    ],
    about: """
      Reads the organization through your own aws CLI (v1 or v2) and writes the snapshot that \
      plan, blockers and validate read. Run it with the management account's credentials; \
      orgclose never reads, stores or prints them: the CLI finds them from the profile, SSO, \
      environment or instance role as it always does.

      It reads the organization, the root, the OU tree by one walk from the root (one \
      list-organizational-units-for-parent and one list-accounts-for-parent per parent, paged \
      at 20), delegated administrators and their services, open invitations, responsibility \
      transfers, trusted-access services, centralized root access (iam \
      list-organizations-features) and last month's cost per account, service and Region \
      (Cost Explorer: 1 + one request per Region with cost, USD 0.01 each). A failure in the \
      tree exits 75 and writes nothing; a failure in any other section is recorded in the \
      snapshot's gaps, which the planner reports. See 'orgclose help snapshot-format'.
      """,
    footer: """
      Throttled and transient failures are retried: the aws CLI's own retries are set to \
      AWS_RETRY_MODE=adaptive and AWS_MAX_ATTEMPTS=5 unless you set them, and orgclose re-runs \
      a call up to 3 times on top. A progress line is shown when standard error is a \
      terminal. Exit 69 when aws is not installed, 75 when AWS keeps failing or refuses a \
      call the tree needs, 65 for unreadable output, 66 for a missing folder.

      Example:
        orgclose snapshot --profile org-management --out org.snapshot.json
      """)

  static let generate = CommandSpec(
    name: "generate",
    summary: "Write a seeded synthetic organization snapshot (demos, benchmarks)",
    positionalsAreFiles: false,
    options: [
      .init(
        name: "accounts", value: .required("N"),
        summary: "Accounts, the management account included (1-1000000).", isRequired: true),
      .init(
        name: "ous", value: .required("N"),
        summary: "OUs (default: the accounts / 50, at least --depth)."),
      .init(name: "depth", value: .required("N"), summary: "OU levels (1-5, default 5)."),
      .init(
        name: "seed", value: .required("N"),
        summary: "The same seed (default 1) always gives the same file."),
      .out("Write the snapshot there; without it, or with -, to standard output."),
    ],
    about: """
      Writes a synthetic organization snapshot: N accounts over OUs nested up to --depth \
      levels, with a mix of states, joined methods, delegated administrators and cost rows.
      """)

  static let guardPolicy = CommandSpec(
    name: "guard-policy",
    summary: "Print an IAM policy that denies CloseAccount on the protected accounts",
    positionals: ["SNAPSHOT"],
    options: [
      .policy(required: true),
      .out("Write the IAM policy there (atomically); without it, to standard output."),
    ],
    about: """
      Prints an IAM policy (JSON) that denies organizations:CloseAccount on every account in \
      the policy's protectedAccounts, by ARN. Attach it to the management account's roles and \
      users (or permission sets) that could run the plan: service control policies never \
      apply to the management account, so only an IAM policy there can stop it from closing a \
      member (AWS rule B14). Removal stays allowed: protected accounts leave by removal.
      """,
    footer: """
      Example:
        orgclose guard-policy org.snapshot.json --policy closure.policy.json --out guard.json
        aws iam create-policy --policy-name orgclose-guard --policy-document file://guard.json
        aws iam attach-role-policy --role-name ROLE --policy-arn POLICY_ARN

      Lift it with 'aws iam detach-role-policy' and 'aws iam delete-policy'.
      """)

  static let completion = CommandSpec(
    name: "completion",
    summary: "Print a bash or zsh completion script",
    positionals: ["bash|zsh"],
    positionalsAreFiles: false,
    about: """
      Prints a script that completes orgclose's commands, their options and the values of \
      --format. 'make install' installs both; to try one in the current shell:
      """,
    footer: """
        source <(orgclose completion bash)
        source <(orgclose completion zsh)
      """)

  static let help = CommandSpec(
    name: "help",
    summary: "Show help for a command or a file format",
    positionals: ["[COMMAND|TOPIC]"],
    positionalsAreFiles: false,
    options: [
      .init(name: "man", value: .none, summary: "Print the whole manual as a man page (roff).")
    ],
    about: """
      Shows the help page of a command, or of a topic: policy (every key of \
      closure.policy.json), snapshot-format (org.snapshot.json) and plan-format (plan.json).
      """)
}
