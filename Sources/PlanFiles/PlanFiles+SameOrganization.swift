public import ClosurePlanner
import OrgGraph

extension PlanFiles {
  /// Checks that `plan` is about the organization `organizationID` that `other` describes.
  ///
  /// A plan compared with another organization's snapshot or plan differs in every account;
  /// calling it stale (or listing the differences) would hide that the wrong file was given.
  ///
  /// - Parameters:
  ///   - plan: The plan, read from `file`.
  ///   - file: The plan's file, for the error.
  ///   - organizationID: The organization of `other`.
  ///   - other: The file `plan` is compared with.
  ///   - otherKind: What `other` is: a snapshot or a plan.
  /// - Throws: `PlanFileError.otherOrganization` when the organizations differ.
  public static func requireSameOrganization(
    _ plan: ClosurePlan, file: String, as organizationID: String, of other: String,
    otherKind: FileKind
  ) throws(PlanFileError) {
    guard plan.organization.id.rawValue != organizationID else { return }
    throw .otherOrganization(
      file: file, organization: plan.organization.id.rawValue, other: other, otherKind: otherKind,
      otherOrganization: organizationID)
  }
}
