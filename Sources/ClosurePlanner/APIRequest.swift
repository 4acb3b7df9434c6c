/// One AWS call a step makes: the operation and its parameters.
///
/// Both the plan's `call` (`organizations:CancelHandshake`) and the `aws` command of the step
/// (`aws organizations cancel-handshake --handshake-id h-…`) are derived from this one value,
/// so they can never name different operations.
public struct APIRequest: Hashable, Sendable {
  /// An AWS service, as the `aws` CLI and IAM actions name it.
  public enum Service: String, Hashable, Sendable {
    case organizations
  }

  /// A named parameter of the operation, as the API spells it (`AccountId`).
  public struct Parameter: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The operations orgclose's steps make or poll; `rawValue` spells them as the API does.
  public enum Operation: String, Hashable, Sendable, CaseIterable {
    case closeAccount = "CloseAccount"
    case removeAccountFromOrganization = "RemoveAccountFromOrganization"
    case deregisterDelegatedAdministrator = "DeregisterDelegatedAdministrator"
    case deleteOrganization = "DeleteOrganization"
    case cancelHandshake = "CancelHandshake"
    case declineHandshake = "DeclineHandshake"
    case terminateResponsibilityTransfer = "TerminateResponsibilityTransfer"
    case describeResponsibilityTransfer = "DescribeResponsibilityTransfer"
    case describeAccount = "DescribeAccount"
    case listAccounts = "ListAccounts"

    /// Whether the operation changes the organization (as opposed to a wait's poll).
    public var isMutating: Bool {
      switch self {
      case .describeResponsibilityTransfer, .describeAccount, .listAccounts: false
      default: true
      }
    }
  }

  public var service: Service
  /// The API operation (`CloseAccount`).
  public var operation: Operation
  public var parameters: [Parameter]

  public init(_ service: Service, _ operation: Operation, _ parameters: [Parameter] = []) {
    self.service = service
    self.operation = operation
    self.parameters = parameters
  }

  /// `service:Operation`, as IAM actions and the plan's `call` name it.
  public var call: String { "\(service.rawValue):\(operation.rawValue)" }

  /// The `aws` CLI argument vector, without the program name.
  public var arguments: [String] {
    [service.rawValue, Self.kebabCase(operation.rawValue)]
      + parameters.flatMap { ["--" + Self.kebabCase($0.name), $0.value] }
  }

  /// The command a person can paste into a shell: `aws` and the arguments, each quoted
  /// where a shell would otherwise read it differently.
  public var commandLine: String {
    (["aws"] + arguments.map(Self.shellQuoted)).joined(separator: " ")
  }

  /// `CancelHandshake` → `cancel-handshake`, as the `aws` CLI names operations and options.
  static func kebabCase(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase {
        if !result.isEmpty { result.append("-") }
        result += character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// `value` as a POSIX shell reads it back: unchanged when it holds only characters no
  /// shell treats specially, otherwise in single quotes.
  static func shellQuoted(_ value: String) -> String {
    let plain =
      !value.isEmpty
      && value.unicodeScalars.allSatisfy { scalar in
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", "=", ",":
          true
        default:
          false
        }
      }
    if plain { return value }
    return "'" + value.replacing("'", with: "'\\''") + "'"
  }
}

extension APIRequest {
  /// The value of the parameter called `name`, if the request has one.
  public func parameter(_ name: String) -> String? {
    parameters.first { $0.name == name }?.value
  }

  /// `CloseAccount` (rule B8).
  static func closeAccount(_ account: some CustomStringConvertible) -> Self {
    Self(.organizations, .closeAccount, [Parameter("AccountId", account.description)])
  }

  /// `DescribeAccount`, which a wait for a closure polls (rule B8).
  static func describeAccount(_ account: some CustomStringConvertible) -> Self {
    Self(.organizations, .describeAccount, [Parameter("AccountId", account.description)])
  }
}
