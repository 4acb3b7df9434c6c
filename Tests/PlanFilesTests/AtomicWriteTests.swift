import Foundation
import PlanFiles
import TestSupport
import Testing

/// `PlanFiles.write`: a temporary file, then a rename over the target.
@Suite struct AtomicWriteTests {
  @Test("writing over an existing file replaces it and leaves nothing else behind")
  func overwrites() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("plan.json")
    try PlanFiles.write(Data("first\n".utf8), to: file)
    try PlanFiles.write(Data("second\n".utf8), to: file)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "second\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
  }

  @Test("a write that cannot happen names the file and the reason")
  func failure() {
    let file = "/nonexistent-\(UUID().uuidString)/plan.json"
    #expect(throws: PlanFileError.self) { try PlanFiles.write(Data("x".utf8), to: file) }
    do {
      try PlanFiles.write(Data("x".utf8), to: file)
    } catch {
      guard case .writeFailed(let name, _) = error else {
        Issue.record("expected writeFailed, got \(error)")
        return
      }
      #expect(name == file)
    }
  }
}
