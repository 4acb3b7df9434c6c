import PlanFiles

/// The costs of a `--from-cli-output` folder: `aws ce get-cost-and-usage` outputs of one month,
/// grouped by `LINKED_ACCOUNT` and `SERVICE` (the Region from the file's name, such as
/// `us-east-1.costs.json`, else "all Regions") or by `LINKED_ACCOUNT` and `REGION` (used only
/// when no output grouped by service was saved).
struct ImportedCosts {
  var files: [SavedFile]

  func costs() throws(InventoryError) -> SnapshotDocument.CostsRecord? {
    guard !files.isEmpty else { return nil }
    var period: (start: String, end: String, file: String)?
    var perService: [SnapshotDocument.CostRowRecord] = []
    var perRegion: [SnapshotDocument.CostRowRecord] = []
    for file in files {
      let periods = file.output.resultsByTime ?? []
      guard periods.count == 1, let start = periods[0].timePeriod?.start,
        let end = periods[0].timePeriod?.end
      else {
        throw .fileInvalid(
          file: file.path,
          message: "holds \(periods.count) periods; save one month (--granularity MONTHLY and "
            + "a one-month --time-period)")
      }
      if let period, (period.start, period.end) != (start, end) {
        throw .fileInvalid(
          file: file.path,
          message: "is for \(start)..\(end), but \(period.file) is for "
            + "\(period.start)..\(period.end); save the same month")
      }
      period = (start, end, file.name)
      let keys = (file.output.groupDefinitions ?? []).map { $0.key ?? "" }
      guard let account = keys.firstIndex(of: "LINKED_ACCOUNT") else {
        throw .fileInvalid(
          file: file.path,
          message: "is not grouped by LINKED_ACCOUNT; save it with --group-by "
            + "Type=DIMENSION,Key=LINKED_ACCOUNT Type=DIMENSION,Key=SERVICE")
      }
      let service = keys.firstIndex(of: "SERVICE")
      let region = keys.firstIndex(of: "REGION")
      let regionFromName = Self.isRegion(file.subject) ? file.subject : "all Regions"
      for group in CostQuery.groups(in: periods)
      where group.isCharge && group.keys.count == keys.count {
        let row = SnapshotDocument.CostRowRecord(
          accountId: group.keys[account], service: service.map { group.keys[$0] } ?? "all services",
          region: region.map { group.keys[$0] } ?? regionFromName, amount: group.amount,
          unit: group.unit)
        if service != nil { perService.append(row) } else { perRegion.append(row) }
      }
    }
    guard let period else { return nil }
    return .init(
      periodStart: period.start, periodEnd: period.end,
      rows: perService.isEmpty ? perRegion : perService)
  }

  /// Whether `text` looks like a Region code (`us-east-1`, `us-gov-west-1`) or `global`.
  static func isRegion(_ text: String) -> Bool {
    if text == "global" { return true }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber)
    else { return false }
    return parts.dropLast().allSatisfy {
      !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase }
    }
  }
}
