import OrgGraph
import PlanFiles

/// The Cost Explorer queries for last month's cost per account, service and Region.
///
/// `GetCostAndUsage` groups by at most two keys, and the snapshot wants three. So the
/// collector asks once grouped by `LINKED_ACCOUNT` and `REGION`, to learn which Regions had
/// any cost, then once per such Region grouped by `LINKED_ACCOUNT` and `SERVICE` with a
/// `REGION` filter. That is 1 + R requests (R: Regions with cost, usually a handful; each
/// Cost Explorer request is billed at USD 0.01), gives the exact account × service × Region
/// amounts, and needs no per-account request. The CLI does not page `get-cost-and-usage`, so
/// orgclose follows `NextPageToken` itself.
struct CostQuery: Sendable {
  /// The first day of the month, and the first day of the next (exclusive).
  var start: CalendarDay
  var end: CalendarDay

  /// The last full calendar month before `today`.
  init(lastFullMonthBefore today: CalendarDay) {
    let (year, month, _) = today.components
    let thisMonth = CalendarDay(year: year, month: month, day: 1) ?? today
    let previous = month == 1 ? (year - 1, 12) : (year, month - 1)
    start = CalendarDay(year: previous.0, month: previous.1, day: 1) ?? thisMonth
    end = thisMonth
  }

  /// The request for one page grouped by `LINKED_ACCOUNT` and `second`, optionally limited to
  /// one Region.
  func request(groupedBy second: String, region: String?, pageToken: String?) -> AWSRequest {
    var arguments = [
      "--time-period", "Start=\(start),End=\(end)", "--granularity", "MONTHLY",
      "--metrics", "UnblendedCost",
      "--group-by", "Type=DIMENSION,Key=LINKED_ACCOUNT", "Type=DIMENSION,Key=\(second)",
    ]
    if let region {
      arguments += ["--filter", #"{"Dimensions":{"Key":"REGION","Values":["\#(region)"]}}"#]
    }
    if let pageToken { arguments += ["--next-page-token", pageToken] }
    return AWSRequest(
      service: "ce", command: "get-cost-and-usage", operation: "GetCostAndUsage",
      arguments: arguments)
  }

  /// Runs the query to its last page and returns every group as `(keys, amount, unit)`.
  func groups(groupedBy second: String, region: String?, aws: AWSCLI) throws(InventoryError)
    -> [CostGroup]
  {
    var token: String?
    var tokens = PageTokens()
    var groups: [CostGroup] = []
    repeat {
      let request = request(groupedBy: second, region: region, pageToken: token)
      let output = try aws.fetch(request)
      aws.count(pages: 1)
      guard let periods = output.resultsByTime else {
        throw .malformedOutput(call: request.description, reason: "ResultsByTime is missing")
      }
      groups += Self.groups(in: periods)
      token = try tokens.next(output.nextPageToken, after: request)
    } while token != nil
    return groups
  }

  /// The groups of every period with their `UnblendedCost` (or, in saved files, the only metric).
  static func groups(in periods: [WireCostPeriod]) -> [CostGroup] {
    periods.flatMap { period in
      (period.groups ?? []).compactMap { group -> CostGroup? in
        guard let keys = group.keys,
          let metric = group.metrics?["UnblendedCost"] ?? group.metrics?.values.first,
          let amount = metric.amount
        else { return nil }
        return CostGroup(keys: keys, amount: amount, unit: metric.unit ?? "USD")
      }
    }
  }
}

/// One Cost Explorer group: its keys in `GroupBy` order and its amount.
struct CostGroup: Equatable, Sendable {
  var keys: [String]
  var amount: WireDecimal
  var unit: String

  /// Whether the amount has a non-zero digit (credits are negative, and count).
  var isNonZero: Bool { amount.text.contains { ("1"..."9").contains($0) } }

  /// Whether the amount is a charge, above zero: the only rows a snapshot keeps, since its
  /// reader refuses negative amounts and the planner acts on charges only.
  var isCharge: Bool { isNonZero && !amount.text.hasPrefix("-") }
}
