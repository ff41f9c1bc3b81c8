internal import CEditLine
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Catches SIGINT, SIGTERM and SIGHUP so a session can save and end instead of dying mid-answer.
///
/// The handlers only record the signal; readers poll for it after a read returns or is interrupted.
public enum SignalTrap {
  /// Installs the recording handlers (idempotent) and ignores SIGPIPE, so a closed pipe is an error, not a death.
  public static func install() {
    for signal in [SIGINT, SIGTERM, SIGHUP] { _ = annals_catch_signal(signal) }
    _ = signal(SIGPIPE, SIG_IGN)
  }

  /// Returns and clears a pending SIGTERM or SIGHUP.
  public static func takeTerminating() -> Int32? {
    let pending = annals_peek_signal()
    guard pending == SIGTERM || pending == SIGHUP else { return nil }
    return annals_take_signal()
  }

  /// Returns and clears a pending SIGINT.
  public static func takeInterrupt() -> Bool {
    guard annals_peek_signal() == SIGINT else { return false }
    _ = annals_take_signal()
    return true
  }

  /// Whether a terminating signal is waiting (without clearing it).
  public static var terminationPending: Bool {
    let pending = annals_peek_signal()
    return pending == SIGTERM || pending == SIGHUP
  }
}
