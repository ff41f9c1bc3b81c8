import Foundation

/// A value made once on a background thread; `value` waits for it (and starts it if nobody has).
///
/// A session uses it for what the first card does not need (the decks behind the answer checker and timelines):
/// `start()` is called once the first card is on the screen, so making them never competes with the launch.
public final class Prepared<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Value?
  private var make: (@Sendable () -> Value)?

  /// Starts making the value now, or (`deferred`) on `start()` or the first `value`.
  public init(deferred: Bool = false, _ make: @escaping @Sendable () -> Value) {
    self.make = make
    if !deferred { start() }
  }

  /// A value already made.
  public init(value: Value) { result = value }

  /// Starts making the value in the background, if it is not made or being made already.
  public func start() {
    condition.lock()
    let make = self.make
    self.make = nil
    condition.unlock()
    guard let make else { return }
    let thread = Thread { [self] in
      let value = make()
      condition.lock()
      result = value
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Waits for the value if it is being made; returns at once if it was never started. A session calls it before
  /// it ends, so that the process never exits while a background thread is still decoding (exit's destructors
  /// racing a running thread can hang it).
  public func settle() {
    condition.lock()
    let started = make == nil
    condition.unlock()
    if started { _ = value }
  }

  /// The value, waiting for it if it is still being made.
  public var value: Value {
    start()
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return result!
  }
}
