import Foundation

/// The arithmetic the FSRS formulas need, so that they run on `Double` and on an optimizer's dual numbers alike.
///
/// Comparisons look at the value only; `min`, `max` and `clamped` return one of their operands (or the constant
/// bound), so a derivative flows through the branch that was taken and is zero when a bound is hit, as in fsrs-rs.
public protocol FSRSReal: Comparable, Sendable {
  /// A constant with the given value (zero derivative).
  init(_ value: Double)
  /// The plain value, without any derivative.
  var value: Double { get }
  static func + (lhs: Self, rhs: Self) -> Self
  static func - (lhs: Self, rhs: Self) -> Self
  static func * (lhs: Self, rhs: Self) -> Self
  static func / (lhs: Self, rhs: Self) -> Self
  static prefix func - (operand: Self) -> Self
  /// e raised to `x`.
  static func exp(_ x: Self) -> Self
  /// The natural logarithm of `x`.
  static func log(_ x: Self) -> Self
  /// `base` raised to `exponent`; `base` is positive wherever FSRS calls it.
  static func pow(_ base: Self, _ exponent: Self) -> Self
}

extension FSRSReal {
  /// The smaller of `self` and `other` (by value).
  @inlinable public func min(_ other: Self) -> Self { other < self ? other : self }
  /// The larger of `self` and `other` (by value).
  @inlinable public func max(_ other: Self) -> Self { other > self ? other : self }
  /// `self` limited to `lower...upper`; a bound that is hit is returned as a constant.
  @inlinable public func clamped(_ lower: Double, _ upper: Double) -> Self {
    if value < lower { return Self(lower) }
    if value > upper { return Self(upper) }
    return self
  }
  /// `self` raised to a constant exponent.
  @inlinable public func pow(_ exponent: Double) -> Self { Self.pow(self, Self(exponent)) }
}

extension Double: FSRSReal {
  /// The value itself.
  @inlinable public var value: Double { self }
  /// e raised to `x`.
  @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  /// The natural logarithm of `x`.
  @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
  /// `base` raised to `exponent`.
  @inlinable public static func pow(_ base: Double, _ exponent: Double) -> Double { Foundation.pow(base, exponent) }
}

extension Float: FSRSReal {
  /// The value as a double.
  @inlinable public var value: Double { Double(self) }
  /// e raised to `x` (single precision, as fsrs-rs computes).
  @inlinable public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
  /// The natural logarithm of `x`.
  @inlinable public static func log(_ x: Float) -> Float { Foundation.logf(x) }
  /// `base` raised to `exponent`.
  @inlinable public static func pow(_ base: Float, _ exponent: Float) -> Float { Foundation.powf(base, exponent) }
}
