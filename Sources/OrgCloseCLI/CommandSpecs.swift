/// The declaration of every command: what help, completion, the man page and the parser read.
///
/// The commands that plan and review are here; the others in `CommandSpecs+Tools.swift`.
extension CommandSpec {
  /// Every command, in the overview's order.
  static let all: [CommandSpec] = [
    plan, blockers, snapshot, validate, render, diff, check, apply, done, status, rehearse,
    generate,
    guardPolicy, completion, help,
  ]

  /// The command called `name`.
  static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

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
        PlanFormat.self,
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
        BlockersFormat.self,
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
        ReportFormat.self,
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
      .format(PlanFormat.self, "text (default), json, markdown, mermaid, gantt or dot."),
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
        DiffFormat.self,
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
        ReportFormat.self,
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
}
