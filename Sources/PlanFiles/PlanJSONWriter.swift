import Foundation
import OrgGraph

/// Writes plan format 2's JSON layout (README, "Plan format 2").
///
/// Keys come in the order the caller writes them (sorted), with no spaces; each member of the top-level object on its own line, and
/// each element of a top-level array (an account, a step, a finding) on its own line, so a
/// git diff of two plans shows whole records. Strings are UTF-8, escaped only where JSON
/// requires it (`"`, `\\` and control characters).
///
/// The bytes go into one manually managed buffer, because appending to a `[UInt8]` checks
/// capacity and uniqueness on every byte. In memory, the buffer grows and `finish()` hands it to `Data` without
/// a copy. Streaming to a file, a 1 MB buffer is written out whenever it fills, so a plan of
/// any size needs 1 MB.
struct PlanJSONWriter: ~Copyable {
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var count = 0
  /// How deep the writer is: 1 inside the top-level object, 2 inside one of its values.
  private var depth = 0
  /// Whether the container being written has no element yet.
  private var isFirst = true
  /// The file streamed to, if any.
  private let descriptor: Int32?
  /// The `errno` of the first failed write; later output is dropped.
  private var writeError: Int32?

  /// A writer that keeps the document in memory.
  ///
  /// - Parameter capacity: Bytes to reserve; a good estimate avoids regrowing a large buffer.
  init(capacity: Int = 4096) {
    self.capacity = max(capacity, 64)
    buffer = .allocate(capacity: self.capacity)
    descriptor = nil
  }

  /// A writer that streams the document to an open file.
  init(streamingTo descriptor: Int32) {
    capacity = 1 << 20
    buffer = .allocate(capacity: capacity)
    self.descriptor = descriptor
  }

  deinit {
    buffer.deallocate()
  }

  /// The bytes written, with the newline that ends a file.
  consuming func finish() -> Data {
    append(UInt8(ascii: "\n"))
    let (buffer, count) = (self.buffer, self.count)
    discard self
    return Data(
      bytesNoCopy: buffer, count: count,
      deallocator: .custom { pointer, _ in
        pointer.deallocate()
      })
  }

  /// Writes the rest of a streamed document and its final newline; returns the `errno` of
  /// the first failed write, or `nil` when every byte was written.
  consuming func finishStream() -> Int32? {
    append(UInt8(ascii: "\n"))
    flush()
    return writeError
  }

  // MARK: Containers

  mutating func beginObject() { open(UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Starts the next member of an object: the separator and `"key":`.
  ///
  /// - Parameter name: A key that needs no escaping, in sorted order after the previous one.
  mutating func key(name: String) {
    startElement()
    var name = name
    name.withUTF8 { bytes in
      append(UInt8(ascii: "\""))
      append(bytes)
      append(UInt8(ascii: "\""))
    }
    append(UInt8(ascii: ":"))
  }

  /// Starts the next element of an array: the separator.
  mutating func element() { startElement() }

  // MARK: Layout

  /// Whether the members of the container now open go on lines of their own: those of the
  /// top-level object and the elements of its arrays.
  private var isLaidOutInLines: Bool { depth <= 2 && openedWithLines }
  /// Whether the innermost container at depth 2 or less is one whose members get lines: the
  /// top-level object, or an array directly inside it.
  private var openedWithLines = true

  private mutating func open(_ bracket: UInt8) {
    append(bracket)
    depth += 1
    // Objects that are values of the top-level object (`closeQuota`) stay on one line.
    if depth == 2 { openedWithLines = bracket == UInt8(ascii: "[") }
    isFirst = true
  }

  private mutating func close(_ bracket: UInt8) {
    if isLaidOutInLines && !isFirst { append(UInt8(ascii: "\n")) }
    depth -= 1
    if depth < 2 { openedWithLines = true }
    append(bracket)
    // The container just closed was an element of its parent, which is therefore not empty.
    isFirst = false
  }

  private mutating func startElement() {
    if !isFirst { append(UInt8(ascii: ",")) }
    isFirst = false
    if isLaidOutInLines { append(UInt8(ascii: "\n")) }
  }

  /// Appends a string in quotes, escaped only where JSON requires it.
  ///
  /// Escaped are the quote, the backslash and the control characters below U+0020 (`\b`,
  /// `\f`, `\n`, `\r`, `\t` by name, the rest as `\u00XX` with lowercase hex). Everything
  /// else, `/` and non-ASCII text included, is copied as is.
  mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    append(UInt8(ascii: "\""))
    guard let base = utf8.baseAddress else {
      append(UInt8(ascii: "\""))
      return
    }
    let raw = UnsafeRawPointer(base)
    var runStart = 0
    var index = 0
    while index < utf8.count {
      // Eight bytes at a time while none needs escaping, as plan text almost never does.
      if index + 8 <= utf8.count,
        !Self.needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      {
        index += 8
        continue
      }
      let byte = base[index]
      index += 1
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      append(UnsafeBufferPointer(rebasing: utf8[runStart..<(index - 1)]))
      runStart = index
      appendEscape(byte)
    }
    append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    append(UInt8(ascii: "\""))
  }

  /// Whether any of the eight bytes of `word` is a quote, a backslash or below 0x20.
  ///
  /// The classic "has a zero byte" test (Hacker's Delight, 6-1; Anderson's bit hacks
  /// "hasless"): exact for "any", which is all the caller needs.
  private static func needsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    let below20 = (word &- ones &* 0x20) & ~word & highs != 0
    return below20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
  }

  /// The escape sequence for one byte, after its backslash.
  private mutating func appendEscape(_ byte: UInt8) {
    append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
    case 0x08: append(UInt8(ascii: "b"))
    case 0x0C: append(UInt8(ascii: "f"))
    case 0x0A: append(UInt8(ascii: "n"))
    case 0x0D: append(UInt8(ascii: "r"))
    case 0x09: append(UInt8(ascii: "t"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      append(UInt8(ascii: "u"))
      append(UInt8(ascii: "0"))
      append(UInt8(ascii: "0"))
      append(hex[Int(byte >> 4)])
      append(hex[Int(byte & 0xF)])
    }
  }

  // MARK: Buffer

  // Always inlined, with `reserve`: a store is a byte, so a call would cost more than it.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    buffer[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (buffer + count).initialize(from: base, count: bytes.count)
    count += bytes.count
  }

  /// Makes room for `extra` more bytes: writes the buffer out when streaming, else doubles it.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    if descriptor != nil {
      flush()
      if extra <= capacity { return }
    }
    grow(extra)
  }

  /// Writes the buffered bytes to the file and empties the buffer.
  private mutating func flush() {
    guard let descriptor else { return }
    var written = 0
    while written < count, writeError == nil {
      let result = write(descriptor, buffer + written, count - written)
      if result >= 0 {
        written += result
      } else if errno != EINTR {
        writeError = errno
      }
    }
    count = 0
  }

  private mutating func grow(_ extra: Int) {
    let newCapacity = max(capacity * 2, count + extra)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.moveInitialize(from: buffer, count: count)
    buffer.deallocate()
    buffer = grown
    capacity = newCapacity
  }
}
