import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// Help, completion and the man page come from one declaration per command, and agree with
/// what the parser accepts; colour follows the terminal and NO_COLOR; `plan --out` sums up.
@Suite struct CommandLineConventionsTests {
  let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path
  let globex = Fixtures.samplesDirectory.appendingPathComponent("globex").path

  /// The commands the overview lists.
  static var commands: [String] {
    let overview = CapturedConsole.run(["help"]).out
    let list = overview.components(separatedBy: "Commands:\n")[1].components(separatedBy: "\n\n")[0]
    return list.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
  }

  /// The options a command's help page lists, without dashes.
  static func helpOptions(_ command: String) -> [String] {
    let page = CapturedConsole.run(["help", command]).out
    guard let section = page.components(separatedBy: "\nOptions:\n").dropFirst().first else {
      return []
    }
    return section.components(separatedBy: "\n\n")[0].split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  --") else { return nil }
      return String(line.dropFirst(4).prefix { $0 != " " })
    }
  }

  /// Options declared for work another change brings; their help is right already.
  static let pending: Set<String> = []

  @Test("the overview lists every command, and each has a page that starts with its usage")
  func everyCommandHasAPage() {
    let commands = Self.commands
    #expect(
      Set(commands)
        == [
          "plan", "blockers", "snapshot", "validate", "render", "diff", "check", "generate",
          "rehearse",
          "guard-policy", "apply", "done", "status", "completion", "help",
        ])
    for command in commands {
      #expect(CapturedConsole.run([command, "--help"]).out.hasPrefix("Usage: orgclose \(command)"))
    }
  }

  @Test("every option a help page lists is one the parser accepts, and the usage line shows it")
  func helpAgreesWithTheParser() {
    for command in Self.commands where command != "help" && command != "completion" {
      let options = Self.helpOptions(command)
      let page = CapturedConsole.run(["help", command]).out
      let usage = page.components(separatedBy: "\n\n")[0]
      for option in options {
        #expect(usage.contains("--\(option)"), "\(command): --\(option) is not in the usage")
        let result = CapturedConsole.run([command, "--\(option)", "x"])
        if Self.pending.contains("\(command) --\(option)") { continue }
        #expect(
          !result.err.contains("unknown option"),
          "\(command) --\(option): the help lists it but the parser refuses it: \(result.err)")
      }
    }
  }

  @Test("an unknown option's usage error lists the command's options, as its help page does")
  func unknownOptionListsTheDeclaredOptions() {
    for command in ["plan", "blockers", "check", "validate", "snapshot", "generate"] {
      let result = CapturedConsole.run([command, "--nope"])
      #expect(result.status == .usage)
      let listed = Self.helpOptions(command).map { "--\($0)" }.joined(separator: ", ")
      #expect(
        result.err
          == "orgclose: \(command): unknown option --nope (options: \(listed)); "
          + "see 'orgclose help \(command)'\n")
    }
  }

  /// The keys the policy decoder accepts at one level, read from its own error message for a
  /// key it does not know.
  func acceptedKeys(_ policy: String) throws -> [String] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("closure.policy.json")
    try policy.write(toFile: file, atomically: true, encoding: .utf8)
    let result = CapturedConsole.run([
      "validate", "\(acme)/org.snapshot.json", "--policy", file,
    ])
    #expect(result.status == .dataError)
    let list = try #require(
      result.err.components(separatedBy: "expected one of ").dropFirst().first,
      "no list of keys in: \(result.err)")
    return list.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ", ")
  }

  @Test("help policy names every key the policy decoder accepts, at every level")
  func helpPolicyNamesEveryKey() throws {
    let levels = [
      #"{"schemaVersion": 1, "zzzUnknown": 1}"#,
      #"{"schemaVersion": 1, "defaults": {"zzzUnknown": 1}}"#,
      #"{"schemaVersion": 1, "accounts": {"222222222201": {"zzzUnknown": 1}}}"#,
      #"{"schemaVersion": 1, "management": {"zzzUnknown": 1}}"#,
      #"{"schemaVersion": 1, "organization": {"zzzUnknown": 1}}"#,
    ]
    let help = CapturedConsole.run(["help", "policy"])
    #expect(help.status == .success)
    var all = Set<String>()
    for level in levels {
      let keys = try acceptedKeys(level)
      all.formUnion(keys)
      for key in keys {
        let named = help.out.range(of: "\\b\(key)\\b", options: .regularExpression) != nil
        #expect(named, "help policy does not name \"\(key)\"")
      }
    }
    // The decoder's lists were read: 11 top-level keys, 18 account keys, 2 organization keys.
    #expect(all.count >= 30)
    #expect(all.contains("closeProtectionTags") && all.contains("hardwareMfa"))
  }

  @Test("help snapshot-format and help plan-format describe the files")
  func formatTopics() {
    let snapshot = CapturedConsole.run(["help", "snapshot-format"]).out
    for key in ["organization", "organizationalUnits", "accounts", "capturedAt", "gaps"] {
      #expect(snapshot.contains(key))
    }
    let plan = CapturedConsole.run(["help", "plan-format"]).out
    for key in ["inputs", "closeQuota", "summary", "steps", "findings", "notBefore", "redacted"] {
      #expect(plan.contains(key))
    }
    #expect(CapturedConsole.run(["help", "nope"]).status == .usage)
  }

  @Test("the man page is roff with NAME, SYNOPSIS and a section for every command")
  func manPage() {
    let result = CapturedConsole.run(["help", "--man"])
    #expect(result.status == .success)
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix(".TH ORGCLOSE 1 ") == true)
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH EXIT STATUS", ".SH FILES"] {
      #expect(lines.contains(section), "no \(section)")
    }
    for command in Self.commands {
      #expect(
        lines.contains(".SS \(command.replacing("-", with: "\\-"))"), "no section for \(command)")
    }
    #expect(lines.contains(".B \\-\\-fail\\-on\\-blocking"))
    #expect(!lines.contains { $0.hasPrefix(".") && !$0.hasPrefix(".TH") && $0.contains("\\e") })
  }

  @Test("bash and zsh completion name every command, option and --format value")
  func completion() throws {
    let bash = CapturedConsole.run(["completion", "bash"])
    let zsh = CapturedConsole.run(["completion", "zsh"])
    #expect(bash.status == .success && zsh.status == .success)
    #expect(zsh.out.hasPrefix("#compdef orgclose\n"))
    #expect(bash.out.contains("complete -o filenames -o bashdefault -F _orgclose orgclose"))
    for command in Self.commands {
      #expect(bash.out.contains("    \(command))\n"))
      #expect(zsh.out.contains("    '\(command):"))
      for option in Self.helpOptions(command) {
        #expect(bash.out.contains("--\(option)"), "bash: \(command) --\(option)")
        #expect(zsh.out.contains("'--\(option)"), "zsh: \(command) --\(option)")
      }
    }
    #expect(bash.out.contains(#"compgen -W "text json markdown csv""#))
    #expect(zsh.out.contains(":F:(text json markdown mermaid gantt dot)'"))
    #expect(CapturedConsole.run(["completion", "fish"]).status == .usage)

    // The script must parse.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let script = folder.file("orgclose.bash")
    try bash.out.write(toFile: script, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-n", script]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test(
    "text output is coloured only on a terminal without NO_COLOR",
    arguments: [
      (true, [String: String](), true),
      (true, ["NO_COLOR": ""], false),
      (true, ["NO_COLOR": "1"], false),
      (false, [String: String](), false),
    ])
  func colour(terminal: Bool, environment: [String: String], coloured: Bool) {
    let blockers = CapturedConsole.run(
      ["blockers", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json"],
      terminal: terminal, environment: environment)
    #expect(blockers.status == .blocked)
    #expect(
      blockers.out.contains("  \u{1B}[31mBLOCKING\u{1B}[0m ROOT_EMAIL_UNREACHABLE:") == coloured)
    #expect(blockers.out.contains("  \u{1B}[33mWARNING\u{1B}[0m ") == coloured)
    #expect(blockers.out.contains("  \u{1B}[2mINFO\u{1B}[0m ") == coloured)
    #expect(blockers.out.contains("\u{1B}") == coloured)
    let plan = CapturedConsole.run(
      ["plan", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json"],
      terminal: terminal, environment: environment)
    #expect(plan.out.contains("\n\u{1B}[31mBLOCKING (1 in 1 code)\u{1B}[0m\n") == coloured)
    #expect(plan.out.contains("\u{1B}") == coloured)
    let rendered = CapturedConsole.run(
      ["render", "\(globex)/expected/plan.json"], terminal: terminal, environment: environment)
    #expect(rendered.out.contains("\n\u{1B}[31mBLOCKING (1 in 1 code)\u{1B}[0m\n") == coloured)
    let json = CapturedConsole.run(
      ["render", "\(globex)/expected/plan.json", "--format", "json"], terminal: terminal,
      environment: environment)
    #expect(!json.out.contains("\u{1B}"))
    // Machine-readable output never is.
    let csv = CapturedConsole.run(
      ["blockers", "\(globex)/org.snapshot.json", "--format", "csv"], terminal: terminal,
      environment: environment)
    #expect(!csv.out.contains("\u{1B}"))
  }

  @Test("plan --out prints a summary unless --format asks for the plan")
  func planOutSummary() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.file("plan.json")
    let arguments = [
      "plan", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json", "--out",
      out,
    ]
    let summary = CapturedConsole.run(arguments)
    #expect(summary.status == .success)
    #expect(
      summary.out == """
        Wrote \(out): 13 steps in 4 waves (0 api, 10 manual, 3 wait) for 5 accounts (4 members)
          Strategy close-in-place, from 2026-12-01 to 2026-12-01, 0 closure windows
          Findings: 1 blocking, 6 warnings, 5 info
          See what blocks: orgclose blockers \(globex)/org.snapshot.json --policy \(globex)/closure.policy.json

        """)
    #expect(FileManager.default.fileExists(atPath: out))
    let whole = CapturedConsole.run(arguments + ["--format", "text"])
    #expect(whole.out.hasPrefix("Shutdown plan for organization o-globex9q3w1\n"))
    #expect(whole.out.hasSuffix("Wrote \(out) (13 steps).\n"))
    let markdown = CapturedConsole.run(arguments + ["--format", "markdown"])
    #expect(markdown.out.hasPrefix("<!-- orgclose-plan part 1 of 1 -->\n## "))
  }
}
