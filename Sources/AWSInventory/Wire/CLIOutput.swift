import Foundation
import PlanFiles

/// Any output of the `aws` commands orgclose reads, as the CLI prints it (`--output json`).
///
/// One type for all of them: every key is optional, so the collector takes the key its command
/// returns and the importer recognises a saved file by the keys it has. Keys are AWS's
/// PascalCase names; unknown keys are ignored.
struct CLIOutput: Decodable, Sendable {
  var organization: WireOrganization?
  var roots: [WireRoot]?
  var organizationalUnits: [WireUnit]?
  var accounts: [WireAccount]?
  var delegatedAdministrators: [WireDelegatedAdministrator]?
  var delegatedServices: [WireServicePrincipal]?
  var handshakes: [WireHandshake]?
  var enabledServicePrincipals: [WireServicePrincipal]?
  var responsibilityTransfers: [WireTransfer]?
  var enabledFeatures: [String]?
  var organizationID: String?
  var tags: [WireTag]?
  var resultsByTime: [WireCostPeriod]?
  var groupDefinitions: [WireGroupDefinition]?
  var nextToken: String?
  var nextPageToken: String?

  enum CodingKeys: String, CodingKey {
    case organization = "Organization"
    case roots = "Roots"
    case organizationalUnits = "OrganizationalUnits"
    case accounts = "Accounts"
    case delegatedAdministrators = "DelegatedAdministrators"
    case delegatedServices = "DelegatedServices"
    case handshakes = "Handshakes"
    case enabledServicePrincipals = "EnabledServicePrincipals"
    case responsibilityTransfers = "ResponsibilityTransfers"
    case enabledFeatures = "EnabledFeatures"
    case organizationID = "OrganizationId"
    case tags = "Tags"
    case resultsByTime = "ResultsByTime"
    case groupDefinitions = "GroupDefinitions"
    case nextToken = "NextToken"
    case nextPageToken = "NextPageToken"
  }

  /// The keys by which a saved file is recognised, in the order messages list them.
  static let recognisedKeys = [
    "Organization", "Roots", "OrganizationalUnits", "Accounts", "DelegatedAdministrators",
    "DelegatedServices", "Handshakes", "EnabledServicePrincipals", "ResponsibilityTransfers",
    "EnabledFeatures", "ResultsByTime", "Tags",
  ]

  /// Whether the output has one of `recognisedKeys`.
  var isRecognised: Bool {
    organization != nil || roots != nil || organizationalUnits != nil || accounts != nil
      || delegatedAdministrators != nil || delegatedServices != nil || handshakes != nil
      || enabledServicePrincipals != nil || responsibilityTransfers != nil
      || enabledFeatures != nil || resultsByTime != nil || tags != nil
  }

  /// Decodes CLI output.
  ///
  /// - Throws: `WireError` naming the JSON path of the first problem.
  static func decode(_ bytes: [UInt8]) throws(WireError) -> CLIOutput {
    guard bytes.contains(where: { !$0.isASCIIWhitespace }) else {
      throw WireError(reason: "no output (expected JSON)")
    }
    do {
      return try JSONDecoder().decode(CLIOutput.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw WireError(reason: WireError.describe(error))
    } catch {
      throw WireError(reason: "\(error)")
    }
  }
}

/// Output that is not the JSON orgclose expects, with the path of the problem.
struct WireError: Error, Equatable, Sendable {
  var reason: String

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
      }.joined()
      return keys.isEmpty ? "the output" : String(keys.drop { $0 == "." })
    }
    switch error {
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "not JSON" : "\(path(context)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context)): \(key.stringValue) is missing"
    case .typeMismatch(let type, let context):
      return "\(path(context)): expected \(Self.name(of: type))"
    case .valueNotFound(let type, let context):
      return "\(path(context)): expected \(Self.name(of: type)), found null"
    @unknown default:
      return "\(error)"
    }
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Double.Type, is Int.Type: "a number"
    default: type is any Collection.Type ? "a list" : "an object"
    }
  }
}

extension UInt8 {
  fileprivate var isASCIIWhitespace: Bool {
    self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09
  }
}
