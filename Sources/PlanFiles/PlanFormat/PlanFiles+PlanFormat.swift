public import ClosurePlanner
public import Foundation
import OrgCloseBasics

extension PlanFiles {
  /// Decodes plan bytes (format 2), naming `file` in errors.
  ///
  /// The keyed reader reads the document in one pass. When it fails, the bytes are checked
  /// strictly first (syntax, limits, unknown keys, the schema version), so the error is the
  /// most precise one there is, then the reader's own (a missing key, a malformed ID).
  public static func decodePlan(_ bytes: Data, file: String) throws(PlanFileError) -> ClosurePlan {
    let read = bytes.withUnsafeBytes { raw in
      Result { () throws(PlanReadError) in
        var reader = PlanReader(raw.assumingMemoryBound(to: UInt8.self))
        return try reader.plan()
      }
    }
    switch read {
    case .success(let plan) where plan.schemaVersion == ClosurePlan.currentSchemaVersion:
      return plan
    case .success, .failure:
      try checkDocument(bytes, file: file, kind: .plan, keys: KeySchema.plan)
      if case .failure(let error) = read {
        throw .invalid(file: file, path: error.path, message: error.message + editedOrDamaged)
      }
      // `checkDocument` refuses every other version.
      throw .invalid(file: file, path: "schemaVersion", message: "is not a version orgclose reads")
    }
  }

  /// The plan as format 2 bytes (README, "Plan format 2"), with a trailing newline; the same
  /// plan is always the same bytes.
  public static func encodedPlan(_ plan: ClosurePlan) -> Data {
    var writer = PlanJSONWriter(capacity: 256 * (plan.steps.count + plan.accounts.count) + 4096)
    plan.write(to: &writer)
    return writer.finish()
  }

  /// Writes `plan` to `file` through `OutputFile` (atomically, never over one of `inputs`),
  /// streamed through a 1 MB buffer rather than built whole in memory.
  public static func writePlan(
    _ plan: ClosurePlan, to file: String, protecting inputs: [String] = []
  ) throws(PlanFileError) {
    do {
      let output = try OutputFile(file, protecting: inputs)
      var writer = PlanJSONWriter(streamingTo: output.descriptor)
      plan.write(to: &writer)
      try output.commit(afterWriteError: writer.finishStream())
    } catch {
      throw PlanFileError(error)
    }
  }
}

extension KeySchema {
  /// Every key a plan may have (a plan is made by orgclose, so an unknown key means the file
  /// was edited or made by another version), and which values are integers.
  static let plan: KeySchema = .object(
    Dictionary(
      uniqueKeysWithValues: PlanKey.allCases.map { key -> (String, KeySchema) in
        let schema: KeySchema =
          switch key {
          case .schemaVersion: .integer
          case .inputs: .closed(InputsKey.self)
          case .organization: .closed(OrganizationKey.self, integers: [.memberCount])
          case .closeQuota:
            .closed(
              CloseQuotaKey.self, integers: Set(CloseQuotaKey.allCases).subtracting([.source]))
          case .summary:
            .closed(
              SummaryKey.self,
              integers: Set(SummaryKey.allCases).subtracting([.estimatedCompletion]))
          case .accounts: .array(.closed(AccountKey.self))
          case .steps: .array(.closed(StepKey.self, integers: [.window]))
          case .findings: .array(.closed(FindingKey.self))
          case .generator, .redacted, .startDate, .strategy: .any
          }
        return (key.rawValue, schema)
      }))

  /// A closed object with the keys of `Key`, those in `integers` holding integers.
  private static func closed<Key: PlanWireKey>(_: Key.Type, integers: Set<Key> = []) -> KeySchema {
    .object(
      Dictionary(
        uniqueKeysWithValues: Key.allCases.map {
          ($0.rawValue, integers.contains($0) ? KeySchema.integer : .any)
        }))
  }
}
