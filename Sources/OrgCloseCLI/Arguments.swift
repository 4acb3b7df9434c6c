/// Splits a command's arguments into positionals, options with values and flags.
///
/// Accepts `--name value` and `--name=value`. Every option must be declared, so a typo is
/// a usage error rather than an ignored word.
struct Arguments {
  var positionals: [String] = []
  private var values: [String: String] = [:]
  private var flags: Set<String> = []
  let command: String

  /// - Parameters:
  ///   - arguments: The words after the command name.
  ///   - command: The command, for messages.
  ///   - options: Options that take a value, without the dashes.
  ///   - flags: Options that take none.
  ///   - optionalValues: Options whose value may be left out, with the values they take
  ///     (`--redact` or `--redact names`); a missing value is recorded as "".
  /// - Throws: `UsageError` for an unknown option, a missing or repeated value, or a value
  ///   outside those allowed.
  init(
    _ arguments: [String], command: String, options: [String], flags: [String] = [],
    optionalValues: [String: [String]] = [:]
  ) throws(UsageError) {
    self.command = command
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      index += 1
      guard word.hasPrefix("--"), word.count > 2 else {
        if word.hasPrefix("-") && word.count > 1 {
          throw UsageError(
            "\(command): unknown option \(word)" + Self.knownOptions(command), command: command)
        }
        positionals.append(word)
        continue
      }
      var name = String(word.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if let allowed = optionalValues[name] {
        guard values[name] == nil else {
          throw UsageError("\(command): --\(name) is given twice", command: command)
        }
        var value = inlineValue ?? ""
        if inlineValue == nil, index < arguments.count, allowed.contains(arguments[index]) {
          value = arguments[index]
          index += 1
        }
        guard value.isEmpty || allowed.contains(value) else {
          throw UsageError(
            "\(command): --\(name) takes \(allowed.joined(separator: " or ")), not \"\(value)\"",
            command: command)
        }
        values[name] = value
      } else if flags.contains(name) {
        guard inlineValue == nil else {
          throw UsageError("\(command): --\(name) takes no value", command: command)
        }
        self.flags.insert(name)
      } else if options.contains(name) {
        guard values[name] == nil else {
          throw UsageError("\(command): --\(name) is given twice", command: command)
        }
        if let inlineValue {
          values[name] = inlineValue
        } else {
          guard index < arguments.count else {
            throw UsageError("\(command): --\(name) needs a value", command: command)
          }
          values[name] = arguments[index]
          index += 1
        }
      } else {
        throw UsageError(
          "\(command): unknown option --\(name)" + Self.knownOptions(command), command: command)
      }
    }
  }

  /// Parses `arguments` as `spec` declares them.
  init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
    try self.init(
      arguments, command: spec.name, options: spec.valueOptions, flags: spec.flags,
      optionalValues: spec.optionalValues)
  }

  /// ` (options: --policy, --start, …)`, from the command's declaration.
  private static func knownOptions(_ command: String) -> String {
    guard let spec = CommandSpec.named(command), !spec.options.isEmpty else {
      return " (\(command) takes no options)"
    }
    return " (options: " + spec.options.map { "--\($0.name)" }.joined(separator: ", ") + ")"
  }

  func value(_ name: String) -> String? { values[name] }
  func flag(_ name: String) -> Bool { flags.contains(name) }

  /// Whether `--name` was given, with a value or as a flag.
  func isGiven(_ name: String) -> Bool { values[name] != nil || flags.contains(name) }

  /// The value of `--name`, which the command needs: a usage error names the option and its
  /// value as the command's declaration does (`check needs --snapshot SNAPSHOT`).
  func required(_ name: String) throws(UsageError) -> String {
    if let value = values[name] { return value }
    let placeholder: String? =
      switch CommandSpec.named(command)?.option(name)?.value {
      case .required(let placeholder): placeholder
      default: nil
      }
    throw UsageError(
      "\(command) needs --\(name)" + (placeholder.map { " \($0)" } ?? ""), command: command)
  }

  /// `--format` parsed into the command's enum of formats; `nil` when not given.
  func format<Format: OutputFormat>(_ formats: Format.Type) throws(UsageError) -> Format? {
    guard let value = values["format"] else { return nil }
    guard let format = Format(rawValue: value) else {
      throw UsageError(
        "\(command): --format must be one of \(Format.names.joined(separator: ", ")), not "
          + "\"\(value)\"", command: command)
    }
    return format
  }

  /// The value of `--name` as a whole number in `range`.
  func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
    guard let text = values[name] else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError(
        "\(command): --\(name) must be a whole number from \(range.lowerBound) to "
          + "\(range.upperBound), not \"\(text)\"", command: command)
    }
    return number
  }

  /// Exactly `names.count` positionals, or a usage error naming the first missing one.
  func positionals(_ names: String...) throws(UsageError) -> [String] {
    if positionals.count < names.count {
      throw UsageError("\(command) needs \(names[positionals.count])", command: command)
    }
    if positionals.count > names.count {
      throw UsageError(
        "\(command): unexpected argument \"\(positionals[names.count])\"", command: command)
    }
    return positionals
  }
}
