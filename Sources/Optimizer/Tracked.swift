import Foundation
import Scheduling

/// A reverse-mode tape: every operation on `Tracked` numbers appends a node with its (at most two) parents and the
/// local partial derivatives; one backward sweep then gives the gradient of any sum of outputs.
///
/// Nodes 0…20 are the 21 weights. The storage is raw memory owned by the tape (no per-operation allocation, no
/// exclusivity checks); one tape belongs to one thread at a time.
public final class Tape: @unchecked Sendable {
  @usableFromInline struct Node {
    @usableFromInline var a: Int32
    @usableFromInline var b: Int32
    @usableFromInline var da: Double
    @usableFromInline var db: Double
    @inlinable init(a: Int32, b: Int32, da: Double, db: Double) {
      self.a = a
      self.b = b
      self.da = da
      self.db = db
    }
  }

  @usableFromInline let nodes: UnsafeMutablePointer<Node>
  @usableFromInline let adjoints: UnsafeMutablePointer<Double>
  @usableFromInline let countPointer: UnsafeMutablePointer<Int>
  @usableFromInline let capacity: Int

  /// A tape with room for `capacity` nodes.
  public init(capacity: Int) {
    self.capacity = Swift.max(capacity, 64)
    nodes = .allocate(capacity: self.capacity)
    adjoints = .allocate(capacity: self.capacity)
    countPointer = .allocate(capacity: 1)
    countPointer.pointee = 0
  }

  deinit {
    nodes.deallocate()
    adjoints.deallocate()
    countPointer.deallocate()
  }

  /// The 21 weights as the tape's first nodes; everything recorded since is forgotten.
  public func leaves(_ weights: [Double]) -> [Tracked] {
    countPointer.pointee = 0
    return weights.map { value in
      let index = record(Node(a: -1, b: -1, da: 0, db: 0))
      return Tracked(value: value, index: index, tape: Unmanaged.passUnretained(self))
    }
  }

  /// Forgets everything after the leaves.
  @inlinable public func rewind(leaves: Int = 21) { countPointer.pointee = leaves }

  @inlinable func record(_ node: Node) -> Int32 {
    let index = countPointer.pointee
    precondition(index < capacity, "tape capacity exceeded")
    nodes[index] = node
    countPointer.pointee = index + 1
    return Int32(index)
  }

  /// Clears the adjoints before seeding.
  @inlinable public func clearAdjoints() {
    adjoints.update(repeating: 0, count: countPointer.pointee)
  }

  /// Adds `weight` to the adjoint of `x` (∂loss/∂x).
  @inlinable public func seed(_ x: Tracked, _ weight: Double) {
    if x.index >= 0 { adjoints[Int(x.index)] += weight }
  }

  /// Sweeps backwards from the last node to the leaves and adds the leaves' adjoints into `gradient`.
  @inlinable public func accumulate(into gradient: inout [Double], leaves: Int = 21) {
    var i = countPointer.pointee - 1
    while i >= leaves {
      let g = adjoints[i]
      if g != 0 {
        let node = nodes[i]
        if node.a >= 0 { adjoints[Int(node.a)] += g * node.da }
        if node.b >= 0 { adjoints[Int(node.b)] += g * node.db }
      }
      i -= 1
    }
    for k in 0..<leaves { gradient[k] += adjoints[k] }
  }
}

/// A number recorded on a `Tape`, for reverse-mode gradients of the FSRS formulas (constants carry no tape).
public struct Tracked: FSRSReal {
  /// The value.
  public var value: Double
  @usableFromInline var index: Int32
  @usableFromInline var tape: Unmanaged<Tape>?

  /// A constant.
  @inlinable public init(_ value: Double) {
    self.value = value
    index = -1
    tape = nil
  }

  @inlinable init(value: Double, index: Int32, tape: Unmanaged<Tape>?) {
    self.value = value
    self.index = index
    self.tape = tape
  }

  @inlinable static func unary(_ x: Tracked, _ value: Double, _ d: Double) -> Tracked {
    guard let tape = x.tape else { return Tracked(value) }
    let index = tape._withUnsafeGuaranteedRef { $0.record(Tape.Node(a: x.index, b: -1, da: d, db: 0)) }
    return Tracked(value: value, index: index, tape: tape)
  }

  @inlinable static func binary(_ l: Tracked, _ r: Tracked, _ value: Double, _ dl: Double, _ dr: Double) -> Tracked {
    guard let tape = l.tape ?? r.tape else { return Tracked(value) }
    let index = tape._withUnsafeGuaranteedRef { $0.record(Tape.Node(a: l.index, b: r.index, da: dl, db: dr)) }
    return Tracked(value: value, index: index, tape: tape)
  }

  @inlinable public static func < (l: Tracked, r: Tracked) -> Bool { l.value < r.value }
  @inlinable public static func == (l: Tracked, r: Tracked) -> Bool { l.value == r.value }
  @inlinable public static func + (l: Tracked, r: Tracked) -> Tracked { binary(l, r, l.value + r.value, 1, 1) }
  @inlinable public static func - (l: Tracked, r: Tracked) -> Tracked { binary(l, r, l.value - r.value, 1, -1) }
  @inlinable public static func * (l: Tracked, r: Tracked) -> Tracked { binary(l, r, l.value * r.value, r.value, l.value) }
  @inlinable public static func / (l: Tracked, r: Tracked) -> Tracked {
    let inverse = 1 / r.value
    let v = l.value * inverse
    return binary(l, r, v, inverse, -v * inverse)
  }
  @inlinable public static prefix func - (x: Tracked) -> Tracked { unary(x, -x.value, -1) }
  @inlinable public static func exp(_ x: Tracked) -> Tracked {
    let v = Foundation.exp(x.value)
    return unary(x, v, v)
  }
  @inlinable public static func log(_ x: Tracked) -> Tracked { unary(x, Foundation.log(x.value), 1 / x.value) }
  @inlinable public static func pow(_ base: Tracked, _ exponent: Tracked) -> Tracked {
    let logBase = Foundation.log(base.value)
    let v = Foundation.exp(exponent.value * logBase)
    return binary(base, exponent, v, v * exponent.value / base.value, v * logBase)
  }
}
