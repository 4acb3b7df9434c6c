import PlanFiles

/// One `ResultsByTime` entry of `aws ce get-cost-and-usage` (reference rule L65).
struct WireCostPeriod: Decodable, Sendable {
  var timePeriod: WirePeriod?
  var groups: [WireCostGroup]?

  enum CodingKeys: String, CodingKey {
    case timePeriod = "TimePeriod"
    case groups = "Groups"
  }
}

/// `{Start, End}`, `YYYY-MM-DD`, the end exclusive.
struct WirePeriod: Decodable, Sendable {
  var start: String?
  var end: String?

  enum CodingKeys: String, CodingKey {
    case start = "Start"
    case end = "End"
  }
}

/// One group: its keys, in the order of the query's `GroupBy`, and its metrics.
struct WireCostGroup: Decodable, Sendable {
  var keys: [String]?
  var metrics: [String: WireMetric]?

  enum CodingKeys: String, CodingKey {
    case keys = "Keys"
    case metrics = "Metrics"
  }
}

/// `{Amount, Unit}`: the amount is a decimal string.
struct WireMetric: Decodable, Sendable {
  var amount: WireDecimal?
  var unit: String?

  enum CodingKeys: String, CodingKey {
    case amount = "Amount"
    case unit = "Unit"
  }
}

/// One `GroupDefinitions` entry: `{Type: DIMENSION, Key: LINKED_ACCOUNT}`.
struct WireGroupDefinition: Decodable, Sendable {
  var type: String?
  var key: String?

  enum CodingKeys: String, CodingKey {
    case type = "Type"
    case key = "Key"
  }
}
