import AWSInventory
import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// `orgclose snapshot` end to end: the built binary runs the real AWS CLI against moto
/// servers on 127.0.0.1.
///
/// One suite at a time: each runs several processes, and the machines have two cores.
@Suite(.serialized) enum MotoIntegrationTests {}

extension MotoIntegrationTests {
  /// The live snapshot and the importer against a 50-account organization four OU levels
  /// deep.
  ///
  /// moto implements the Organizations calls of the tree, delegated administrators, trusted
  /// access, tags and Cost Explorer (with queued answers), but not
  /// `list-handshakes-for-organization`, the responsibility-transfer lists or
  /// `iam list-organizations-features`: those must come out as gaps.
  @Suite(.serialized, .motoOrganization, .timeLimit(.minutes(10)))
  struct Organization {
    let moto: MotoOrganization
    let folder: TemporaryFolder

    init() throws {
      moto = try #require(MotoOrganization.current, "the suite's moto server did not start")
      folder = try TemporaryFolder()
    }

    func snapshot(_ arguments: [String]) async throws -> CommandOutput {
      try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot", "--endpoint-url", moto.server.endpoint] + arguments,
        onlyEnvironment: Tools.awsEnvironment())
    }

    @Test("snapshots every account under its parent, with the sections moto has, and plans")
    func snapshotsAndPlans() async throws {
      defer { folder.remove() }
      let out = folder.file("org.snapshot.json")
      let result = try await snapshot(["--tags", "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      let manifest = moto.manifest
      let document = try PlanFiles.decodeSnapshotDocument(
        try PlanFiles.read(out, as: .snapshot), file: out)

      #expect(document.organization.id == manifest.organizationId)
      #expect(document.organization.managementAccountId == manifest.managementAccountId)
      #expect(document.roots.map(\.id) == [manifest.rootId])
      #expect(document.accounts.count == MotoOrganization.accounts + 1)
      for account in document.accounts {
        #expect(account.parentId == manifest.accounts[account.id], "parent of \(account.id)")
        #expect(account.state == "ACTIVE")
        #expect(account.tags == (manifest.tags[account.id] ?? [:]), "tags of \(account.id)")
      }
      #expect(document.organizationalUnits?.count == MotoOrganization.units)
      for unit in document.organizationalUnits ?? [] {
        #expect(unit.parentId == manifest.units[unit.id]?.parentId, "parent of \(unit.id)")
        #expect(unit.name == manifest.units[unit.id]?.name)
      }
      #expect(
        document.delegatedAdministrators?.map { [$0.accountId, $0.servicePrincipal] }
          == manifest.delegatedAdministrators)
      #expect(document.enabledServicePrincipals == manifest.servicePrincipals)
      #expect(
        document.costs?.rows.map { [$0.accountId, $0.service, $0.region, $0.amount.text] }
          == manifest.costRows.sorted { $0.lexicographicallyPrecedes($1) })
      #expect(
        document.gaps?.map(\.section) == [
          "handshakes", "responsibilityTransfers", "responsibilityTransfers", "rootAccessFeatures",
        ])
      #expect(document.collector?.awsCli?.hasPrefix("aws-cli/1.") == true)

      // One walk: 2 listings per parent (12 OUs and the root); tags, one per account; the
      // unimplemented calls run 3 times (orgclose's retries), iam once (not retryable).
      let tree = 1 + 1 + 1 + 2 * (MotoOrganization.units + 1)
      let optional = (MotoOrganization.accounts + 1) + 1 + 1 + 3 + 3 + 3 + 1 + 1 + 1 + 2
      #expect(
        result.stderr.contains(
          "Wrote \(out): 51 accounts, 12 OUs, 4 gaps; \(tree + optional) aws invocations (6 re-run"),
        "\(result.stderr)")

      let organization = try PlanFiles.readSnapshot(out).value
      let plan = try Fixtures.plan(organization)
      for member in organization.members {
        #expect(plan.step("close-account:\(member.id)") != nil, "close step for \(member.id)")
      }
      let admin = manifest.delegatedAdministrators[0]
      #expect(plan.step("deregister-delegated-admin:\(admin[0]):\(admin[1])") != nil)
      #expect(plan.findings("SNAPSHOT_GAP").count == 4)
    }

    @Test("--from-cli-output rebuilds the organization from the aws CLI's saved output")
    func importsSavedOutput() async throws {
      defer { folder.remove() }
      let saved = folder.url("saved")
      try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
      let manifest = moto.manifest
      let admin = manifest.delegatedAdministrators[0][0]
      var commands: [(file: String, words: [String])] = [
        ("organization.json", ["describe-organization"]),
        ("roots.json", ["list-roots"]),
        ("delegated-administrators.json", ["list-delegated-administrators"]),
        (
          "\(admin).delegated-services.json",
          ["list-delegated-services-for-account", "--account-id", admin]
        ),
        ("service-access.json", ["list-aws-service-access-for-organization"]),
      ]
      for parent in [manifest.rootId] + manifest.units.keys.sorted() {
        commands.append(
          ("\(parent).ous.json", ["list-organizational-units-for-parent", "--parent-id", parent]))
        commands.append(
          ("\(parent).accounts.json", ["list-accounts-for-parent", "--parent-id", parent]))
      }
      try await saveOutputs(commands, in: saved)

      let out = folder.file("imported.json")
      let result = try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot", "--from-cli-output", saved.path, "--out", out],
        onlyEnvironment: Tools.awsEnvironment())
      #expect(result.status == 0, "\(result.stderr)")
      let document = try PlanFiles.decodeSnapshotDocument(
        try PlanFiles.read(out, as: .snapshot), file: out)
      #expect(document.accounts.count == MotoOrganization.accounts + 1)
      for account in document.accounts {
        #expect(account.parentId == manifest.accounts[account.id], "parent of \(account.id)")
      }
      for unit in document.organizationalUnits ?? [] {
        #expect(unit.parentId == manifest.units[unit.id]?.parentId, "parent of \(unit.id)")
      }
      #expect(document.delegatedAdministrators?.count == manifest.delegatedAdministrators.count)
      #expect(
        document.gaps?.map(\.section) == [
          "handshakes", "responsibilityTransfers", "rootAccessFeatures",
        ])

      // Only describe-organization and list-accounts, which moto prints without Paths.
      let minimal = folder.url("minimal")
      try FileManager.default.createDirectory(at: minimal, withIntermediateDirectories: true)
      try await saveOutputs(
        [
          ("organization.json", ["describe-organization"]), ("roots.json", ["list-roots"]),
          ("accounts.json", ["list-accounts"]),
        ], in: minimal)
      let fallback = try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot", "--from-cli-output", minimal.path],
        onlyEnvironment: Tools.awsEnvironment())
      #expect(fallback.status == 0, "\(fallback.stderr)")
      let flat = try PlanFiles.decodeSnapshotDocument(Data(fallback.stdout.utf8), file: "stdout")
      #expect(flat.accounts.allSatisfy { $0.parentId == manifest.rootId })
      #expect(flat.gaps?.contains { $0.section == "parents" } == true)
      #expect(fallback.stderr.contains("orgclose: gap: parents: the parent of 51 account(s)"))
    }

    /// Runs `aws organizations <words>` for each file and saves its output there.
    private func saveOutputs(_ commands: [(file: String, words: [String])], in folder: URL)
      async throws
    {
      let environment = Tools.awsEnvironment()
      for (file, words) in commands {
        let result = try await TestProcess.runOffThePool(
          Tools.aws,
          ["--endpoint-url", moto.server.endpoint, "--output", "json", "organizations"] + words,
          onlyEnvironment: environment)
        guard result.status == 0 else {
          throw ToolError("aws organizations \(words.joined(separator: " ")): \(result.stderr)")
        }
        try Data(result.stdout.utf8).write(to: folder.appendingPathComponent(file))
      }
    }
  }

}

extension MotoIntegrationTests {
  /// Failures against real processes: exit statuses and messages, nothing written.
  @Suite(.serialized, .timeLimit(.minutes(5)))
  struct Failures {
    @Test("an account in no organization exits 75 with a clear message and writes nothing")
    func notInAnOrganization() async throws {
      let server = try await MotoServer.start()
      defer { server.stop() }
      let folder = try TemporaryFolder()
      defer { folder.remove() }
      let out = folder.file("org.snapshot.json")
      let result = try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot", "--endpoint-url", server.endpoint, "--out", out],
        onlyEnvironment: Tools.awsEnvironment())
      #expect(result.status == 75)
      #expect(
        result.stderr.hasPrefix(
          "orgclose: this account is not in an organization (or it was already deleted)"))
      #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("without aws on PATH it exits 69 and says how to install it")
    func awsMissing() async throws {
      let result = try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot"],
        onlyEnvironment: Tools.awsEnvironment(path: "/nonexistent"))
      #expect(result.status == 69)
      #expect(
        result.stderr.hasPrefix(
          "orgclose: the aws CLI was not found on PATH; install it (pip install awscli"))
    }

    @Test("a server that does not answer: exit 75 after the retries")
    func unreachable() async throws {
      try Tools.require()
      let result = try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot", "--endpoint-url", "http://127.0.0.1:9"],
        onlyEnvironment: Tools.awsEnvironment())
      #expect(result.status == 75)
      #expect(
        result.stderr.hasPrefix(
          "orgclose: aws organizations describe-organization failed (exit 255) after 3 attempts: "
            + "Could not connect to the endpoint URL"), "\(result.stderr)")
    }

    @Test("live options with --from-cli-output are a usage error")
    func usage() async throws {
      let result = try await TestProcess.runOffThePool(
        try Tools.orgclose(), ["snapshot", "--from-cli-output", "x", "--profile", "p"],
        onlyEnvironment: Tools.awsEnvironment())
      #expect(result.status == 64)
      #expect(
        result.stderr
          == "orgclose: snapshot: --profile applies to a live snapshot, not to --from-cli-output; "
          + "see 'orgclose help snapshot'\n")
    }
  }
}
