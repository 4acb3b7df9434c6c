import OrgCloseBasics

/// The command line: parses the arguments, runs one command, reports errors once.
public enum CLI: Sendable {
  /// Runs `orgclose` with `arguments` (without the program name) and returns the exit status.
  ///
  /// Output and errors go to `console`; nothing else is written but the files a command is
  /// asked to write.
  public static func run(_ arguments: [String], console: Console) -> ExitStatus {
    guard let name = arguments.first else {
      console.err(Help.overview)
      return .usage
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h"), let text = Help.text(for: name) {
      console.out(text)
      return .success
    }
    do throws(CommandFailure) {
      switch name {
      case "plan": return try PlanCommand(rest).run(console)
      case "blockers": return try BlockersCommand(rest).run(console)
      case "validate": return try ValidateCommand(rest).run(console)
      case "render": return try RenderCommand(rest).run(console)
      case "diff": return try DiffCommand(rest).run(console)
      case "check": return try CheckCommand(rest).run(console)
      case "generate": return try GenerateCommand(rest).run(console)
      case "snapshot": return try SnapshotCommand(rest).run(console)
      case "guard-policy": return try GuardPolicyCommand(rest).run(console)
      case "apply": return try ApplyCommand(rest).run(console)
      case "done": return try DoneCommand(rest).run(console)
      case "status": return try StatusCommand(rest).run(console)
      case "help": return try help(rest, console: console)
      case "completion": return try completion(rest, console: console)
      case "--help", "-h":
        console.out(Help.overview)
        return .success
      case "--version", "version":
        console.out("orgclose \(versionString)\n")
        return .success
      default:
        throw CommandFailure(UsageError("unknown command \"\(name)\""))
      }
    } catch {
      // Messages echo file names, IDs and other programs' words: one line, no escapes.
      console.err("orgclose: \(OneLine.escaped(error.message))\n")
      return error.status
    }
  }

  static var versionString: String { Help.version }

  private static func help(_ arguments: [String], console: Console) throws(CommandFailure)
    -> ExitStatus
  {
    if arguments == ["--man"] {
      console.out(ManPage.roff)
      return .success
    }
    guard let topic = arguments.first else {
      console.out(Help.overview)
      return .success
    }
    guard arguments.count == 1, let text = Help.text(for: topic) else {
      throw CommandFailure(
        UsageError(
          "help: no command or topic \"\(arguments.joined(separator: " "))\"; topics: "
            + Help.topics.map(\.name).joined(separator: ", ")))
    }
    console.out(text)
    return .success
  }

  private static func completion(_ arguments: [String], console: Console) throws(CommandFailure)
    -> ExitStatus
  {
    guard arguments.count == 1, let script = Completion.script(for: arguments[0]) else {
      throw CommandFailure(
        UsageError(
          "completion needs one shell: " + Completion.shells.joined(separator: " or "),
          command: "completion"))
    }
    console.out(script)
    return .success
  }
}

/// A command: its arguments parsed at construction, then run once.
protocol Command {
  init(_ arguments: [String]) throws(CommandFailure)
  func run(_ console: Console) throws(CommandFailure) -> ExitStatus
}
