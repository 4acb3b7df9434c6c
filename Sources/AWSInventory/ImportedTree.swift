import OrgGraph
import PlanFiles

/// The organization, root, OUs and accounts of a `--from-cli-output` folder.
///
/// A parent comes from the file's name (`<parent>.accounts.json`) or else from the entry's
/// `Paths`/`Path`; an OU seen only inside paths is kept with its ID as its name; anything
/// whose parent is still unknown is placed under the root. The last two add gaps.
struct ImportedTree {
  var files: [SavedFile]
  var folder: String

  func add(to parts: inout SnapshotParts) throws(InventoryError) {
    parts.organization = try organization()
    var units: [String: SnapshotDocument.UnitRecord] = [:]
    var unitsWithoutParent: [String] = []
    var pathParents: [String: String] = [:]
    var accounts: [String: SnapshotDocument.AccountRecord] = [:]
    var accountsWithoutParent: Set<String> = []
    var rootIDs: Set<String> = []
    let roots = try listedRoots()

    for file in files where file.output.organizationalUnits != nil {
      try file.requireComplete()
      for (index, unit) in (file.output.organizationalUnits ?? []).enumerated() {
        guard let id = unit.id else {
          throw .fileInvalid(
            file: file.path, message: "OrganizationalUnits[\(index)].Id is missing")
        }
        let path = try unit.path.map { text throws(InventoryError) in
          try parsed(text, file: file, at: "OrganizationalUnits[\(index)].Path")
        }
        path?.unitParents.forEach { pathParents[$0.unit] = $0.parent }
        rootIDs.formUnion(path?.ancestors.prefix(1) ?? [])
        if let parent = parentFromName(file) ?? path?.parent(of: id) {
          units[id] = .init(id: id, name: unit.name ?? id, parentId: parent)
        } else if units[id] == nil {
          units[id] = .init(id: id, name: unit.name ?? id, parentId: "")
          unitsWithoutParent.append(id)
        }
      }
    }

    for file in files where file.output.accounts != nil {
      try file.requireComplete()
      for (index, account) in (file.output.accounts ?? []).enumerated() {
        guard let id = account.id else {
          throw .fileInvalid(file: file.path, message: "Accounts[\(index)].Id is missing")
        }
        let path = try account.paths?.first.map { text throws(InventoryError) in
          try parsed(text, file: file, at: "Accounts[\(index)].Paths[0]")
        }
        path?.unitParents.forEach { pathParents[$0.unit] = $0.parent }
        rootIDs.formUnion(path?.ancestors.prefix(1) ?? [])
        if let parent = parentFromName(file) ?? path?.parent(of: id) {
          accounts[id] = WireMapping.account(account, id: id, parent: parent)
          accountsWithoutParent.remove(id)
        } else if accounts[id] == nil {
          accounts[id] = WireMapping.account(account, id: id, parent: "")
          accountsWithoutParent.insert(id)
        }
      }
    }

    for file in files where file.output.organizationalUnits != nil || file.output.accounts != nil {
      if let parent = parentFromName(file), RootID.isValid(parent) { rootIDs.insert(parent) }
    }
    let root = try theRoot(listed: roots, seen: rootIDs)
    parts.roots = [root]

    // OUs named only inside paths: their parents are known, their names are not.
    var unnamed: [String] = []
    for (unit, parent) in pathParents.sorted(by: { $0.key < $1.key }) {
      if units[unit] == nil {
        units[unit] = .init(id: unit, name: unit, parentId: parent)
        unnamed.append(unit)
      } else if units[unit]?.parentId == "" {
        units[unit]?.parentId = parent
        unitsWithoutParent.removeAll { $0 == unit }
      }
    }
    if !unnamed.isEmpty {
      parts.addGap(
        "organizationalUnits",
        "\(unnamed.count) OU(s) appear only in Paths, so their names are unknown and shown as "
          + "their IDs (\(Self.sample(unnamed))); save list-organizational-units-for-parent "
          + "for each parent")
    }

    let unplaced = (unitsWithoutParent + accountsWithoutParent.sorted())
    for id in unitsWithoutParent { units[id]?.parentId = root.id }
    for id in accountsWithoutParent { accounts[id]?.parentId = root.id }
    if !unplaced.isEmpty {
      parts.addGap(
        "parents",
        "the parent of \(unplaced.count) account(s) or OU(s) is unknown (no Paths in the "
          + "output and no parent ID in the file name), so they are placed under the root "
          + "\(root.id): \(Self.sample(unplaced)); save list-accounts-for-parent and "
          + "list-organizational-units-for-parent output per parent, or use a newer AWS CLI")
    }
    parts.units = units
    parts.accounts = accounts
  }

  private func organization() throws(InventoryError) -> SnapshotDocument.OrganizationRecord {
    let saved = files.filter { $0.output.organization != nil }
    guard let file = saved.first, let wire = file.output.organization else {
      throw .fileInvalid(
        file: folder,
        message: "has no describe-organization output (a file with \"Organization\"); save it "
          + "with 'aws organizations describe-organization > organization.json'")
    }
    switch WireMapping.organization(wire) {
    case .success(let record):
      for other in saved.dropFirst() where other.output.organization?.id != record.id {
        throw .fileInvalid(
          file: other.path, message: "describes another organization than \(file.name)")
      }
      return record
    case .failure(let error):
      throw .fileInvalid(file: file.path, message: error.reason)
    }
  }

  private func listedRoots() throws(InventoryError) -> [SnapshotDocument.RootRecord] {
    var roots: [String: SnapshotDocument.RootRecord] = [:]
    for file in files {
      for (index, root) in (file.output.roots ?? []).enumerated() {
        guard let id = root.id else {
          throw .fileInvalid(file: file.path, message: "Roots[\(index)].Id is missing")
        }
        roots[id] = .init(id: id, name: root.name ?? "Root")
      }
    }
    return roots.values.sorted { $0.id < $1.id }
  }

  private func theRoot(listed: [SnapshotDocument.RootRecord], seen: Set<String>)
    throws(InventoryError) -> SnapshotDocument.RootRecord
  {
    if listed.count == 1 { return listed[0] }
    if listed.isEmpty, seen.count == 1, let id = seen.first {
      return .init(id: id, name: "Root")  // AWS names the root "Root"
    }
    let found = listed.isEmpty ? seen.sorted() : listed.map(\.id)
    throw .fileInvalid(
      file: folder,
      message: found.isEmpty
        ? "does not say the root's ID; save 'aws organizations list-roots > roots.json'"
        : "names \(found.count) roots (\(found.joined(separator: ", "))); an organization has one")
  }

  /// The parent ID at the start of the file's name, for the per-parent list outputs.
  private func parentFromName(_ file: SavedFile) -> String? {
    let subject = file.subject
    return RootID.isValid(subject) || OrganizationalUnitID.isValid(subject) ? subject : nil
  }

  private func parsed(_ text: String, file: SavedFile, at path: String) throws(InventoryError)
    -> OrganizationPath
  {
    guard let parsed = OrganizationPath(text) else {
      throw .fileInvalid(
        file: file.path,
        message: "\(path): \"\(text)\" is not an organization path (o-…/r-…(/ou-…)*/…/)")
    }
    return parsed
  }

  /// Up to five IDs, then how many more.
  static func sample(_ ids: [String]) -> String {
    ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", and \(ids.count - 5) more" : "")
  }
}
