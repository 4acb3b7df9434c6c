import OrgGraph
import Testing

@Suite struct CalendarTests {
  @Test(
    "days round-trip through YYYY-MM-DD",
    arguments: ["1970-01-01", "2000-02-29", "2026-12-01", "2027-01-01", "2100-03-01", "1969-12-31"])
  func roundTrip(_ text: String) throws {
    let day = try #require(CalendarDay(iso8601: text))
    #expect(day.description == text)
  }

  @Test(
    "invalid dates are rejected", arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "tomorrow"])
  func invalidDates(_ text: String) {
    #expect(CalendarDay(iso8601: text) == nil)
  }

  @Test("day arithmetic and month boundaries")
  func arithmetic() {
    let day = CalendarDay(iso8601: "2026-12-15")
    #expect(day?.adding(days: 30).description == "2027-01-14")
    #expect(day?.firstDayOfNextMonth.description == "2027-01-01")
    #expect(CalendarDay(iso8601: "1970-01-02")?.daysSince1970 == 1)
  }

  @Test(
    "timestamps from either CLI version",
    arguments: [
      ("2016-12-15T21:02:21.044000+00:00", "2016-12-15T21:02:21.044Z"),
      ("2016-12-15T21:02:21Z", "2016-12-15T21:02:21.000Z"),
      ("2016-12-15T23:30:00-02:00", "2016-12-16T01:30:00.000Z"),
      ("2016-12-15", "2016-12-15T00:00:00.000Z"),
    ])
  func isoTimestamps(_ text: String, _ normalized: String) throws {
    #expect(try #require(Timestamp(iso8601: text)).description == normalized)
  }

  @Test("epoch seconds as AWS CLI v1 prints them")
  func epochTimestamps() throws {
    #expect(
      try #require(Timestamp(secondsSince1970: 1_481_830_215.45)).description
        == "2016-12-15T19:30:15.450Z")
    #expect(Timestamp(secondsSince1970: .nan) == nil)
    #expect(Timestamp(iso8601: "2016-12-15T25:00:00Z") == nil)
  }

  @Test("rule D30: the first full day after adding whole days")
  func firstFullDay() throws {
    let joined = try #require(Timestamp(iso8601: "2026-11-29T16:45:00Z"))
    #expect(joined.firstFullDay(afterAdding: 4).description == "2026-12-04")
    let midnight = try #require(Timestamp(iso8601: "2026-11-29T00:00:00Z"))
    #expect(midnight.firstFullDay(afterAdding: 4).description == "2026-12-03")
  }
}
