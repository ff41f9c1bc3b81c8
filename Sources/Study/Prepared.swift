import Foundation

/// A value made once on a background thread, started when created; `value` waits for it.
///
/// A session uses it for what the first card does not need (the decks behind the answer checker and timelines),
/// so the first card shows while they load.
public final class Prepared<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Value?

  /// Starts making the value.
  public init(_ make: @escaping @Sendable () -> Value) {
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

  /// A value already made.
  public init(value: Value) { result = value }

  /// The value, waiting for it if it is still being made.
  public var value: Value {
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return result!
  }
}
