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
      snapshot      Read the organization through the aws CLI, or saved aws output
      validate      Check a snapshot (and a policy) without planning
      render        Print a saved plan.json as text, Markdown, Mermaid or DOT
      diff          Show what changed between two plans, by step and account
      check         Tell whether a plan is still what the current snapshot and policy give
      generate      Write a seeded synthetic organization snapshot (demos, benchmarks)
      guard-policy  Print an IAM policy that denies CloseAccount on the protected accounts
      help          Show help for a command

    Run 'orgclose help COMMAND' or 'orgclose COMMAND --help' for details.

    Any file argument can be - for standard input (one per command), and --out - is
    standard output.

    Exit statuses: 0 success, 1 unexpected failure, 2 blocking findings, 3 stale plan,
    64 usage, 65 bad input data, 66 missing input file, 69 aws CLI missing or not
    runnable, 74 output (or standard output) not written, 75 AWS still failing after
    retries or an aws call timed out, 128+N interrupted by signal N.

    """

  static let pages: [String: String] = [
    "plan": """
    Usage: orgclose plan SNAPSHOT [--policy FILE] [--start YYYY-MM-DD] [--out plan.json]
                         [--format text|json|markdown|mermaid|gantt|dot] [--fail-on-blocking]
                         [--redact [names]]

    Computes the shutdown plan: every step with its prerequisites, wave and earliest date,
    the CloseAccount quota calendar, and the findings that block or warn.

    Options:
      --policy FILE        The closure policy (closure.policy.json); without it every
                           account gets the strategy's defaults.
      --start DATE         First day of the plan (default: the policy's startDate, else
                           today in UTC). Fix it to get the same plan on any day.
      --out FILE           Write plan.json there (atomically; never an input file);
                           --out - prints plan.json on standard output instead of
                           the rendered plan.
      --format F           What to print: text (default), json, markdown, mermaid, gantt,
                           dot.
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
    Usage: orgclose render PLAN --format text|json|markdown|mermaid|gantt|dot

    Prints a plan.json written by 'orgclose plan --out' in another form.
    --redact [names] replaces e-mail addresses (and account names) with placeholders.

    """,
    "snapshot": """
    Usage: orgclose snapshot [--profile NAME] [--region NAME] [--endpoint-url URL]
                             [--no-costs] [--tags] [--parallel N] [--aws-timeout SECONDS]
                             [--out FILE]
           orgclose snapshot --from-cli-output DIR [--out FILE]

    Reads the organization through your own aws CLI (v1 or v2) and writes the snapshot
    that plan, blockers and validate read. Run it with the management account's
    credentials; orgclose never reads, stores or prints them: the CLI finds them from the
    profile, SSO, environment or instance role as it always does.

    It reads the organization, the root, the OU tree by one walk from the root (one
    list-organizational-units-for-parent and one list-accounts-for-parent per parent,
    paged at 20), delegated administrators and their services, open invitations,
    responsibility transfers, trusted-access services, centralized root access
    (iam list-organizations-features) and last month's cost per account, service and
    Region (Cost Explorer: 1 + one request per Region with cost, USD 0.01 each).
    A failure in the tree exits 75 and writes nothing; a failure in any other section is
    recorded in the snapshot's gaps, which the planner reports.

    Options:
      --profile NAME        Passed to aws as --profile.
      --region NAME         Passed to aws as --region.
      --endpoint-url URL    Passed to aws as --endpoint-url (for a local emulator).
      --no-costs            Do not read Cost Explorer.
      --tags                Also read every account's tags (one request per account).
      --parallel N          aws processes run at once (1-32, default 4).
      --aws-timeout SECONDS How long one aws process may run before it is killed and
                            the call counts as failed (1-86400; default 300, or the
                            ORGCLOSE_AWS_TIMEOUT environment variable).
      --out FILE            Write the snapshot there (atomically); without it, or with
                            -, to standard output.
      --from-cli-output DIR Build the snapshot from JSON files saved from aws
                            organizations commands instead (see the README for the list).

    Throttled and transient failures are retried: the aws CLI's own retries are set to
    AWS_RETRY_MODE=adaptive and AWS_MAX_ATTEMPTS=5 unless you set them, and orgclose
    re-runs a call up to 3 times on top. A progress line is shown when standard error is
    a terminal. Exit 69 when aws is not installed, 75 when AWS keeps failing or refuses
    a call the tree needs, 65 for unreadable output, 66 for a missing folder.

    Example:
      orgclose snapshot --profile org-management --out org.snapshot.json

    """,
    "diff": """
    Usage: orgclose diff OLD_PLAN NEW_PLAN [--format text|markdown] [--redact [names]]

    Shows what changed between two plan.json files, matched by stable step ID and account
    ID: plan-level values (strategy, start date, close quota, summary); per account, its
    state, OU path, disposition and finding codes, and the steps it affects (added,
    removed, or changed in dependencies, wave, window or date); findings added or
    resolved. Identical plans say so. Exits 0 whenever both plans can be read.

    Options:
      --format F           text (default) or markdown (a pull-request comment, kept under
                           GitHub's comment size limit).
      --redact [names]     Replace root e-mail addresses (and account names) in both plans
                           with stable placeholders before comparing.

    Example:
      orgclose diff main/plan.json plan.json --format markdown > plan-diff.md

    """,
    "check": """
    Usage: orgclose check PLAN --snapshot SNAPSHOT [--policy FILE]

    Tells whether PLAN is still right for the organization as it is now. It recomputes the
    plan from SNAPSHOT and the policy with the plan's own start date (and redaction) and
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

    Run it just before acting on a plan, on a snapshot taken then.
    Exit status 0 when the plan is fresh, 3 when it is stale or edited.

    Example:
      orgclose check plan.json --snapshot org.snapshot.json --policy closure.policy.json

    """,
    "generate": """
    Usage: orgclose generate --accounts N [--ous N] [--depth N] [--seed N] [--out FILE]

    Writes a synthetic organization snapshot: N accounts (the management account
    included) over OUs nested up to --depth levels (1-5, default 5), with a mix of states,
    joined methods, delegated administrators and cost rows. The same --seed (default 1)
    always gives the same file. Without --out (or with --out -) the snapshot goes to
    standard output.

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
