import Foundation
import OrgCloseBasics
import Testing

/// `StandardStream`: a failed write is recorded, not fatal.
@Suite struct StandardStreamTests {
  @Test("a write to a full device is recorded once and later writes are skipped")
  func fullDeviceIsRecorded() throws {
    let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
    try #require(full >= 0)
    defer { close(full) }
    let stream = StandardStream(descriptor: full, name: "standard output")
    #expect(stream.writeError == nil)
    stream.write("valid\n")
    stream.write("more\n")
    #expect(
      stream.writeError
        == .cannotWrite(file: "standard output", reason: "No space left on device"))
  }

  @Test("a write to a closed descriptor is recorded")
  func closedDescriptorIsRecorded() {
    let stream = StandardStream(descriptor: 1_000_000, name: "standard output")
    stream.write("lost\n")
    #expect(
      stream.writeError == .cannotWrite(file: "standard output", reason: "Bad file descriptor"))
  }
}
