public import ClosurePlanner
public import Foundation
import OrgCloseBasics
public import OrgGraph

/// Reads and writes orgclose's three files: the snapshot, the policy and the plan.
///
/// Every error is a `PlanFileError` naming the file as the user gave it and, for content
/// errors, the JSON path.
public enum PlanFiles: Sendable {
  /// A decoded input with the digest of its bytes (`sha256:…`), recorded in plans.
  public struct Loaded<Value: Sendable>: Sendable {
    public var value: Value
    public var digest: String

    /// A value read from a file (or taken live) and the digest of its bytes.
    public init(value: Value, digest: String) {
      self.value = value
      self.digest = digest
    }
  }

  /// Reads and validates a snapshot.
  public static func readSnapshot(_ file: String) throws(PlanFileError) -> Loaded<Organization> {
    let bytes = try read(file, as: .snapshot)
    let file = displayName(file)
    // Hashing needs only the bytes, not the decoded organization, so the two run side by side.
    let (organization, digest) = concurrently(
      { Result { () throws(PlanFileError) in try decodeOrganization(bytes, file: file) } },
      { Self.digest(bytes) })
    return Loaded(value: try organization.get(), digest: digest)
  }

  /// Decodes and validates snapshot bytes, naming `file` in errors.
  private static func decodeOrganization(_ bytes: Data, file: String) throws(PlanFileError)
    -> Organization
  {
    let document = try decodeSnapshotDocument(bytes, file: file)
    do {
      return try document.organizationModel()
    } catch {
      throw error.inFile(file)
    }
  }

  /// Decodes a snapshot document without validating it (for tools that rewrite snapshots).
  ///
  /// A plainly valid document is read by a fast path; anything else (malformed JSON, a
  /// duplicate key, a wrong type, another schema version) is checked strictly and then goes
  /// through `JSONDecoder`, whose result and error messages are the reference.
  public static func decodeSnapshotDocument(_ bytes: Data, file: String) throws(PlanFileError)
    -> SnapshotDocument
  {
    let fast = bytes.withUnsafeBytes { raw in
      SnapshotDocument.fastRead(raw.assumingMemoryBound(to: UInt8.self))
    }
    if let fast { return fast }
    try checkDocument(bytes, file: file, kind: .snapshot, keys: SnapshotDocument.integers)
    do {
      return try JSONDecoder().decode(SnapshotDocument.self, from: bytes)
    } catch {
      throw DecodingErrorText.describe(error).inFile(file)
    }
  }

  /// Validates an in-memory snapshot document, naming `file` in errors.
  public static func organization(from document: SnapshotDocument, file: String)
    throws(PlanFileError) -> Organization
  {
    do {
      return try document.organizationModel()
    } catch {
      throw error.inFile(file)
    }
  }

  /// Reads a policy.
  public static func readPolicy(_ file: String) throws(PlanFileError) -> Loaded<Policy> {
    try decodePolicy(read(file, as: .policy), file: displayName(file))
  }

  /// Decodes policy bytes, naming `file` in errors.
  public static func decodePolicy(_ bytes: Data, file: String) throws(PlanFileError)
    -> Loaded<Policy>
  {
    try checkDocument(bytes, file: file, kind: .policy, keys: PolicyDocument.integers)
    do {
      let document = try JSONDecoder().decode(PolicyDocument.self, from: bytes)
      return Loaded(value: document.policy, digest: digest(bytes))
    } catch {
      throw DecodingErrorText.describe(error).inFile(file)
    }
  }

  /// Reads a plan written by `orgclose plan --out`.
  public static func readPlan(_ file: String) throws(PlanFileError) -> ClosurePlan {
    let name = displayName(file)
    // The reader has checked what `validated` checks of the IDs and the prerequisites, and
    // the plan keeps where each step and account is; the rest is checked here.
    let plan = try decodePlan(read(file, as: .plan), file: name)
    try checkContent(plan, lookup: plan.lookup, invalid: invalidity(name))
    return plan
  }

  /// Encodes any document with the one configuration orgclose uses for files people diff.
  public static func encode(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(value)
      data.append(UInt8(ascii: "\n"))
      return data
    } catch {
      // Our documents hold only strings, numbers and arrays; encoding cannot fail.
      preconditionFailure("encoding a document failed: \(error)")
    }
  }

  /// `sha256:` and the hex digest of `bytes`.
  public static func digest(_ bytes: Data) -> String { "sha256:" + SHA256.hexDigest(bytes) }

  /// Writes `data` to `file` through `OutputFile`: atomically for a regular file, in place for
  /// a device or a FIFO, and never over one of `inputs` (compared by device and inode).
  public static func write(_ data: Data, to file: String, protecting inputs: [String] = [])
    throws(PlanFileError)
  {
    do {
      try OutputFile.write(data, to: file, protecting: inputs)
    } catch {
      throw PlanFileError(error)
    }
  }

  /// The name of `file` in messages: `standard input` for `-`.
  public static func displayName(_ file: String) -> String {
    file == "-" ? "standard input" : file
  }
}
