/// The declarations of the commands that carry out a plan.
extension CommandSpec {
  static let journalOption = CommandSpec.Option(
    name: "journal", value: .required("FILE"),
    summary: "The run's journal (JSON Lines, append-only); created by the first apply.",
    isRequired: true, completion: .file)

  static let apply = CommandSpec(
    name: "apply",
    summary: "Carry out the API steps of an approved plan that are due now",
    positionals: ["PLAN"],
    options: [
      journalOption,
      .init(
        name: "confirm", value: .required("ORG_ID"),
        summary: "The plan's organization ID, typed out: apply refuses anything else.",
        isRequired: true),
      .init(name: "profile", value: .required("NAME"), summary: "Passed to aws as --profile."),
      .init(name: "region", value: .required("NAME"), summary: "Passed to aws as --region."),
      .init(
        name: "endpoint-url", value: .required("URL"),
        summary: "Passed to aws as --endpoint-url (for a local emulator)."),
      .init(
        name: "snapshot", value: .required("SNAPSHOT"),
        summary: "A snapshot taken less than 24 hours ago, instead of taking one.",
        completion: .file),
      .policy(),
      .init(
        name: "max-duration", value: .required("D"),
        summary: "Stop starting work after this long: 50m (default), 2h, 90s."),
      .init(
        name: "poll-interval", value: .required("SECONDS"),
        summary: "Seconds between describe-account polls of a closing account (default 30)."),
      .init(
        name: "dry-run", value: .none,
        summary: "Print what would run now and what waits, and change nothing."),
    ],
    about: """
      Carries out the API steps of PLAN that are due now, paced at AWS's limits, and records \
      every call in the journal before and after it is made. It refuses to start unless the \
      plan validates, --confirm names its organization, the caller is its management \
      account, the plan is fresh against the organization as it is now (the same \
      comparison as check, exit 3), and the journal belongs to this organization.

      A step runs when its prerequisites are done in the journal and its date has come; a \
      CloseAccount also waits for the 30-day quota, fewer than 3 closures in progress and \
      20 s since the last one (rules B11-B13). Right before each change the account is read \
      again; a protected, moved or unexpected account is skipped and reported. Manual steps \
      are never done by apply: record them with orgclose done. Run it again (cron, a \
      scheduled workflow) until status says everything is done.
      """,
    footer: """
      Exit status 0 when everything due is done or waits (manual steps nothing due waits on \
      yet are listed as reminders), 2 when a person is what holds the shutdown back now (a \
      step failed, was skipped or is blocked, a read was denied, or due API work waits on a \
      manual step), 3 when the plan is stale, 75 when AWS keeps failing or another run holds \
      the journal, 64 for a wrong --confirm or caller.

      Example:
        orgclose apply plan.json --journal plan.journal --confirm o-abc123defg --dry-run
      """)

  static let done = CommandSpec(
    name: "done",
    summary: "Record that a person did a manual step",
    positionals: ["PLAN", "STEP_ID"],
    options: [
      journalOption,
      .init(
        name: "by", value: .required("NAME"), summary: "Who did it.", isRequired: true),
      .init(name: "note", value: .required("TEXT"), summary: "What was done, for the record."),
    ],
    about: """
      Appends a manual-done record (who, when, the note) for STEP_ID to the journal; apply \
      then continues past it. Only manual steps, and steps apply leaves to a person (those \
      that need sts:AssumeRoot), can be recorded, and only once their prerequisites are done.
      """)

  static let status = CommandSpec(
    name: "status",
    summary: "Show how far a plan has been carried out and what comes next",
    positionals: ["PLAN"],
    options: [
      journalOption,
      .format(
        StatusFormat.self,
        "text (default), markdown (with a Mermaid gantt of planned against actual dates) or "
          + "json."),
    ],
    about: """
      Reads the plan and the journal (never AWS) and shows, per phase and per closure \
      window, how many steps are done, running, due, waiting (until when), waiting on a \
      person (which manual steps, with their tasks), failed or skipped; the next date \
      anything becomes due; and the closures left in the current 30-day window.
      """)

  static let rehearse = CommandSpec(
    name: "rehearse",
    summary: "Run a plan's whole shutdown against a fake organization, in seconds",
    positionals: ["PLAN"],
    options: [
      .init(
        name: "closure-minutes", value: .required("N"),
        summary: "How long a closure takes, typically (default 10; one in ten takes longer)."),
      .init(
        name: "faults", value: .required("SEED"),
        summary: "Inject lost answers, 5xx, time-outs, throttling and crashes, from this seed."),
      .init(
        name: "every", value: .required("D"),
        summary: "Time between two scheduled apply runs: 60m (default, the sample workflow's)."),
      .init(
        name: "max-duration", value: .required("D"),
        summary: "Each run's --max-duration: 50m (default, the sample workflow's)."),
      .init(
        name: "poll-interval", value: .required("SECONDS"),
        summary: "Each run's --poll-interval (default 30)."),
      .init(
        name: "journal", value: .required("FILE"),
        summary: "Keep the rehearsal's journal in this new file (default: a scratch file).",
        completion: .file),
      .format(ReportFormat.self, "text (default) or json."),
    ],
    about: """
      Builds a fake organization from PLAN (its accounts, delegated administrators, \
      invitations and transfers) that behaves as AWS does: closures stay PENDING_CLOSURE \
      for minutes, reads lag and flap, the 30-day quota, 3 closures in flight and 20 s \
      between closures are enforced with AWS's typed refusals. Then runs the whole shutdown \
      on a virtual clock as a scheduler would run apply (every --every, each for \
      --max-duration), with the real engine writing the real journal format, a person \
      recording each manual step when it becomes due. Prints the timeline it achieved \
      beside the plan's, the closures per 30 days against AWS's bound, and every person \
      step, refusal, retry and crash on the way. Nothing is sent to AWS.
      """,
    footer: """
      Exit status 0 when the rehearsal finished every step, 2 when a person or a blocking \
      finding holds it, 1 when a limit was broken or a change sent twice (a bug to report).

      Example:
        orgclose rehearse plan.json --faults 7
      """)
}
