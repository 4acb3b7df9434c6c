import ClosurePlanner
import OrgGraph

/// The values of a plan: strings, integers and dates, written without building strings.
extension PlanJSONWriter {
  mutating func string(_ value: String) {
    let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
    if done == nil {
      var copy = value
      copy.withUTF8 { appendQuoted($0) }
    }
  }

  mutating func stepID(_ id: StepID) { id.withUTF8 { appendQuoted($0) } }

  mutating func integer(_ value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of any Int
    withUnsafeMutableBytes(of: &digits) { digits in
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      append(UnsafeBufferPointer(rebasing: digits.bindMemory(to: UInt8.self)[start...]))
    }
  }

  /// `"YYYY-MM-DD"`, as `CalendarDay.description` spells it, without building a string.
  mutating func day(_ day: CalendarDay) {
    let (year, month, dayOfMonth) = day.components
    guard (0...9999).contains(year) else {
      string(day.description)
      return
    }
    append(UInt8(ascii: "\""))
    appendDigits(year / 100)
    appendDigits(year % 100)
    append(UInt8(ascii: "-"))
    appendDigits(month)
    append(UInt8(ascii: "-"))
    appendDigits(dayOfMonth)
    append(UInt8(ascii: "\""))
  }

  /// Two decimal digits of `value`, which is in `0..<100`.
  private mutating func appendDigits(_ value: Int) {
    append(UInt8(ascii: "0") + UInt8(value / 10))
    append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  /// An array of strings.
  mutating func strings(_ values: [String]) {
    beginArray()
    for index in values.indices {
      element()
      string(values[index])
    }
    endArray()
  }
}
