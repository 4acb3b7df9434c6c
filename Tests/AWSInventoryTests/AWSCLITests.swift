import Testing

@testable import AWSInventory

/// The argument vector, the environment and the reading of the CLI's errors.
@Suite struct AWSCLITests {
  static func cli(
    major: Int?, connection: AWSConnection = AWSConnection(), environment: [String: String] = [:]
  ) -> AWSCLI {
    AWSCLI(
      runner: FakeCommandRunner(), connection: connection, environment: environment,
      retry: RetryPolicy(), majorVersion: major)
  }

  @Test("CLI v2: JSON, no pager, the user's connection options, and a page size of 20")
  func argumentVectorV2() {
    let cli = Self.cli(
      major: 2,
      connection: AWSConnection(
        profile: "org admin", region: "us-east-1", endpointURL: "http://127.0.0.1:5000"))
    let request = AWSRequest.organizationsList(
      "list-accounts-for-parent", "ListAccountsForParent", ["--parent-id", "r-ab12"])
    #expect(
      cli.arguments(for: request) == [
        "--output", "json", "--no-cli-pager", "--profile", "org admin", "--region", "us-east-1",
        "--endpoint-url", "http://127.0.0.1:5000", "organizations", "list-accounts-for-parent",
        "--parent-id", "r-ab12", "--page-size", "20",
      ])
  }

  @Test("CLI v1 has no --no-cli-pager (it rejects it), and calls without paging get no page size")
  func argumentVectorV1() {
    let request = AWSRequest(
      service: "iam", command: "list-organizations-features", operation: "ListOrganizationsFeatures"
    )
    #expect(
      Self.cli(major: 1).arguments(for: request) == [
        "--output", "json", "iam", "list-organizations-features",
      ])
  }

  @Test("the pager is always off; the CLI's retries are set only where the user set none")
  func environment() {
    #expect(
      Self.cli(major: 2).environmentOverrides == [
        "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "5", "AWS_RETRY_MODE": "adaptive",
      ])
    #expect(
      Self.cli(major: 2, environment: ["AWS_MAX_ATTEMPTS": "9", "AWS_RETRY_MODE": "standard"])
        .environmentOverrides == ["AWS_PAGER": ""])
  }

  @Test(
    "reads the major version",
    arguments: [
      ("aws-cli/2.15.0", 2), ("aws-cli/1.45.11", 1), ("aws-cli/unknown", nil), ("aws", nil),
    ] as [(String, Int?)])
  func majorVersion(_ text: String, _ major: Int?) {
    #expect(AWSCLI.majorVersion(of: text) == major)
  }

  @Test("IAM permissions are named from the operation")
  func permission() {
    let request = AWSRequest.organizationsList(
      "list-aws-service-access-for-organization", "ListAWSServiceAccessForOrganization")
    #expect(request.permission == "organizations:ListAWSServiceAccessForOrganization")
    #expect(request.description == "aws organizations list-aws-service-access-for-organization")
  }
}

/// What orgclose makes of the CLI's standard error.
@Suite struct AWSErrorTextTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var stderr: String
    var code: String?
    var line: String
    var throttling = false
    var transient = false
    var denied = false
    var usage = false
    var testDescription: String { name }
  }

  @Test(arguments: [
    Case(
      name: "throttled after the CLI's retries",
      stderr: "\nAn error occurred (TooManyRequestsException) when calling the ListRoots operation "
        + "(reached max retries: 4): Rate exceeded\n",
      code: "TooManyRequestsException", line: "TooManyRequestsException: Rate exceeded",
      throttling: true),
    Case(
      name: "Cost Explorer's throttle",
      stderr: "An error occurred (LimitExceededException) when calling the GetCostAndUsage "
        + "operation: Rate exceeded",
      code: "LimitExceededException", line: "LimitExceededException: Rate exceeded",
      throttling: true),
    Case(
      name: "access denied",
      stderr: "\nAn error occurred (AccessDeniedException) when calling the ListAccountsForParent "
        + "operation: You don't have permissions to access this resource.\n",
      code: "AccessDeniedException",
      line: "AccessDeniedException: You don't have permissions to access this resource.",
      denied: true),
    Case(
      name: "a server error with an HTML page",
      stderr: "\nAn error occurred (500) when calling the ListHandshakesForOrganization operation "
        + "(reached max retries: 4): <!doctype html>\n<html lang=en>\n<title>500 Internal Server "
        + "Error</title>\n<h1>Internal Server Error</h1>\n",
      code: "500", line: "500 Internal Server Error", transient: true),
    Case(
      name: "no connection",
      stderr: "\nCould not connect to the endpoint URL: \"http://127.0.0.1:1/\"\n",
      code: nil, line: "Could not connect to the endpoint URL: \"http://127.0.0.1:1/\"",
      transient: true),
    Case(
      name: "no credentials",
      stderr: "Unable to locate credentials. You can configure credentials by running \"aws "
        + "configure\".\n",
      code: nil,
      line: "Unable to locate credentials. You can configure credentials by running \"aws "
        + "configure\"."),
    Case(
      name: "an option this CLI does not know",
      stderr: "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see "
        + "help text, you can run:\n\n  aws help\n\nUnknown options: --no-cli-pager\n",
      code: nil, line: "Unknown options: --no-cli-pager", usage: true),
  ])
  func classifies(_ c: Case) {
    let text = AWSErrorText(c.stderr)
    #expect(text.code == c.code)
    #expect(text.line == c.line)
    #expect(text.isThrottling == c.throttling)
    #expect(text.isTransient == c.transient)
    #expect(text.isAccessDenied == c.denied)
    #expect(text.isUsageError == c.usage)
  }

  @Test("a long message is cut to one line of 500 characters")
  func clipsLongMessages() {
    let text = AWSErrorText(
      "An error occurred (X) when calling the Y operation: " + String(repeating: "a", count: 600))
    #expect(text.line.count == 500)
    #expect(text.line.hasSuffix("a…"))
  }

  @Test("terminal escapes and control characters in the CLI's text are escaped")
  func escapesControlCharacters() {
    let text = AWSErrorText(
      "An error occurred (X\u{1B}[1m) when calling the Y operation: bad\u{7}\tname\u{9B}2J")
    #expect(text.line == #"X\u{1B}[1m: bad\u{7}\tname\u{9B}2J"#)
    #expect(
      AWSErrorText("Unable to locate \u{1B}]0;title\u{7}credentials").line
        == #"Unable to locate \u{1B}]0;title\u{7}credentials"#)
  }
}
