import Foundation
import PlanFiles
import TestSupport
import Testing

/// A malformed input file and the exact one-line error it must produce.
struct InputFileCase: Sendable, CustomTestStringConvertible {
  var name: String
  var content: String
  var message: String
  var testDescription: String { name }
}

/// Valid inputs to derive malformed ones from, and a scratch folder to write them in.
enum InputFiles {
  /// A valid snapshot: management, two OUs, two members.
  static var snapshot: [String: Any] { baseSnapshot }
  private static func makeBase() -> [String: Any] {
    [
      "schemaVersion": 1,
      "organization": [
        "id": "o-abcdefghij", "featureSet": "ALL", "managementAccountId": "111111111111",
      ],
      "roots": [["id": "r-ab12", "name": "Root"]],
      "organizationalUnits": [
        ["id": "ou-ab12-prod0001", "name": "Prod", "parentId": "r-ab12"],
        ["id": "ou-ab12-team0001", "name": "Team", "parentId": "ou-ab12-prod0001"],
      ],
      "accounts": [
        account("111111111111", parent: "r-ab12"),
        account("222222222222", parent: "ou-ab12-prod0001"),
        account("333333333333", parent: "ou-ab12-team0001"),
      ],
    ]
  }

  private static var baseSnapshot: [String: Any] { makeBase() }

  static func account(_ id: String, parent: String) -> [String: Any] {
    [
      "id": id, "name": "acct-\(id)", "email": "a\(id)@example.com", "state": "ACTIVE",
      "joinedMethod": "CREATED", "joinedTimestamp": "2020-01-01T00:00:00Z", "parentId": parent,
    ]
  }

  /// The snapshot with `change` applied, as JSON text.
  static func snapshot(_ change: (inout [String: Any]) -> Void) -> String {
    var value = snapshot
    change(&value)
    return json(value)
  }

  static func json(_ value: Any) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// Replaces one account's field.
  static func setAccount(_ index: Int, _ key: String, _ newValue: Any?) -> (inout [String: Any]) ->
    Void
  {
    { snapshot in
      var accounts = snapshot["accounts"] as? [[String: Any]] ?? []
      accounts[index][key] = newValue
      snapshot["accounts"] = accounts
    }
  }

  /// A fresh scratch folder.
  static func scratch() throws -> TemporaryFolder { try TemporaryFolder() }
}
