import OrgGraph

/// The bounds AWS puts on a snapshot's values, checked as the document is mapped to the
/// model, so a value AWS could never have returned is refused with its place rather than
/// planned with.
enum AWSBounds {
  /// botocore: `CreateAccountName` (Organizations) and `AccountName` (the Account Management
  /// API, which renames accounts) are at most 50 characters.
  static let accountNameLength = 50
  /// botocore: `Email` is at most 64 characters.
  static let emailLength = 64
}

/// `raw` as an account name, or throws naming `path`.
func accountName(_ raw: String, at path: @autoclosure () -> String) throws(DocumentError)
  -> String
{
  let length = raw.unicodeScalars.count
  guard length <= AWSBounds.accountNameLength else {
    throw DocumentError(
      path: path(),
      message: "is \(length) characters; AWS allows at most \(AWSBounds.accountNameLength)")
  }
  return raw
}

/// `raw` as a root e-mail address, or throws naming `path`.
func emailAddress(_ raw: String, at path: @autoclosure () -> String) throws(DocumentError)
  -> String
{
  guard !raw.isEmpty else {
    throw DocumentError(path: path(), message: "is empty; every account has a root address")
  }
  let length = raw.unicodeScalars.count
  guard length <= AWSBounds.emailLength else {
    throw DocumentError(
      path: path(),
      message: "is \(length) characters; AWS allows at most \(AWSBounds.emailLength)")
  }
  return raw
}

/// `raw` as a service principal, or throws naming `path`.
func servicePrincipal(_ raw: String, at path: @autoclosure () -> String) throws(DocumentError)
  -> String
{
  guard let principal = ServicePrincipal(rawValue: raw) else {
    throw DocumentError(
      path: path(),
      message:
        "\"\(raw)\" is not a service principal (expected \(ServicePrincipal.formatDescription))")
  }
  return principal.rawValue
}

/// `raw` as a cost amount, a finite decimal of at least 0, or throws naming `path`.
///
/// The planner adds a checklist task for each service with a cost above 0; an amount it could
/// not read silently dropped the row, and the task with it.
func costAmount(_ raw: String, at path: @autoclosure () -> String) throws(DocumentError)
  -> String
{
  guard isDecimal(raw), let value = Double(raw), value.isFinite else {
    throw DocumentError(path: path(), message: "\"\(raw)\" is not a finite decimal amount")
  }
  guard value >= 0 else {
    throw DocumentError(path: path(), message: "\"\(raw)\" is negative; a cost is at least 0")
  }
  return raw
}

/// Whether `raw` is a JSON-style decimal: `-?digits(.digits)?([eE][+-]?digits)?`, so neither
/// `NaN`, `inf` nor hexadecimal (which `Double(_:)` accepts) passes.
private func isDecimal(_ raw: String) -> Bool {
  var bytes = raw.utf8[...]
  func digits() -> Bool {
    let count = bytes.prefix { (48...57).contains($0) }.count
    bytes = bytes.dropFirst(count)
    return count > 0
  }
  if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
  guard digits() else { return false }
  if bytes.first == UInt8(ascii: ".") {
    bytes = bytes.dropFirst()
    guard digits() else { return false }
  }
  if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
    bytes = bytes.dropFirst()
    if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
      bytes = bytes.dropFirst()
    }
    guard digits() else { return false }
  }
  return bytes.isEmpty
}
