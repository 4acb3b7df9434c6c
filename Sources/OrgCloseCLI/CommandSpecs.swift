/// The declaration of every command: what help, completion, the man page and the parser read.
extension CommandSpec {
  /// Every command, in the overview's order.
  static let all: [CommandSpec] = [
    plan, blockers, snapshot, validate, render, diff, check, apply, done, status, generate,
    guardPolicy, completion, help,
  ]

  /// The command called `name`.
  static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

  /// The formats of `plan --format` and `render --format`.
  static let planFormats = ["text", "json", "markdown", "mermaid", "gantt", "dot"]

  static let plan = CommandSpec(
    name: "plan",
    summary: "Compute the dated, ordered shutdown plan from a snapshot and a policy",
    positionals: ["SNAPSHOT"],
    options: [
      .policy(), .start,
      .out(
        "Write plan.json there (atomically; never an input file) and print a short summary "
          + "instead of the plan, unless --format asks for it; --out - prints plan.json on "
          + "standard output instead."),
      .format(
        planFormats,
        "What to print: text (default; coloured on a terminal unless NO_COLOR is set), json, "
          + "markdown, mermaid, gantt, dot."),
      .init(
        name: "fail-on-blocking", value: .none,
        summary: "Exit 2 when the plan has a blocking finding (the plan is still written)."),
      .redact,
    ],
    about: """
      Computes the shutdown plan: every step with its prerequisites, wave and earliest date, \
      the CloseAccount quota calendar, and the findings that block or warn. The plan records \
      that it was redacted.
      """,
    footer: """
      Example:
        orgclose plan org.snapshot.json --policy closure.policy.json --start 2026-12-01 \\
          --out plan.json
      """)

  static let blockers = CommandSpec(
    name: "blockers",
    summary: "List per account what blocks the shutdown or puts money or data at risk",
    positionals: ["SNAPSHOT"],
    options: [
      .policy(), .start,
      .format(
        ["text", "json", "markdown", "csv"],
        "text (default; severities coloured on a terminal unless NO_COLOR is set), json, "
          + "markdown (tables for a pull-request comment) or csv (one row per finding: "
          + "account, ou_path, code, severity, message, remediation; RFC 4180, formula-like "
          + "cells prefixed with ')."),
      .redact,
    ],
    about: """
      Lists, organization first and then per account, every finding: blocking (a person must \
      decide or fix something before the step can succeed), warning (money, data or \
      recoverability at risk) and info (handled by the plan).
      """,
    footer: """
      Exit status 2 when anything blocks, 0 otherwise.

      Example:
        orgclose blockers org.snapshot.json --policy closure.policy.json --format csv \\
          > blockers.csv
      """)

  static let validate = CommandSpec(
    name: "validate",
    summary: "Check a snapshot (and a policy) without planning",
    positionals: ["SNAPSHOT"],
    options: [
      .policy(),
      .format(
        ["text", "json"],
        "text (default) or json: {snapshot: {file, digest, valid, organization, "
          + "organizationalUnits, accounts, members}, policy: {file, digest, valid}}."),
    ],
    about: """
      Reads the snapshot and checks its structure: IDs and their formats, parents that \
      resolve, no cycles, at most five OU levels, one root, the management account present. \
      With --policy, also checks the policy and that every account it names is in the \
      snapshot. Plans nothing. Exit 65 with a one-line message naming the file and JSON path \
      of the first problem.
      """)

  static let render = CommandSpec(
    name: "render",
    summary: "Print a saved plan.json as text, Markdown, Mermaid, a Gantt chart or DOT",
    positionals: ["PLAN"],
    options: [
      .format(planFormats, "text (default), json, markdown, mermaid, gantt or dot."),
      .init(
        name: "account", value: .required("ID"),
        summary: "Show everything the plan says about this account instead (text)."),
      .init(
        name: "ou", value: .required("PATH"),
        summary: "The same for every account at or below this OU path (Root/Prod)."),
      .redact,
    ],
    about: "Prints a plan.json written by 'orgclose plan --out' in another form.")

  static let diff = CommandSpec(
    name: "diff",
    summary: "Show what changed between two plans, by step and account",
    positionals: ["OLD_PLAN", "NEW_PLAN"],
    options: [
      .format(
        ["text", "markdown", "json"],
        "text (default), markdown (a pull-request comment, kept under GitHub's comment size "
          + "limit) or json."),
      .init(
        name: "redact", value: .optional("names", choices: ["emails", "names"]),
        summary: "Replace root e-mail addresses (and account names) in both plans with stable "
          + "placeholders before comparing."),
    ],
    about: """
      Shows what changed between two plan.json files, matched by stable step ID and account \
      ID: plan-level values (strategy, start date, close quota, summary); per account, its \
      state, OU path, disposition and finding codes, and the steps it affects (added, removed, \
      or changed in dependencies, wave, window or date); findings added or resolved. \
      Identical plans say so. Exits 0 whenever both plans can be read.
      """,
    footer: """
      Example:
        orgclose diff main/plan.json plan.json --format markdown > plan-diff.md
      """)

  static let check = CommandSpec(
    name: "check",
    summary: "Tell whether a plan is still what the current snapshot and policy give",
    positionals: ["PLAN"],
    options: [
      .init(
        name: "snapshot", value: .required("SNAPSHOT"),
        summary: "The organization as it is now (a new orgclose snapshot).", isRequired: true,
        completion: .file),
      .init(
        name: "policy", value: .required("FILE"),
        summary: "The current policy; required when the plan was made with one (check then "
          + "exits 64 and names the digest the plan records).", completion: .file),
      .format(
        ["text", "json"],
        "text (default) or json: {plan, verdict, fresh, generator, inputs: {snapshot, policy: "
          + "{status, recorded, current}}, replan, changes: {fields, organizationSteps, "
          + "organizationFindings, accounts}}; see the README."),
    ],
    about: """
      Tells whether PLAN is still right for the organization as it is now. It recomputes the \
      plan from SNAPSHOT and the policy with the plan's own start date (and redaction) and \
      compares the two:

        fresh, inputs unchanged   the files have the digests the plan records, and the plan
                                  is what they produce
        fresh, inputs changed     the files changed, but they give the same plan
        stale                     the files changed and so does the plan: check lists what
                                  replanning changes for the organization (invitations,
                                  transfers, dates), then per account what changed (state,
                                  OU path, new or removed account, delegated administrators,
                                  findings) and the steps it affects
        edited by hand            the files have the recorded digests, but the plan is not
                                  what they produce (or another orgclose version made it;
                                  check says which)

      A plan that is not fresh comes with the orgclose plan command that replans it, keeping \
      the plan's start date and redaction. Run check just before acting on a plan, on a \
      snapshot taken then.
      """,
    footer: """
      Exit status 0 when the plan is fresh, 3 when it is stale or edited.

      Example:
        orgclose check plan.json --snapshot org.snapshot.json --policy closure.policy.json
      """)

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
