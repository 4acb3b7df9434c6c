/// Where the `aws` CLI sends its requests: the options passed through to every call.
///
/// orgclose never sees credentials: the CLI finds them from the profile, SSO, environment or
/// instance role, as it always does.
public struct AWSConnection: Hashable, Sendable {
  /// `--profile`, when the user gave one.
  public var profile: String?
  /// `--region`, when the user gave one.
  public var region: String?
  /// `--endpoint-url`, for example a local emulator's `http://127.0.0.1:5000`.
  public var endpointURL: String?

  /// Creates connection options; `nil` leaves the choice to the CLI's configuration.
  public init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil) {
    self.profile = profile
    self.region = region
    self.endpointURL = endpointURL
  }
}
