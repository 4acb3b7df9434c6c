import Foundation
public import PlanFiles

/// Builds a snapshot from JSON files saved from `aws organizations …` (and `aws iam`,
/// `aws ce`) commands, for organizations where orgclose cannot run the CLI itself.
///
/// Files are recognised by their content (`Organization`, `Roots`, `Accounts`, …), never by
/// their names. A name matters only where the output does not say what it is about: the
/// parent of a `list-accounts-for-parent` or `list-organizational-units-for-parent` output
/// (`ou-ab12-34567890.accounts.json`, `r-ab12.ous.json`), the account of a
/// `list-delegated-services-for-account` or `list-tags-for-resource` output
/// (`222222222222.delegated-services.json`), and the Region of a Cost Explorer output grouped
/// by account and service (`us-east-1.costs.json`): the name's first dot-separated part.
/// Either CLI version's output is read: epoch-number or ISO timestamps, `State` or only
/// `Status`.
public struct CLIOutputImporter: Sendable {
  /// The folder of saved output, as the user named it.
  public var folder: String

  /// Creates an importer for `folder`.
  public init(folder: String) { self.folder = folder }

  /// Reads every `.json` file in the folder and builds the snapshot.
  ///
  /// - Parameter tool: The tool and version to record as the collector.
  /// - Returns: The sorted snapshot document; what the files do not cover is in its `gaps`.
  /// - Throws: `InventoryError` naming the folder or the file at fault.
  public func importSnapshot(tool: String?) throws(InventoryError) -> SnapshotDocument {
    let files = try savedFiles()
    var parts = SnapshotParts()
    try ImportedTree(files: files, folder: folder).add(to: &parts)
    try ImportedSections(files: files).add(to: &parts)
    return parts.document(capturedAt: nil, collector: .init(tool: tool, awsCli: nil))
  }

  /// Every `.json` file in the folder, in name order, decoded.
  private func savedFiles() throws(InventoryError) -> [SavedFile] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
      isFolder.boolValue
    else { throw .folderMissing(folder: folder) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    } catch {
      throw .fileUnreadable(file: folder, reason: error.localizedDescription)
    }
    guard !names.isEmpty else {
      throw .fileInvalid(file: folder, message: "has no .json files of saved aws output")
    }
    return try names.map { name throws(InventoryError) in
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw .fileUnreadable(file: path, reason: error.localizedDescription)
      }
      let output: CLIOutput
      do throws(WireError) {
        output = try CLIOutput.decode(Array(data))
      } catch {
        throw .fileInvalid(file: path, message: "is not aws CLI JSON output: \(error.reason)")
      }
      guard output.isRecognised else {
        let keys = CLIOutput.recognisedKeys
        throw .fileInvalid(
          file: path,
          message: "is not the output of an aws command orgclose reads (expected a key such as "
            + keys.dropLast().joined(separator: ", ") + " or \(keys.last ?? ""))")
      }
      return SavedFile(path: path, name: name, output: output)
    }
  }
}

/// One saved file: where it is and what it holds.
struct SavedFile: Sendable {
  var path: String
  var name: String
  var output: CLIOutput

  /// The first dot-separated part of the file's name: `ou-ab12-34567890` in
  /// `ou-ab12-34567890.accounts.json`.
  var subject: String { String(name.prefix { $0 != "." }) }

  /// Fails when an automatically paged output was saved truncated (with `--max-items`).
  func requireComplete() throws(InventoryError) {
    if let token = output.nextToken, !token.isEmpty {
      throw .fileInvalid(
        file: path,
        message: "is one page of a longer list (it has a NextToken); save the whole list "
          + "without --max-items or --no-paginate")
    }
  }
}
