import ClosurePlanner
public import Foundation
import OrgCloseBasics

extension PlanFiles {
  /// The file's bytes, or `missing`/`unreadable`; a file larger than `kind` allows is refused
  /// before any of it is read; `-` reads standard input to its end.
  public static func read(_ file: String, as kind: FileKind) throws(PlanFileError) -> Data {
    if file == "-" {
      let data: Data
      do {
        data = try StandardStream.readInput()
      } catch {
        throw PlanFileError(error)
      }
      guard data.count <= kind.maximumFileBytes else {
        throw PlanFileError.invalid(
          file: displayName(file), path: "",
          message: "is larger than orgclose reads for \(kind): at most \(kind.sizeLimitText)")
      }
      return data
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
      throw .missing(file: file)
    }
    guard !isDirectory.boolValue else {
      throw .unreadable(file: file, reason: "it is a directory")
    }
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
    } catch {
      throw .unreadable(file: file, reason: reason(error))
    }
    defer { try? handle.close() }
    do {
      // One byte more than allowed tells a file at the limit from a larger one, even when
      // the file grows while it is read or is not a regular file.
      let data = try handle.read(upToCount: kind.maximumFileBytes + 1) ?? Data()
      guard data.count <= kind.maximumFileBytes else {
        throw PlanFileError.invalid(
          file: file, path: "",
          message: "is larger than orgclose reads for \(kind): at most \(kind.sizeLimitText)")
      }
      return data
    } catch let error as PlanFileError {
      throw error
    } catch {
      throw .unreadable(file: file, reason: reason(error))
    }
  }

  /// Checks `bytes` strictly (see `StrictJSON`), then that they are a file of `kind` in the
  /// schema version this orgclose reads: what every slow path does before `JSONDecoder`.
  ///
  /// - Parameters:
  ///   - bytes: The file's content.
  ///   - file: The file's name, for errors.
  ///   - kind: The kind of file expected.
  ///   - keys: The keys the file may have, for kinds that refuse unknown keys through this
  ///     check rather than through their `Decodable` types.
  /// - Throws: `PlanFileError.invalid` with the place that is wrong, or `wrongKind`.
  static func checkDocument(
    _ bytes: Data, file: String, kind: FileKind, keys: KeySchema? = nil
  ) throws(PlanFileError) {
    let checked = bytes.withUnsafeBytes { raw in
      Result { () throws(DocumentError) in
        try StrictJSON.check(
          raw.assumingMemoryBound(to: UInt8.self), limits: kind.limits, keys: keys)
      }
    }
    let scan: StrictJSON.Outcome
    switch checked {
    case .success(let outcome): scan = outcome
    case .failure(let error): throw error.inFile(file)
    }
    if let found = FileKind.recognised(byTopLevelKeys: scan.topLevelKeys), found != kind {
      throw .wrongKind(file: file, found: found, expected: kind)
    }
    if let unknownKey = scan.firstUnknownKey { throw unknownKey.inFile(file) }
    try checkSchemaVersion(bytes, file: file, kind: kind)
  }

  /// Checks `schemaVersion` before anything else, so a newer file gets a clear message
  /// rather than a confusing one about some field it renamed.
  private static func checkSchemaVersion(_ bytes: Data, file: String, kind: FileKind)
    throws(PlanFileError)
  {
    let supported = kind.schemaVersion
    struct Header: Decodable { var schemaVersion: Int? }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: bytes)
    } catch {
      throw DecodingErrorText.describe(error).inFile(file)
    }
    guard let version = header.schemaVersion else {
      throw .invalid(
        file: file, path: "schemaVersion",
        message: "is missing; this orgclose reads version \(supported)")
    }
    if kind == .plan, version < supported {
      throw .invalid(
        file: file, path: "schemaVersion",
        message: "is \(version): the plan was written in an older format than this orgclose "
          + "reads (\(supported)); make it again with 'orgclose plan SNAPSHOT --policy POLICY "
          + "--out PLAN', then review the new file")
    }
    guard version == supported else {
      throw .invalid(
        file: file, path: "schemaVersion",
        message: version > supported
          ? "\(version) is newer than this orgclose reads (\(supported)); upgrade orgclose"
          : "\(version) is not a version orgclose reads (\(supported))")
    }
  }

  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      let message = String(validatingCString: strerror(Int32(underlying.code)))
    {
      return message
    }
    return nsError.localizedDescription
  }
}

extension FileKind {
  /// The schema version of this kind that orgclose reads.
  fileprivate var schemaVersion: Int {
    switch self {
    case .snapshot: SnapshotDocument.currentSchemaVersion
    case .policy: PolicyDocument.currentSchemaVersion
    case .plan: ClosurePlan.currentSchemaVersion
    case .iamPolicy, .awsCLIOutput: 1
    }
  }
}
