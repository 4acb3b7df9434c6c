/// One command's command line, declared once: its name, positionals and options with their
/// value names, descriptions and choices.
///
/// The parser (`Arguments`), the help pages, the unknown-option usage errors, the shell
/// completions and the man page all read this declaration, so none of them can drift from
/// the others.
struct CommandSpec: Sendable {
  /// One option, without its dashes.
  struct Option: Sendable {
    /// What follows the option.
    enum Value: Sendable, Equatable {
      /// A flag: `--tags`.
      case none
      /// A value that must be given: `--policy FILE`.
      case required(String)
      /// A value that may be left out, one of `choices`: `--redact [names]`.
      case optional(String, choices: [String])
    }

    /// What a shell completes the value with.
    enum Completion: Sendable {
      case none
      case file
      case directory
    }

    var name: String
    var value: Value
    /// The values the option takes, where there is a fixed list (`--format`).
    var choices: [String] = []
    var summary: String
    /// Whether the command needs the option (shown without brackets in the usage line).
    var isRequired = false
    var completion: Completion = .none

    /// `--policy FILE`, `--format text|json`, `--redact [names]` or `--tags`.
    var usage: String {
      switch value {
      case .none: "--\(name)"
      case .required(let placeholder):
        "--\(name) " + (choices.isEmpty ? placeholder : choices.joined(separator: "|"))
      case .optional(let placeholder, _): "--\(name) [\(placeholder)]"
      }
    }
  }

  /// One way to call the command: the options it shows, in order.
  struct Form: Sendable {
    var options: [String]
    /// Options this form needs, beyond those marked `isRequired`.
    var required: [String] = []
  }

  var name: String
  /// The line in the overview's list of commands.
  var summary: String
  /// `SNAPSHOT`, `PLAN`, `OLD_PLAN NEW_PLAN`: what comes before the options.
  var positionals: [String] = []
  /// Whether the positionals are files (for completion).
  var positionalsAreFiles = true
  var options: [Option] = []
  /// The usage lines; one with every option when empty.
  var forms: [Form] = []
  /// The help page's text between the usage and the options, paragraphs separated by blank
  /// lines; lines that start with spaces are kept as they are.
  var about: String
  /// The help page's text after the options (examples, exit statuses).
  var footer: String = ""

  /// The option called `name`.
  func option(_ name: String) -> Option? { options.first { $0.name == name } }

  /// The usage forms, each as the words after `orgclose`.
  var usageForms: [[String]] {
    let forms = forms.isEmpty ? [Form(options: options.map(\.name))] : forms
    return forms.map { form in
      [name] + positionals
        + form.options.compactMap { option($0) }.map { option in
          option.isRequired || form.required.contains(option.name)
            ? option.usage : "[\(option.usage)]"
        }
    }
  }

  /// Options that take a value that must be given.
  var valueOptions: [String] {
    options.compactMap { if case .required = $0.value { $0.name } else { nil } }
  }

  /// Options that take none.
  var flags: [String] { options.filter { $0.value == .none }.map(\.name) }

  /// Options whose value may be left out, with the values they take.
  var optionalValues: [String: [String]] {
    var result: [String: [String]] = [:]
    for option in options {
      if case .optional(_, let choices) = option.value { result[option.name] = choices }
    }
    return result
  }
}

extension CommandSpec.Option {
  static func policy(required: Bool = false) -> Self {
    .init(
      name: "policy", value: .required("FILE"),
      summary: required
        ? "The closure policy (closure.policy.json); see 'orgclose help policy'."
        : "The closure policy (closure.policy.json); without it every account gets the "
          + "strategy's defaults. See 'orgclose help policy'.",
      isRequired: required, completion: .file)
  }

  static let start = Self(
    name: "start", value: .required("YYYY-MM-DD"),
    summary: "First day of the plan (default: the policy's startDate, else today in UTC). Fix "
      + "it to get the same plan on any day.")

  /// `--format`, taking the cases of `formats`.
  static func format<Format: OutputFormat>(_ formats: Format.Type, _ summary: String) -> Self {
    .init(name: "format", value: .required("F"), choices: formats.names, summary: summary)
  }

  static let redact = Self(
    name: "redact", value: .optional("names", choices: ["emails", "names"]),
    summary: "Replace root e-mail addresses (and, with names, account names) with stable "
      + "placeholders.")

  static func out(_ summary: String) -> Self {
    .init(name: "out", value: .required("FILE"), summary: summary, completion: .file)
  }
}
