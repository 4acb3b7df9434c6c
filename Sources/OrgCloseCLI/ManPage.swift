/// The man page, `orgclose.1` in roff, made from the same declarations as the help pages:
/// `orgclose help --man` prints it and `make man` writes it.
enum ManPage {
  static var roff: String {
    var lines = [
      ".TH ORGCLOSE 1 \"\" \"orgclose \(Help.version)\" \"User Commands\"",
      ".SH NAME",
      "orgclose \\- \(escaped(Help.tagline))",
      ".SH SYNOPSIS",
    ]
    for spec in CommandSpec.all {
      for form in spec.usageForms {
        lines += [".B orgclose", escaped(form.joined(separator: " ")), ".br"]
      }
    }
    lines += [
      ".SH DESCRIPTION",
      escaped(
        "orgclose reads an organization snapshot and a closure policy and computes a dated, "
          + "dependency-ordered shutdown plan, written as a plan file to review in a pull "
          + "request. Only apply changes anything in AWS, and only the API steps of an approved "
          + "plan; rehearse runs the whole shutdown against a fake organization first."),
      ".PP",
      escaped(
        "Any file argument can be - for standard input (one per command), and --out - is "
          + "standard output."),
      ".SH COMMANDS",
    ]
    for spec in CommandSpec.all {
      lines.append(".SS \(escaped(spec.name))")
      lines.append(".nf")
      for form in spec.usageForms {
        lines += Help.usageLines(form, lead: "orgclose ").map(escaped)
      }
      lines += [".fi", ".PP"]
      lines += block(spec.about)
      for option in spec.options {
        lines += [".TP", ".B " + escaped(Help.optionHead(option)), escaped(option.summary)]
      }
      if !spec.footer.isEmpty {
        lines.append(".PP")
        lines += block(spec.footer)
      }
    }
    lines.append(".SH FILES")
    for topic in Help.topics {
      lines += [".SS \(escaped(topic.name)) (\(escaped(topic.summary)))", ".nf"]
      lines += topic.text.split(separator: "\n", omittingEmptySubsequences: false).map {
        escaped(String($0))
      }
      lines.append(".fi")
    }
    lines += [
      ".SH ENVIRONMENT", escaped(Help.environment),
      ".SH EXIT STATUS", escaped(Help.exitStatuses),
      ".SH SEE ALSO", ".BR aws (1)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A help text: paragraphs filled by roff, indented lines kept as they are.
  private static func block(_ text: String) -> [String] {
    var lines: [String] = []
    var verbatim = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indented = line.hasPrefix(" ")
      if indented != verbatim {
        lines.append(indented ? ".nf" : ".fi")
        verbatim = indented
      }
      lines.append(line.isEmpty && !verbatim ? ".PP" : escaped(String(line)))
    }
    if verbatim { lines.append(".fi") }
    return lines
  }

  /// `text` as roff reads it literally: backslashes and dashes escaped, and a line that
  /// starts with `.` or `'` not taken for a request.
  static func escaped(_ text: String) -> String {
    let body = text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
    return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
  }
}
