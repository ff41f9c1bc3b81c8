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

  /// Whether any caught signal is waiting (without clearing it).
  ///
  /// The flag is a `static` C variable, so each Swift file that touched it would get its own copy: every access
  /// goes through this file.
  public static var anyPending: Bool { annals_peek_signal() != 0 }

  /// Whether a terminating signal is waiting (without clearing it).
  public static var terminationPending: Bool {
    let pending = annals_peek_signal()
    return pending == SIGTERM || pending == SIGHUP
  }

  /// Waits up to `milliseconds` for input on `fileDescriptor`; true when a read will not block (data, end, error).
  ///
  /// Readers poll in short slices because a signal may be delivered to another thread than the reading one, and
  /// then a blocked read would never see it.
  public static func waitForInput(fileDescriptor: Int32, milliseconds: Int32 = 100) -> Bool {
    var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, milliseconds) > 0
  }
}
