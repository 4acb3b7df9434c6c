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
      Exit status 0 when everything due is done, 2 when a person must act (a manual step is \
      due, a step failed or was skipped), 3 when the plan is stale, 75 when AWS keeps \
      failing or another run holds the journal, 64 for a wrong --confirm or caller.

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
}
