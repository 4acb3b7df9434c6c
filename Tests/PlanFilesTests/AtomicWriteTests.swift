import Foundation
import PlanFiles
import Testing

/// `PlanFiles.write`: a temporary file, then a rename over the target.
@Suite struct AtomicWriteTests {
  @Test("writing over an existing file replaces it and leaves nothing else behind")
  func overwrites() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.json").path
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
