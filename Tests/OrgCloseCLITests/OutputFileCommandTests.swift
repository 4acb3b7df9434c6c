import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// Every command that writes a file writes it through `OutputFile`: a symbolic link as the
/// output stays a link to the file written, the file keeps its permissions, nothing but the
/// file is left in the folder, and a folder as the output is refused with exit 74.
///
/// A write by `Data.write(to:options: .atomic)` or `FileManager.createFile` would replace
/// the link with a file and give it the default permissions.
@Suite struct OutputFileCommandTests {
  static let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path

  /// Each writing command with its output left for `--out`.
  static let commands: [[String]] = [
    ["plan", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json"],
    ["generate", "--accounts", "20"],
    ["guard-policy", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json"],
  ]

  @Test(
    "the output keeps its link and permissions, and the folder holds nothing else",
    arguments: commands)
  func writesThroughOutputFile(_ command: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let target = folder.file("target.json")
    try Data("old\n".utf8).write(to: folder.url("target.json"))
    chmod(target, 0o600)
    let link = folder.file("out.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.json")

    let result = CapturedConsole.run(command + ["--out", link])
    #expect(result.status.rawValue == 0, "\(command): \(result.err)")
    #expect(fileType(link) == S_IFLNK)
    #expect(try text(of: target) != "old\n")
    var status = stat()
    #expect(stat(target, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)
    #expect(try folder.contents() == ["out.json", "target.json"])
  }

  @Test("a folder as the output is refused with exit 74 and left alone", arguments: commands)
  func refusesAFolder(_ command: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = CapturedConsole.run(command + ["--out", folder.path])
    #expect(result.status == .ioError, "\(command): \(result.err)")
    #expect(result.err.contains("\(folder.path): "))
    #expect(try folder.contents().isEmpty)
  }
}
