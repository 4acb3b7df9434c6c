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
    switch name {
    case "--help", "-h":
      console.out(Help.overview)
      return .success
    case "--version", "version":
      console.out("orgclose \(versionString)\n")
      return .success
    default: break
    }
    var context = FailureContext(command: name)
    do {
      let command = try parse(name, rest)
      context.policyFile = command.policyFile
      return try command.run(console)
    } catch {
      let (status, message) = ErrorReport.report(error, in: context)
      // Messages echo file names, IDs and other programs' words: one line, no escapes.
      console.err("orgclose: \(OneLine.escaped(message))\n")
      return status
    }
  }

  /// The command `name` with its arguments parsed.
  private static func parse(_ name: String, _ arguments: [String]) throws(UsageError)
    -> any Command
  {
    switch name {
    case "plan": try PlanCommand(arguments)
    case "blockers": try BlockersCommand(arguments)
    case "validate": try ValidateCommand(arguments)
    case "render": try RenderCommand(arguments)
    case "diff": try DiffCommand(arguments)
    case "check": try CheckCommand(arguments)
    case "generate": try GenerateCommand(arguments)
    case "snapshot": try SnapshotCommand(arguments)
    case "guard-policy": try GuardPolicyCommand(arguments)
    case "apply": try ApplyCommand(arguments)
    case "done": try DoneCommand(arguments)
    case "status": try StatusCommand(arguments)
    case "rehearse": try RehearseCommand(arguments)
    case "help": HelpCommand(arguments)
    case "completion": CompletionCommand(arguments)
    default: throw UsageError("unknown command \"\(name)\"")
    }
  }

  static var versionString: String { Help.version }

}

/// A command: its arguments parsed at construction, then run once.
///
/// A command throws whatever stopped it; `ErrorReport` turns that into the exit status and
/// the message, for every command alike.
protocol Command {
  init(_ arguments: [String]) throws(UsageError)
  func run(_ console: Console) throws -> ExitStatus
  /// The policy file the command reads, named in errors about the policy.
  var policyFile: String? { get }
}

extension Command {
  var policyFile: String? { nil }
}

/// `orgclose help [COMMAND|TOPIC]` and `orgclose help --man`.
private struct HelpCommand: Command {
  var arguments: [String]

  init(_ arguments: [String]) { self.arguments = arguments }

  func run(_ console: Console) throws -> ExitStatus {
    if arguments == ["--man"] {
      console.out(ManPage.roff)
      return .success
    }
    guard let topic = arguments.first else {
      console.out(Help.overview)
      return .success
    }
    guard arguments.count == 1, let text = Help.text(for: topic) else {
      throw UsageError(
        "help: no command or topic \"\(arguments.joined(separator: " "))\"; topics: "
          + Help.topics.map(\.name).joined(separator: ", "))
    }
    console.out(text)
    return .success
  }
}

/// `orgclose completion bash|zsh`.
private struct CompletionCommand: Command {
  var arguments: [String]

  init(_ arguments: [String]) { self.arguments = arguments }

  func run(_ console: Console) throws -> ExitStatus {
    guard arguments.count == 1, let script = Completion.script(for: arguments[0]) else {
      throw UsageError(
        "completion needs one shell: " + Completion.shells.joined(separator: " or "),
        command: "completion")
    }
    console.out(script)
    return .success
  }
}
