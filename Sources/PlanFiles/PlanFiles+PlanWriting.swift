public import ClosurePlanner
import Foundation
import OrgCloseBasics

extension PlanFiles {
  /// Writes `plan` to `file` as `plan.json` through `OutputFile` (atomically, never over one
  /// of `inputs`).
  ///
  /// The bytes are exactly `encodedPlan(plan)`'s, but streamed through a 1 MB buffer instead
  /// of built whole in memory: for 100,000 accounts the document is 200 MB.
  public static func writePlan(
    _ plan: ClosurePlan, to file: String, protecting inputs: [String] = []
  ) throws(PlanFileError) {
    do {
      let output = try OutputFile(file, protecting: inputs)
      var writer = PrettyJSONWriter(streamingTo: output.descriptor)
      plan.writeJSON(to: &writer)
      try output.commit(afterWriteError: writer.finishStream())
    } catch {
      throw PlanFileError(error)
    }
  }
}
