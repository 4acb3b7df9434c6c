import Foundation
package import Testing

/// Compares `actual` with the golden file at `Samples/<relativePath>`.
///
/// With `RECORD_GOLDENS=1` the file is rewritten and the test still fails, so a recording
/// never passes silently.
package func expectMatchesGolden(
  _ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = Fixtures.samplesDirectory.appendingPathComponent(relativePath)
  if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] != nil {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded \(relativePath); re-run without RECORD_GOLDENS", sourceLocation: sourceLocation)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  if actual != expected {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    var first = 0
    while first < actualLines.count, first < expectedLines.count,
      actualLines[first] == expectedLines[first]
    {
      first += 1
    }
    let wanted = first < expectedLines.count ? expectedLines[first] : "<end of file>"
    let got = first < actualLines.count ? actualLines[first] : "<end of output>"
    let message: String =
      "output differs from \(relativePath) at line \(first + 1): expected \"\(wanted)\", got "
      + "\"\(got)\" (run 'make goldens' to re-record after checking the change)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
