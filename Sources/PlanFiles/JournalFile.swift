import Foundation
public import PlanExecution

/// The journal on disk: read and validated at open, then appended to one record at a time,
/// each written and synced (`fsync`) before the caller goes on to the next AWS call.
///
/// An exclusive `flock` on `FILE.lock` is held from open until the process ends (the kernel
/// drops it even after `kill -9`), so two runs never write one journal; the lock file holds a
/// note (pid, host, user, since) that a refused run quotes.
public final class JournalFile: Journal {
  public let name: String
  public private(set) var records: [JournalRecord]
  /// The records folded, kept up to date as records are appended.
  public private(set) var state: JournalState
  /// Bytes of a last record cut short by a crash, removed at open (`JournalCoding.records`).
  public private(set) var removedIncompleteBytes = 0
  /// The open journal; `nil` until the first record is appended to a journal that did not
  /// exist, so a run refused before it changes anything leaves no journal behind.
  private var descriptor: Int32?
  private let lockDescriptor: Int32
  /// Whether each record is synced before `append` returns; a rehearsal's scratch journal
  /// is not.
  private let durable: Bool

  /// Opens `file` for appending, and locks it; a missing journal is created by the first
  /// `append`.
  ///
  /// - Parameters:
  ///   - file: The journal.
  ///   - note: Who holds the lock, written into the lock file.
  ///   - durable: Whether each record is synced before `append` returns.
  /// - Throws: `JournalError.locked` when another run holds it; the others when it cannot be
  ///   opened, read or is not a valid journal.
  public init(_ file: String, note: String, durable: Bool = true) throws(JournalError) {
    name = file
    self.durable = durable
    let lockPath = file + ".lock"
    let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard lock >= 0 else {
      throw .writeFailed(file: lockPath, reason: String(cString: strerror(errno)))
    }
    if flock(lock, LOCK_EX | LOCK_NB) != 0 {
      let holder = Self.readAll(lock).map { String(decoding: $0, as: UTF8.self) } ?? ""
      close(lock)
      throw .locked(
        file: file,
        holder: holder.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
          ? "no note" : holder.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    _ = ftruncate(lock, 0)
    _ = pwrite(lock, note, note.utf8.count, 0)
    _ = fsync(lock)
    lockDescriptor = lock
    guard access(file, F_OK) == 0 else {
      records = []
      state = JournalState()
      return
    }
    let opened = open(file, O_RDWR | O_APPEND | O_CLOEXEC)
    guard opened >= 0 else {
      close(lock)
      throw .writeFailed(file: file, reason: String(cString: strerror(errno)))
    }
    descriptor = opened
    guard let bytes = Self.readAll(opened) else {
      throw .unreadable(file: file, reason: String(cString: strerror(errno)))
    }
    records = try JournalCoding.records(bytes, file: file)
    state = JournalState(records)
    let complete = JournalCoding.completeLength(bytes)
    if complete < bytes.count {
      // Under the lock: the cut record goes, so the next one starts on a line of its own.
      guard ftruncate(opened, off_t(complete)) == 0, fsync(opened) == 0 else {
        throw .writeFailed(file: file, reason: String(cString: strerror(errno)))
      }
      removedIncompleteBytes = bytes.count - complete
    }
  }

  deinit {
    if let descriptor { close(descriptor) }
    close(lockDescriptor)
  }

  /// Reads `file` without locking it (status, dry runs); `[]` when it does not exist.
  public static func read(_ file: String) throws(JournalError) -> [JournalRecord] {
    guard FileManager.default.fileExists(atPath: file) else { return [] }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw .unreadable(file: file, reason: "cannot be read")
    }
    return try JournalCoding.records(data, file: file)
  }

  /// Appends `record` and syncs it to disk before returning.
  public func append(_ record: JournalRecord) throws(JournalError) {
    try writeLine(record)
    records.append(record)
    state.apply(record)
  }

  /// Writes `record` and, for a durable journal, syncs it.
  private func writeLine(_ record: JournalRecord) throws(JournalError) {
    let descriptor = try openedForAppending()
    let line = JournalCoding.line(record)
    let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == line.count else {
      throw .writeFailed(file: name, reason: String(cString: strerror(errno)))
    }
    guard !durable || fsync(descriptor) == 0 else {
      throw .writeFailed(file: name, reason: String(cString: strerror(errno)))
    }
  }

  /// The journal's descriptor, creating the file (and syncing its folder) on first use.
  private func openedForAppending() throws(JournalError) -> Int32 {
    if let descriptor { return descriptor }
    let opened = open(name, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
    guard opened >= 0 else {
      throw .writeFailed(file: name, reason: String(cString: strerror(errno)))
    }
    descriptor = opened
    Self.syncFolder(of: name)
    return opened
  }

  private static func readAll(_ descriptor: Int32) -> Data? {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var offset: off_t = 0
    while true {
      let count = pread(descriptor, &buffer, buffer.count, offset)
      if count < 0 { return nil }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
      offset += off_t(count)
    }
  }

  /// Makes a new journal's name durable: the folder's entry is synced too.
  private static func syncFolder(of file: String) {
    let folder = (file as NSString).deletingLastPathComponent
    let handle = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
    guard handle >= 0 else { return }
    _ = fsync(handle)
    close(handle)
  }
}

/// One run owns its journal; it is never shared between threads.
@available(*, unavailable)
extension JournalFile: Sendable {}
