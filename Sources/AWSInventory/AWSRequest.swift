/// One `aws` CLI call: the service and command, their arguments, and how it pages.
struct AWSRequest: Hashable, Sendable, CustomStringConvertible {
  /// How results beyond the first page are fetched.
  enum Paging: Hashable, Sendable {
    /// The CLI pages by itself and merges the pages (`--page-size` sets each page's size).
    case automatic
    /// The CLI pages by itself, but the API takes no page size (`list-tags-for-resource`).
    case automaticUnsized
    /// One request, one response.
    case none
  }

  /// The CLI's service name, which is also the IAM action prefix: `organizations`, `iam`, `ce`.
  var service: String
  /// The CLI command, for example `list-accounts-for-parent`.
  var command: String
  /// The API operation, for example `ListAccountsForParent`, which names the IAM permission.
  var operation: String
  /// The command's own arguments, for example `["--parent-id", "r-ab12"]`.
  var arguments: [String] = []
  var paging: Paging = .none

  /// The IAM action the call needs, for example `organizations:ListAccountsForParent`.
  var permission: String { "\(service):\(operation)" }

  /// The call as a person would type it, without the connection options.
  var description: String {
    (["aws", service, command] + arguments).joined(separator: " ")
  }
}

extension AWSRequest {
  /// `aws organizations <command>` with automatic paging.
  static func organizationsList(
    _ command: String, _ operation: String, _ arguments: [String] = [],
    paging: Paging = .automatic
  ) -> AWSRequest {
    AWSRequest(
      service: "organizations", command: command, operation: operation, arguments: arguments,
      paging: paging)
  }
}
