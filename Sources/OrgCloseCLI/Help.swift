import ClosurePlanner

/// The help texts: the overview and each command's page, made from `CommandSpec.all`, and
/// the pages about the file formats (`help policy`, `help snapshot-format`, `help
/// plan-format`), which are the reference for those files.
enum Help {
  static let version = OrgCloseVersion.current

  /// The widest line of a help page.
  static let width = 88

  static let tagline = "plan the shutdown of a whole AWS organization"

  static let exitStatuses = """
    Exit statuses: 0 success, 1 unexpected failure, 2 blocking findings, 3 stale plan, \
    64 usage, 65 bad input data, 66 missing input file, 69 aws CLI missing or not runnable, \
    74 output (or standard output) not written, 75 AWS still failing after retries or an aws \
    call timed out, 128+N interrupted by signal N.
    """

  static let environment = """
    NO_COLOR (any value) turns colour off; colour is also off when standard output is not a \
    terminal. ORGCLOSE_AWS_TIMEOUT sets snapshot's --aws-timeout.
    """

  static var overview: String {
    let nameWidth = (CommandSpec.all.map(\.name.count).max() ?? 0) + 2
    var lines = [
      "orgclose \(version): \(tagline)", "", "Usage: orgclose COMMAND [ARGUMENTS] [OPTIONS]", "",
      "Commands:",
    ]
    for spec in CommandSpec.all {
      lines.append("  " + spec.name.padded(to: nameWidth) + spec.summary)
    }
    lines += [
      "", "Run 'orgclose help COMMAND' or 'orgclose COMMAND --help' for details, and",
      "'orgclose help " + topics.map(\.name).joined(separator: "|")
        + "' for the files.", "",
    ]
    lines += wrap(
      "Any file argument can be - for standard input (one per command), and --out - is "
        + "standard output.")
    lines.append("")
    lines += wrap(exitStatuses)
    lines.append("")
    lines += wrap(environment)
    return lines.joined(separator: "\n") + "\n\n"
  }

  /// The help page of a command or a topic.
  static func text(for name: String) -> String? {
    if let spec = CommandSpec.named(name) { return page(spec) }
    return topics.first { $0.name == name }.map { $0.text + "\n" }
  }

  /// `Usage: …`, the description, the options and the footer.
  static func page(_ spec: CommandSpec) -> String {
    var lines: [String] = []
    for (position, form) in spec.usageForms.enumerated() {
      let lead = position == 0 ? "Usage: orgclose " : "       orgclose "
      lines += usageLines(form, lead: lead)
    }
    lines.append("")
    lines += paragraphs(spec.about)
    if !spec.options.isEmpty {
      lines += ["", "Options:"]
      let column = min(24, (spec.options.map { optionHead($0).count }.max() ?? 0) + 4)
      for option in spec.options {
        let head = "  " + optionHead(option)
        let body = wrap(option.summary, width: width - column)
        if head.count + 1 >= column {
          lines.append(head)
          lines += body.map { String(repeating: " ", count: column) + $0 }
        } else {
          lines.append(head.padded(to: column) + (body.first ?? ""))
          lines += body.dropFirst().map { String(repeating: " ", count: column) + $0 }
        }
      }
    }
    if !spec.footer.isEmpty {
      lines.append("")
      lines += paragraphs(spec.footer)
    }
    return lines.joined(separator: "\n") + "\n\n"
  }

  /// `--policy FILE` or `--redact [names]`, as the options list shows it.
  static func optionHead(_ option: CommandSpec.Option) -> String {
    switch option.value {
    case .none: "--\(option.name)"
    case .required(let placeholder): "--\(option.name) \(placeholder)"
    case .optional(let placeholder, _): "--\(option.name) [\(placeholder)]"
    }
  }

  /// The usage words (the command's name first), wrapped with the continuation lines under
  /// the first word after the name.
  static func usageLines(_ words: [String], lead: String) -> [String] {
    let prefix = lead + (words.first ?? "")
    let indent = String(repeating: " ", count: prefix.count + 1)
    var lines: [String] = []
    var line = prefix
    for word in words.dropFirst() {
      if line.count + 1 + word.count > width && line != prefix {
        lines.append(line)
        line = indent + word
      } else {
        line += " " + word
      }
    }
    lines.append(line)
    return lines
  }

  /// Paragraphs wrapped at `width`; a line that starts with spaces is kept as written.
  static func paragraphs(_ text: String) -> [String] {
    var lines: [String] = []
    var paragraph: [String] = []
    func flush() {
      if !paragraph.isEmpty { lines += wrap(paragraph.joined(separator: " ")) }
      paragraph = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty {
        flush()
        lines.append("")
      } else if line.hasPrefix(" ") {
        flush()
        lines.append(String(line))
      } else {
        paragraph.append(String(line))
      }
    }
    flush()
    return lines
  }

  /// `text` broken into lines of at most `width` characters at spaces.
  static func wrap(_ text: String, width: Int = Help.width) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = String(word)
      } else {
        line += (line.isEmpty ? "" : " ") + word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

extension String {
  /// The string followed by spaces up to `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
