/// A timestamp as either CLI prints it: epoch seconds as a number (v1) or ISO-8601 text (v2).
public enum WireTimestamp: Codable, Equatable, Sendable {
  case epochSeconds(Double)
  case text(String)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let seconds = try? container.decode(Double.self) {
      self = .epochSeconds(seconds)
    } else if let text = try? container.decode(String.self) {
      self = .text(text)
    } else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected an ISO-8601 string or epoch seconds")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .epochSeconds(let seconds): try container.encode(seconds)
    case .text(let text): try container.encode(text)
    }
  }
}

/// A decimal amount as Cost Explorer prints it (a string), also accepted as a JSON number.
public struct WireDecimal: Codable, Equatable, Sendable {
  public var text: String
  public init(_ text: String) { self.text = text }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self.text = text
    } else if let number = try? container.decode(Double.self) {
      self.text = "\(number)"
    } else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a decimal amount")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
