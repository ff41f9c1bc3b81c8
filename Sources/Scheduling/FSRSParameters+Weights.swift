import Foundation

extension FSRSParameters {
  /// The 21 weights written in `text`, as a JSON array or separated by commas or white space.
  ///
  /// ```swift
  /// try FSRSParameters.weights(parsing: "[0.21, 1.29, …]")  // 21 numbers
  /// ```
  public static func weights(parsing text: String) throws(SchedulingError) -> [Double] {
    let fields = text.split(whereSeparator: { ",[] \n\t\r".contains($0) })
    let numbers = fields.compactMap { Double($0) }
    guard numbers.count == fields.count, numbers.count == 21, numbers.allSatisfy(\.isFinite) else {
      throw .invalidParameters(
        "must hold 21 numbers (JSON array or comma-separated), found \(fields.count) fields")
    }
    return numbers
  }

  /// Weights as text, four decimals each: "0.2120, 1.2931, …".
  public static func text(of weights: [Double]) -> String {
    weights.map { String(format: "%.4f", $0) }.joined(separator: ", ")
  }
}
