import Foundation
import Synchronization
import TestSupport
import Testing

@testable import OrgCloseBasics

/// `OutputFile`: what it replaces, what it writes in place, and what it refuses.
@Suite struct OutputFileTests {
  @Test("a regular file is replaced atomically, keeps its permissions, and nothing else stays")
  func replacesARegularFileKeepingItsPermissions() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("policy.json")
    try OutputFile.write(Data("old\n".utf8), to: file)
    chmod(file, 0o640)
    try OutputFile.write(Data("new\n".utf8), to: file)
    #expect(try text(of: file) == "new\n")
    var status = stat()
    stat(file, &status)
    #expect(status.st_mode & 0o7777 == 0o640)
    #expect(try folder.contents() == ["policy.json"])
  }

  @Test("a symbolic link as the output writes its target and stays a link")
  func symbolicLinkWritesItsTarget() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.file("real"), withIntermediateDirectories: true)
    try OutputFile.write(Data("old\n".utf8), to: folder.file("real/plan.json"))
    symlink("real/plan.json", folder.file("plan.json"))
    symlink("real/new.json", folder.file("dangling.json"))
    try OutputFile.write(Data("new\n".utf8), to: folder.file("plan.json"))
    try OutputFile.write(Data("made\n".utf8), to: folder.file("dangling.json"))
    #expect(fileType(folder.file("plan.json")) == S_IFLNK)
    #expect(fileType(folder.file("dangling.json")) == S_IFLNK)
    #expect(try text(of: folder.file("real/plan.json")) == "new\n")
    #expect(try text(of: folder.file("real/new.json")) == "made\n")
    #expect(try folder.contents() == ["dangling.json", "plan.json", "real"])
  }

  @Test("/dev/null is written in place and stays the character device it was")
  func deviceIsWrittenInPlace() throws {
    var before = stat()
    stat("/dev/null", &before)
    try OutputFile.write(Data("discarded\n".utf8), to: "/dev/null")
    var after = stat()
    stat("/dev/null", &after)
    #expect(after.st_mode & S_IFMT == S_IFCHR)
    #expect(after.st_ino == before.st_ino)
    #expect(after.st_rdev == before.st_rdev)
  }

  @Test("/dev/full fails with the system's reason, naming the output")
  func fullDeviceFails() {
    #expect(
      throws: FileAccessError.cannotWrite(file: "/dev/full", reason: "No space left on device")
    ) { try OutputFile.write(Data("x".utf8), to: "/dev/full") }
  }

  @Test("a FIFO is written to its reader and stays a FIFO", .timeLimit(.minutes(1)))
  func fifoIsWrittenInPlace() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let fifo = folder.file("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let received = ReadResult()
    let reader = Thread { received.set(readToEnd(fifo)) }
    reader.start()
    try OutputFile.write(Data("through the pipe\n".utf8), to: fifo)
    #expect(received.wait() == Data("through the pipe\n".utf8))
    #expect(fileType(fifo) == S_IFIFO)
    #expect(try folder.contents() == ["pipe"])
  }

  @Test("a folder and a socket are refused, and left as they were")
  func folderAndSocketAreRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(throws: FileAccessError.notWritable(file: folder.path, kind: "a folder")) {
      try OutputFile.write(Data("x".utf8), to: folder.path)
    }
    let socketPath = folder.file("s.sock")
    let listening = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(listening) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in socketPath.utf8.enumerated() where index < raw.count - 1 {
        raw[index] = byte
      }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listening, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
    #expect(throws: FileAccessError.notWritable(file: socketPath, kind: "a socket")) {
      try OutputFile.write(Data("x".utf8), to: socketPath)
    }
    #expect(fileType(socketPath) == S_IFSOCK)
  }

  @Test("an input is recognised by device and inode, under any path that reaches it")
  func inputsAreComparedByInode() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let input = folder.file("org.json")
    try OutputFile.write(Data("input\n".utf8), to: input)
    link(input, folder.file("hard.json"))
    symlink("org.json", folder.file("soft.json"))
    for other in [
      input, folder.file("hard.json"), folder.file("soft.json"), folder.path + "/./org.json",
    ] {
      #expect(throws: FileAccessError.isAnInput(file: other, input: input)) {
        try OutputFile.write(Data("output\n".utf8), to: other, protecting: [input])
      }
    }
    #expect(try text(of: input) == "input\n")
    try OutputFile.write(Data("output\n".utf8), to: folder.file("plan.json"), protecting: [input])
  }

  @Test("an output dropped before commit leaves the old file and no temporary file")
  func uncommittedOutputLeavesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("plan.json")
    try OutputFile.write(Data("old\n".utf8), to: file)
    var temporary = ""
    do {
      let output = try OutputFile(file)
      try output.write(Data("half a plan".utf8))
      temporary = try #require(try folder.contents().first { $0.hasSuffix(".tmp") })
      #expect(InterruptCleanup.isTracking(temporaryFile: folder.file(temporary)))
    }
    #expect(!InterruptCleanup.isTracking(temporaryFile: folder.file(temporary)))
    #expect(try folder.contents() == ["plan.json"])
    #expect(try text(of: file) == "old\n")
  }

  @Test("a folder that does not exist fails with the system's reason")
  func missingFolderFails() {
    let file = "/nonexistent-\(UUID().uuidString)/plan.json"
    #expect(throws: FileAccessError.cannotWrite(file: file, reason: "No such file or directory")) {
      try OutputFile.write(Data("x".utf8), to: file)
    }
  }
}

/// Every byte read from `path` until its writer closes it.
private func readToEnd(_ path: String) -> Data {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return Data() }
  defer { close(descriptor) }
  var data = Data()
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = read(descriptor, &buffer, buffer.count)
    if count <= 0 { return data }
    data.append(contentsOf: buffer[..<count])
  }
}

/// Bytes a reader thread hands over once.
private final class ReadResult: Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let bytes = Mutex(Data())
  func set(_ data: Data) {
    bytes.withLock { $0 = data }
    done.signal()
  }
  func wait() -> Data? {
    guard done.wait(timeout: .now() + 30) == .success else { return nil }
    return bytes.withLock { $0 }
  }
}
