/// A coding key for any string, used to list the keys an object really has.
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension Decoder {
  /// Throws when the object has a key outside `allowed`: hand-written files must not have a
  /// typo silently ignored (DESIGN.md, "Files").
  func rejectUnknownKeys(allowed: [String]) throws {
    let container = try container(keyedBy: AnyKey.self)
    for key in container.allKeys.map(\.stringValue).sorted() where !allowed.contains(key) {
      let near = allowed.filter { $0.lowercased() == key.lowercased() }.first
      throw DecodingError.dataCorruptedError(
        forKey: AnyKey(stringValue: key), in: container,
        debugDescription: "unknown key"
          + (near.map { "; did you mean \"\($0)\"?" }
            ?? "; expected one of " + allowed.sorted().joined(separator: ", ")))
    }
  }
}
