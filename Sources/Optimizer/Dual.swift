import Foundation
import Scheduling

/// The 21 partial derivatives of a `Dual`, held in three fixed-size vectors (24 lanes, the last three unused).
///
/// Fixed-size SIMD storage keeps every dual number on the stack: no heap allocation per operation.
public struct Partials: Sendable, Equatable {
  @usableFromInline var a: SIMD8<Double>
  @usableFromInline var b: SIMD8<Double>
  @usableFromInline var c: SIMD8<Double>

  /// All partials zero.
  @inlinable public init() {
    a = .zero
    b = .zero
    c = .zero
  }

  /// The partial with respect to weight `index` set to one, the others zero.
  @inlinable public init(unit index: Int) {
    self.init()
    self[index] = 1
  }

  /// The partial with respect to weight `index` (0…20).
  @inlinable public subscript(index: Int) -> Double {
    get { index < 8 ? a[index] : index < 16 ? b[index - 8] : c[index - 16] }
    set {
      if index < 8 { a[index] = newValue } else if index < 16 { b[index - 8] = newValue } else { c[index - 16] = newValue }
    }
  }

  /// The 21 partials as an array.
  public var array: [Double] { (0..<21).map { self[$0] } }

  @inlinable static func + (l: Partials, r: Partials) -> Partials {
    var out = l
    out.a += r.a
    out.b += r.b
    out.c += r.c
    return out
  }

  @inlinable static func - (l: Partials, r: Partials) -> Partials {
    var out = l
    out.a -= r.a
    out.b -= r.b
    out.c -= r.c
    return out
  }

  @inlinable static func * (l: Partials, r: Double) -> Partials {
    var out = l
    out.a *= r
    out.b *= r
    out.c *= r
    return out
  }

  /// `l * x + r * y`, the building block of every derivative rule.
  @inlinable static func combine(_ l: Partials, _ x: Double, _ r: Partials, _ y: Double) -> Partials {
    var out = Partials()
    out.a = l.a * x + r.a * y
    out.b = l.b * x + r.b * y
    out.c = l.c * x + r.c * y
    return out
  }

  /// Adds `r * x` in place.
  @inlinable mutating func add(_ r: Partials, times x: Double) {
    a += r.a * x
    b += r.b * x
    c += r.c * x
  }
}

/// A forward-mode dual number: a value and its exact partial derivatives with respect to the 21 FSRS weights.
///
/// Running `FSRSMath` on duals gives the gradient of anything it computes in one pass:
/// ```swift
/// let w = Dual.seeds(FSRSParameters.defaultWeights)
/// let r = FSRSMath.retrievability(elapsedDays: Dual(3), stability: w[2], w: w)
/// r.partials[2]  // ∂R/∂w2
/// ```
public struct Dual: FSRSReal {
  /// The value.
  public var value: Double
  /// ∂value/∂w_i for i in 0…20.
  public var partials: Partials
  /// Whether all partials are known to be zero (a constant), so that arithmetic with it can skip them.
  public var isConstant: Bool

  /// A constant (zero derivative).
  @inlinable public init(_ value: Double) {
    self.value = value
    self.partials = Partials()
    self.isConstant = true
  }

  /// A value with the given partials.
  @inlinable public init(value: Double, partials: Partials) {
    self.value = value
    self.partials = partials
    self.isConstant = false
  }

  /// The weights as independent variables: weight i has ∂/∂w_i = 1.
  public static func seeds(_ weights: [Double]) -> [Dual] {
    weights.enumerated().map { Dual(value: $0.element, partials: Partials(unit: $0.offset)) }
  }

  @inlinable public static func < (l: Dual, r: Dual) -> Bool { l.value < r.value }
  @inlinable public static func == (l: Dual, r: Dual) -> Bool { l.value == r.value }

  @inlinable public static func + (l: Dual, r: Dual) -> Dual {
    if l.isConstant {
      if r.isConstant { return Dual(l.value + r.value) }
      return Dual(value: l.value + r.value, partials: r.partials)
    }
    if r.isConstant { return Dual(value: l.value + r.value, partials: l.partials) }
    return Dual(value: l.value + r.value, partials: l.partials + r.partials)
  }

  @inlinable public static func - (l: Dual, r: Dual) -> Dual {
    if l.isConstant {
      if r.isConstant { return Dual(l.value - r.value) }
      return Dual(value: l.value - r.value, partials: r.partials * -1)
    }
    if r.isConstant { return Dual(value: l.value - r.value, partials: l.partials) }
    return Dual(value: l.value - r.value, partials: l.partials - r.partials)
  }

  @inlinable public static func * (l: Dual, r: Dual) -> Dual {
    if l.isConstant {
      if r.isConstant { return Dual(l.value * r.value) }
      return Dual(value: l.value * r.value, partials: r.partials * l.value)
    }
    if r.isConstant { return Dual(value: l.value * r.value, partials: l.partials * r.value) }
    return Dual(value: l.value * r.value, partials: .combine(l.partials, r.value, r.partials, l.value))
  }

  @inlinable public static func / (l: Dual, r: Dual) -> Dual {
    let inverse = 1 / r.value
    let v = l.value * inverse
    if r.isConstant { return l.isConstant ? Dual(v) : Dual(value: v, partials: l.partials * inverse) }
    if l.isConstant { return Dual(value: v, partials: r.partials * (-v * inverse)) }
    return Dual(value: v, partials: .combine(l.partials, inverse, r.partials, -v * inverse))
  }

  @inlinable public static prefix func - (x: Dual) -> Dual {
    x.isConstant ? Dual(-x.value) : Dual(value: -x.value, partials: x.partials * -1)
  }

  @inlinable public static func exp(_ x: Dual) -> Dual {
    let v = Foundation.exp(x.value)
    return x.isConstant ? Dual(v) : Dual(value: v, partials: x.partials * v)
  }

  @inlinable public static func log(_ x: Dual) -> Dual {
    x.isConstant
      ? Dual(Foundation.log(x.value)) : Dual(value: Foundation.log(x.value), partials: x.partials * (1 / x.value))
  }

  @inlinable public static func pow(_ base: Dual, _ exponent: Dual) -> Dual {
    let logBase = Foundation.log(base.value)
    let v = Foundation.exp(exponent.value * logBase)
    if exponent.isConstant {
      return base.isConstant ? Dual(v) : Dual(value: v, partials: base.partials * (v * exponent.value / base.value))
    }
    if base.isConstant { return Dual(value: v, partials: exponent.partials * (v * logBase)) }
    return Dual(
      value: v, partials: .combine(base.partials, v * exponent.value / base.value, exponent.partials, v * logBase))
  }
}
