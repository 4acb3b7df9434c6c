import Testing

/// A moto server holding a 50-account organization four OU levels deep, shared by one suite:
/// started before its first test and stopped after its last.
struct MotoOrganization: Sendable {
  var server: MotoServer
  var manifest: Manifest

  @TaskLocal static var current: MotoOrganization?

  static let accounts = 50
  static let units = 12
  static let depth = 4
}

/// Gives a suite its `MotoOrganization.current`.
struct MotoOrganizationTrait: SuiteTrait, TestScoping {
  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let server = try await MotoServer.start()
    defer { server.stop() }
    let manifest = try await server.buildOrganization(
      accounts: MotoOrganization.accounts, units: MotoOrganization.units,
      depth: MotoOrganization.depth)
    try await MotoOrganization.$current.withValue(
      MotoOrganization(server: server, manifest: manifest), operation: function)
  }
}

extension Trait where Self == MotoOrganizationTrait {
  /// Runs the suite against a moto server with a 50-account organization.
  static var motoOrganization: Self { Self() }
}
