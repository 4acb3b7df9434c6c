/// An instant in UTC with millisecond precision, as AWS reports `JoinedTimestamp`.
///
/// AWS CLI v1 prints epoch seconds as a JSON number; v2 prints ISO-8601 text
/// (reference §5). Both map to this one type.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public let millisecondsSince1970: Int64

  public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

  /// Creates an instant from epoch seconds, or `nil` for a non-finite or absurd value.
  public init?(secondsSince1970 seconds: Double) {
    guard seconds.isFinite, abs(seconds) < 1e13 else { return nil }
    millisecondsSince1970 = Int64((seconds * 1000).rounded())
  }

  /// Parses ISO-8601 date-times such as `2016-12-15T21:02:21.044000+00:00`, `…Z`, or a bare
  /// `YYYY-MM-DD` (midnight UTC); returns `nil` for anything else.
  public init?(iso8601 text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count >= 10,
      let day = CalendarDay(iso8601: String(decoding: bytes[0..<10], as: UTF8.self))
    else { return nil }
    var millis = Int64(day.daysSince1970) * 86_400_000
    if bytes.count == 10 {
      millisecondsSince1970 = millis
      return
    }
    guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let hour = CalendarDay.number(bytes[11..<13]), hour < 24,
      let minute = CalendarDay.number(bytes[14..<16]), minute < 60,
      let second = CalendarDay.number(bytes[17..<19]), second < 61
    else { return nil }
    millis += Int64(hour * 3_600_000 + minute * 60_000 + second * 1000)
    var index = 19
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale: Int64 = 100
      let start = index
      while index < bytes.count, IdentifierGrammar.isDigit(bytes[index]) {
        millis += Int64(bytes[index] - 48) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }
    let zone = bytes[index...]
    if zone.elementsEqual("Z".utf8) || zone.isEmpty {
      // UTC
    } else if zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
      zone[zone.startIndex + 3] == UInt8(ascii: ":"),
      let hours = CalendarDay.number(zone[(zone.startIndex + 1)..<(zone.startIndex + 3)]),
      let minutes = CalendarDay.number(zone[(zone.startIndex + 4)...])
    {
      let offset = Int64(hours * 3_600_000 + minutes * 60_000)
      millis += zone.first == UInt8(ascii: "+") ? -offset : offset
    } else {
      return nil
    }
    millisecondsSince1970 = millis
  }

  /// The UTC calendar day this instant falls on.
  public var day: CalendarDay {
    let days =
      millisecondsSince1970 >= 0
      ? millisecondsSince1970 / 86_400_000
      : (millisecondsSince1970 - 86_399_999) / 86_400_000
    return CalendarDay(daysSince1970: Int(days))
  }

  /// The first calendar day that starts at or after this instant plus `days` whole days.
  ///
  /// Used for rules phrased as "at least N days after": a removal allowed from
  /// 10:00 on the 5th is scheduled for the 6th, so the step never runs early.
  public func firstFullDay(afterAdding days: Int) -> CalendarDay {
    let later = Timestamp(millisecondsSince1970: millisecondsSince1970 + Int64(days) * 86_400_000)
    let isMidnight = later.millisecondsSince1970 % 86_400_000 == 0
    return isMidnight ? later.day : later.day.adding(days: 1)
  }

  /// ISO-8601 in UTC with milliseconds, for example `2016-12-15T21:02:21.044Z`.
  public var description: String {
    let dayMillis = millisecondsSince1970 - Int64(day.daysSince1970) * 86_400_000
    let totalSeconds = Int(dayMillis / 1000)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let millis = Int(dayMillis % 1000)
    let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
    return "\(day)T\(two(totalSeconds / 3600)):\(two(totalSeconds / 60 % 60)):"
      + "\(two(totalSeconds % 60)).\(fraction)Z"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    lhs.millisecondsSince1970 < rhs.millisecondsSince1970
  }
}
