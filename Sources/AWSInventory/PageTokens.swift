/// The page tokens a paging loop has followed, so that a service (or an emulator) that hands
/// back a token it gave before stops the loop with an error instead of paging for ever.
struct PageTokens {
  private var seen: Set<String> = []

  /// The token to fetch next.
  ///
  /// - Parameters:
  ///   - token: The `NextToken` (or `NextPageToken`) of the page just read.
  ///   - request: The call, for the message.
  /// - Returns: `token`, or `nil` when it is missing or empty (the last page).
  /// - Throws: `malformedOutput` when `token` was seen before.
  mutating func next(_ token: String?, after request: AWSRequest) throws(InventoryError)
    -> String?
  {
    guard let token, !token.isEmpty else { return nil }
    guard seen.insert(token).inserted else {
      throw .malformedOutput(
        call: request.description,
        reason: "the next-page token repeats one already followed (\(seen.count) pages read); "
          + "stopped paging")
    }
    return token
  }
}
