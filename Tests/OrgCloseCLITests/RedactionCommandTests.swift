import Foundation
import OrgCloseCLI
import Testing

/// `--redact` leaves no address in any output of any command, whatever the format.
@Suite struct RedactionCommandTests {
  /// acme with a vendor's address, quoted and encoded ones in notes and an OU named after
  /// its team's list.
  static func variant() throws -> SampleVariant {
    try SampleVariant(
      snapshot: [
        Edit(
          from: #"{ "id": "ou-ac01-paym0001", "name": "Payments","#,
          to: #"{ "id": "ou-ac01-paym0001", "name": "Payments pay-team@acme.example","#)
      ],
      policy: [
        Edit(
          from: #""notes": "Card processor notified on 2026-11-15""#,
          to:
            #""notes": "Card processor \"j.doe\"@vendor.example and ap%40vendor.example notified""#),
        Edit(
          from: #""222222222203": { "route53Domains": true, "emailReuseNeeded": true }"#,
          to:
            #""222222222203": { "route53Domains": true, "emailReuseNeeded": true, "notes": "DNS by dns@vendor.example" }"#
        ),
      ])
  }

  static func leaks(_ output: String) -> [String] {
    ["acme.example", "vendor.example", "%40", "\"j.doe\""].filter { output.contains($0) }
  }

  @Test(
    "every command and format",
    arguments: [
      ["plan", "text"], ["plan", "json"], ["plan", "markdown"], ["plan", "mermaid"],
      ["plan", "dot"], ["blockers", "text"], ["blockers", "markdown"], ["blockers", "json"],
      ["render", "text"], ["render", "markdown"], ["diff", "text"], ["diff", "markdown"],
    ])
  func noAddressSurvives(_ command: [String]) throws {
    let variant = try Self.variant()
    defer { variant.remove() }
    let arguments: [String]
    switch command[0] {
    case "render": arguments = ["render", variant.plan(), "--format", command[1], "--redact"]
    case "diff":
      arguments = [
        "diff", SampleVariant.acmePlan, variant.plan(), "--format", command[1], "--redact",
      ]
    default:
      arguments = [
        command[0], variant.snapshot, "--policy", variant.policy, "--format", command[1],
        "--redact",
      ]
    }
    let unredacted = CapturedConsole.run(Array(arguments.dropLast()))
    let result = CapturedConsole.run(arguments)
    #expect(result.status == unredacted.status, "\(result.err)")
    // The step graphs hold no addresses to begin with.
    if command[0] == "plan" || command[0] == "render", !["mermaid", "dot"].contains(command[1]) {
      #expect(!Self.leaks(unredacted.out).isEmpty, "the variant must hold addresses to redact")
    }
    #expect(Self.leaks(result.out) == [])
  }

  @Test("a vendor in notes gets its own placeholder, not the root address's")
  func thirdPartyPlaceholder() throws {
    let variant = try Self.variant()
    defer { variant.remove() }
    let result = CapturedConsole.run([
      "plan", variant.snapshot, "--policy", variant.policy, "--format", "json", "--redact",
    ])
    #expect(
      result.out.contains(
        "Operator note: Card processor contact-222222222201-1@redacted.invalid and "
          + "contact-222222222201-2@redacted.invalid notified"))
    #expect(result.out.contains("Operator note: DNS by contact-222222222203-1@redacted.invalid"))
    #expect(result.out.contains("root-222222222203@redacted.invalid"))
  }
}
