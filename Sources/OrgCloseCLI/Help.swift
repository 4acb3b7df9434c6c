import ClosurePlanner

/// The help texts: one overview and one page per command.
enum Help {
  static let version = OrgCloseVersion.current

  static let overview = """
    orgclose \(version): plan the shutdown of a whole AWS organization

    Usage: orgclose COMMAND [ARGUMENTS] [OPTIONS]

    Commands:
      plan          Compute the dated, ordered shutdown plan from a snapshot and a policy
      blockers      List per account what blocks the shutdown or puts money or data at risk
      validate      Check a snapshot (and a policy) without planning
      render        Print a saved plan.json as text, Markdown, Mermaid or DOT
      generate      Write a seeded synthetic organization snapshot (demos, benchmarks)
      guard-policy  Print an IAM policy that denies CloseAccount on the protected accounts
      help          Show help for a command

    Run 'orgclose help COMMAND' or 'orgclose COMMAND --help' for details.

    Exit statuses: 0 success, 1 unexpected failure, 2 blocking findings, 3 stale plan,
    64 usage, 65 bad input data, 66 missing input file, 69 aws CLI missing,
    74 output not written, 75 AWS still failing after retries.

    """

  static let pages: [String: String] = [
    "plan": """
      Usage: orgclose plan SNAPSHOT [--policy FILE] [--start YYYY-MM-DD] [--out plan.json]
                           [--format text|json|markdown|mermaid|dot] [--fail-on-blocking]
                           [--redact [names]]

      Computes the shutdown plan: every step with its prerequisites, wave and earliest date,
      the CloseAccount quota calendar, and the findings that block or warn.

      Options:
        --policy FILE        The closure policy (closure.policy.json); without it every
                             account gets the strategy's defaults.
        --start DATE         First day of the plan (default: the policy's startDate, else
                             today in UTC). Fix it to get the same plan on any day.
        --out FILE           Write plan.json there (atomically; never an input file).
        --format F           What to print: text (default), json, markdown, mermaid, dot.
        --fail-on-blocking   Exit 2 when the plan has a blocking finding.
        --redact [names]     Replace root e-mail addresses (and account names) with stable
                             placeholders; the plan records that it was redacted.

      Example:
        orgclose plan org.snapshot.json --policy closure.policy.json --start 2026-12-01 \\
          --out plan.json

      """,
    "blockers": """
      Usage: orgclose blockers SNAPSHOT [--policy FILE] [--start YYYY-MM-DD]
                               [--format text|json|markdown]

      Lists, organization first and then per account, every finding: blocking (a person
      must decide or fix something before the step can succeed), warning (money, data or
      recoverability at risk) and info (handled by the plan).

      --redact [names] replaces e-mail addresses (and account names) with placeholders.

      Exit status 2 when anything blocks, 0 otherwise.

      """,
    "validate": """
      Usage: orgclose validate SNAPSHOT [--policy FILE]

      Reads the snapshot and checks its structure: IDs and their formats, parents that
      resolve, no cycles, at most five OU levels, one root, the management account present.
      With --policy, also checks the policy and that every account it names is in the
      snapshot. Plans nothing. Exit 65 with a one-line message naming the file and JSON path
      of the first problem.

      """,
    "render": """
      Usage: orgclose render PLAN --format text|json|markdown|mermaid|dot

      Prints a plan.json written by 'orgclose plan --out' in another form.
      --redact [names] replaces e-mail addresses (and account names) with placeholders.

      """,
    "generate": """
      Usage: orgclose generate --accounts N [--ous N] [--depth N] [--seed N] [--out FILE]

      Writes a synthetic organization snapshot: N accounts (the management account
      included) over OUs nested up to --depth levels (1-5, default 5), with a mix of states,
      joined methods, delegated administrators and cost rows. The same --seed (default 1)
      always gives the same file. Without --out the snapshot goes to standard output.

      """,
    "guard-policy": """
      Usage: orgclose guard-policy SNAPSHOT --policy FILE [--out FILE]

      Prints an IAM policy (JSON) that denies organizations:CloseAccount on every account in
      the policy's protectedAccounts, by ARN. Attach it to the management account's roles and
      users (or permission sets) that could run the plan: service control policies never
      apply to the management account, so only an IAM policy there can stop it from closing
      a member (AWS rule B14). Removal stays allowed: protected accounts leave by removal.

        orgclose guard-policy org.snapshot.json --policy closure.policy.json --out guard.json
        aws iam create-policy --policy-name orgclose-guard --policy-document file://guard.json
        aws iam attach-role-policy --role-name ROLE --policy-arn POLICY_ARN

      Lift it with 'aws iam detach-role-policy' and 'aws iam delete-policy'.

      """,
    "help": """
      Usage: orgclose help [COMMAND]

      """,
  ]

  static func text(for command: String) -> String? { pages[command] }
}
