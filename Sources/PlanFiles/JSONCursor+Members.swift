// How the fast readers walk a record: its members by key, with duplicates sent to the slow
// path, and the small helpers every record reader uses.

/// The fields of one object seen so far, so a repeated field sends the document to the slow
/// path (where `StrictJSON` refuses it).
struct SeenFields {
  private var mask: UInt64 = 0

  @inline(__always)
  mutating func insert(_ field: Int) throws(JSONCursor.Miss) {
    let bit: UInt64 = 1 << UInt64(field)
    guard mask & bit == 0 else { throw JSONCursor.Miss() }
    mask |= bit
  }
}

/// The keys of a record, declared once, with the table the readers match key bytes against.
protocol DeclaredKeys: CaseIterable, RawRepresentable, Sendable where RawValue == String {
  static var table: KeyTable<Self> { get }
}

/// The keys of a snapshot record, declared once as its `CodingKeys`.
protocol WireKeys: CodingKey, DeclaredKeys {}

/// A record's keys and their bytes, in declaration order.
struct KeyTable<Key: DeclaredKeys>: Sendable {
  let keys: [Key]
  let bytes: [[UInt8]]

  init() {
    keys = Array(Key.allCases)
    bytes = keys.map { Array($0.rawValue.utf8) }
  }

  /// The position of the key spelled `key`, searched from `next` on: records list their keys
  /// in declaration order, so the first key tried is nearly always the one.
  func position(of key: UnsafeBufferPointer<UInt8>, from next: Int) -> Int? {
    keyPosition(of: key, in: bytes, from: next)
  }
}

/// The position in `keys` of `key`, searched from `next` on and round.
func keyPosition(of key: UnsafeBufferPointer<UInt8>, in keys: [[UInt8]], from next: Int) -> Int? {
  for offset in 0..<keys.count {
    let candidate = (next + offset) % keys.count
    if key.elementsEqual(keys[candidate]) { return candidate }
  }
  return nil
}

extension JSONCursor {
  /// Reads an object whose keys are `Key`'s, handing each member to `member` with its key.
  @inline(__always)
  mutating func members<Key: WireKeys>(
    _: Key.Type, _ member: (inout JSONCursor, Key) throws(Miss) -> Void
  ) throws(Miss) {
    let table = Key.table
    try members(table.bytes) { cursor, field throws(Miss) in
      try member(&cursor, table.keys[field])
    }
  }

  /// Reads an object, handing each member whose key is in `keys` to `member`.
  ///
  /// `member` gets the key's position in `keys` and reads the value. Other keys are skipped,
  /// or a `Miss` where the cursor rejects unknown keys; a key seen twice, known or not, sends
  /// the document to the slow path, where `StrictJSON` refuses it.
  ///
  /// `keys` are listed in byte order, the order orgclose writes them, and each search starts
  /// after the last key found: in a file orgclose wrote, the first key tried is nearly always
  /// the one.
  @inline(__always)
  mutating func members(
    _ keys: [[UInt8]], _ member: (inout JSONCursor, Int) throws(Miss) -> Void
  ) throws(Miss) {
    var seen = SeenFields()
    var skipped = SkippedKeys()
    var next = 0
    var object = try beginObject()
    while let key = try nextKey(&object) {
      guard let field = keyPosition(of: key, in: keys, from: next) else {
        guard !rejectsUnknownKeys else { throw Miss() }
        try skipped.insert(key)
        try skipValue()
        continue
      }
      try seen.insert(field)
      next = field + 1
      try member(&self, field)
    }
  }

  /// `nil` for JSON `null`, else the string.
  mutating func optionalString() throws(Miss) -> String? {
    try skipNull() ? nil : string()
  }

  /// A required field that was present.
  func required<Value>(_ value: Value?) throws(Miss) -> Value {
    guard let value else { throw Miss() }
    return value
  }

  /// An array whose elements `element` reads.
  mutating func array<Element>(_ element: (inout JSONCursor) throws(Miss) -> Element)
    throws(Miss) -> [Element]
  {
    var state = try beginArray()
    var result: [Element] = []
    while try nextElement(&state) { result.append(try element(&self)) }
    return result
  }

  /// `nil` for JSON `null`, else an array whose elements `element` reads.
  mutating func optionalArray<Element>(_ element: (inout JSONCursor) throws(Miss) -> Element)
    throws(Miss) -> [Element]?
  {
    try skipNull() ? nil : array(element)
  }
}

/// The keys of an object seen so far that the reader skips, so a duplicate among them is a
/// `Miss` (and then `StrictJSON`'s error) rather than a key JSON readers disagree on.
struct SkippedKeys {
  private var keys: [UnsafeBufferPointer<UInt8>] = []

  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) throws(JSONCursor.Miss) {
    guard keys.count < JSONCursor.maximumSkippedKeys else { throw JSONCursor.Miss() }
    for seen in keys where seen.elementsEqual(key) { throw JSONCursor.Miss() }
    keys.append(key)
  }
}
