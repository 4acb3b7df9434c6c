/// What a document may hold where orgclose knows: the keys of its objects and which numbers
/// are integers, so a misplaced key or `1.5` where a count is meant is named by its path
/// (`JSONDecoder` reports the latter without one).
indirect enum KeySchema: Sendable {
  /// Any value; its keys, if it is an object, are not checked.
  case any
  /// An integer (or `null`).
  case integer
  /// An object with these keys, each with the schema of its value; other keys are unknown
  /// keys unless `allowsOtherKeys`.
  case object([String: KeySchema], allowsOtherKeys: Bool = false)
  /// An object whose keys are data (account IDs), each value with this schema.
  case dictionary(KeySchema)
  /// An array whose elements have this schema.
  case array(KeySchema)

  /// A closed object whose keys are `keys`, each holding any value but those in `integers`.
  static func object(_ keys: [StaticString], integers: Set<String> = []) -> KeySchema {
    .object(
      Dictionary(
        uniqueKeysWithValues: keys.map { key in
          let name = "\(key)"
          return (name, integers.contains(name) ? .integer : .any)
        }))
  }

  /// The schema of the value under `key` of an object with this schema, and whether the key
  /// is allowed.
  func member(_ key: String) -> (schema: KeySchema?, isAllowed: Bool) {
    switch self {
    case .object(let members, let allowsOtherKeys):
      if let schema = members[key] { return (schema, true) }
      return (nil, allowsOtherKeys)
    case .dictionary(let value): return (value, true)
    default: return (nil, true)
    }
  }

  /// The keys an object with this schema may have, for the error about any other.
  var allowedKeys: [String] {
    if case .object(let members, _) = self { return members.keys.sorted() }
    return []
  }

  var element: KeySchema? {
    if case .array(let element) = self { return element }
    return nil
  }

  var isInteger: Bool {
    if case .integer = self { return true }
    return false
  }
}
