import Dispatch
import Foundation
import Synchronization

/// Work on a list split into contiguous runs, one per core, whose results come back in order: for pure work on
/// large decks (building cards, encoding them), where the result must not depend on how the work was split.
public enum ParallelRuns {
  /// `body` of each run of `0..<count` (at least `minimumPerRun` indices each; one run, on the calling thread,
  /// when there are too few or one core), in order.
  ///
  /// `runsPerCore` above 1 cuts more, smaller runs, which the cores take as they free up: for work whose cost is
  /// uneven along the items.
  public static func split<Result: Sendable>(
    _ count: Int, minimumPerRun: Int, runsPerCore: Int = 1, _ body: @Sendable (Range<Int>) -> Result
  ) -> [Result] {
    let ranges = ranges(count, minimumPerRun: minimumPerRun, runsPerCore: runsPerCore)
    guard ranges.count > 1 else { return [body(0..<count)] }
    return each(ranges, body)
  }

  /// `body` of each of `ranges`, taken by the cores as they free up, in the order of `ranges` (one range: on the
  /// calling thread).
  public static func each<Result: Sendable>(
    _ ranges: [Range<Int>], _ body: @Sendable (Range<Int>) -> Result
  ) -> [Result] {
    guard ranges.count > 1 else { return ranges.map(body) }
    let results = Mutex([Result?](repeating: nil, count: ranges.count))
    DispatchQueue.concurrentPerform(iterations: ranges.count) { run in
      let result = body(ranges[run])
      results.withLock { $0[run] = result }
    }
    return results.withLock { slots in
      defer { slots = [] }
      return slots.map { $0! }
    }
  }

  /// The runs `split` makes of `0..<count`, in order: `runsPerCore` per core, at least `minimumPerRun` indices
  /// each (one run of everything when there are too few or one core).
  public static func ranges(_ count: Int, minimumPerRun: Int, runsPerCore: Int = 1) -> [Range<Int>] {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let runs = min(cores > 1 ? cores * max(1, runsPerCore) : 1, count / max(1, minimumPerRun))
    return ranges(count, runs: runs)
  }

  /// `0..<count` cut into `runs` contiguous runs of near-equal size, in order (at most one per index, at least
  /// one).
  public static func ranges(_ count: Int, runs: Int) -> [Range<Int>] {
    let runs = max(1, min(runs, count))
    guard runs > 1 else { return [0..<count] }
    return (0..<runs).map { run in count * run / runs..<count * (run + 1) / runs }
  }

  /// `transform` of every item, in order, computed in runs.
  public static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], minimumPerRun: Int, _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    let parts = split(items.count, minimumPerRun: minimumPerRun) { range in items[range].map(transform) }
    guard parts.count > 1 else { return parts.first ?? [] }
    var out: [Result] = []
    out.reserveCapacity(items.count)
    for part in parts { out += part }
    return out
  }
}

/// Work started on another thread, its result waited for once (work that cannot fail gives `Failure` Never, and a
/// `value()` that does not throw).
public final class Background<Value: Sendable, Failure: Error>: @unchecked Sendable {
  // Written once by the worker before `done` is signalled, read only after waiting for it.
  private var result: Result<Value, Failure>?
  private let done = DispatchSemaphore(value: 0)

  public init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
    DispatchQueue.global().async {
      do throws(Failure) {
        self.result = .success(try work())
      } catch {
        self.result = .failure(error)
      }
      self.done.signal()
    }
  }

  /// The result, once the work is done (asked again, at once).
  public func value() throws(Failure) -> Value {
    done.wait()
    done.signal()
    return try result!.get()
  }
}
