public import ClosurePlanner
import Foundation

extension PlanFiles {
  /// Writes `plan` to `file` as `plan.json`, atomically: streamed into a temporary file in the
  /// same folder, then renamed over `file`, so a reader never sees half a file and a failure
  /// leaves any old file intact.
  ///
  /// The bytes are exactly `encodedPlan(plan)`'s, but streamed through a 1 MB buffer instead
  /// of built whole in memory: for 100,000 accounts the document is 200 MB.
  public static func writePlan(_ plan: ClosurePlan, to file: String) throws(PlanFileError) {
    let url = URL(fileURLWithPath: file)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw .writeFailed(file: file, reason: String(cString: strerror(errno)))
    }
    var writer = PrettyJSONWriter(streamingTo: descriptor)
    plan.writeJSON(to: &writer)
    var failure = writer.finishStream()
    if close(descriptor) != 0, failure == nil { failure = errno }
    // rename(2) replaces an existing file atomically.
    if failure == nil, rename(temporary, file) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw .writeFailed(file: file, reason: String(cString: strerror(failure)))
    }
  }
}
