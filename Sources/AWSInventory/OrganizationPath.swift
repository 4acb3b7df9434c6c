import OrgGraph

/// The `Paths` of an account and the `Path` of an OU (rule A3): `o-…/r-…(/ou-…)*/<id>/`,
/// read for the parents they name.
struct OrganizationPath: Equatable, Sendable {
  /// The root and OU IDs along the path, root first.
  var ancestors: [String]

  /// Parses `text`; `nil` unless it starts with an organization ID and a root ID.
  init?(_ text: String) {
    let parts = text.split(separator: "/").map(String.init)
    guard parts.count >= 2, OrganizationID.isValid(parts[0]), RootID.isValid(parts[1]) else {
      return nil
    }
    var ancestors = [parts[1]]
    for part in parts.dropFirst(2) {
      if OrganizationalUnitID.isValid(part) {
        ancestors.append(part)
      } else if !AccountID.isValid(part) {
        return nil
      }
    }
    self.ancestors = ancestors
  }

  /// The parent of `child`: the last root or OU on the path that is not `child` itself.
  func parent(of child: String) -> String? {
    ancestors.last { $0 != child }
  }

  /// Each OU on the path with its parent, for OUs known only from paths.
  var unitParents: [(unit: String, parent: String)] {
    zip(ancestors.dropFirst(), ancestors).map { ($0, $1) }
  }
}
