internal import CEditLine
import TextKit
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A line reader on libedit: prompt, Emacs-style editing, history kept in a file, Tab completion, and Ctrl-C
/// that clears the line instead of killing the process.
///
/// Only for a terminal on stdin; use `PlainLineReader` for pipes. One instance at a time per process.
///
/// ```swift
/// let reader = try EditLineReader(historyPath: "Progress/ada.history")
/// reader.completionWords = [":help", ":hint", ":quit"]
/// switch reader.readLine(prompt: "> ") { case .line(let text): ...; default: ... }
/// reader.close()
/// ```
public final class EditLineReader: LineReader {
  public var completionWords: [String] = []
  /// The history file, or nil to keep history for this session only.
  public let historyPath: String?

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private var event = HistEvent()
  private var promptBuffer: UnsafeMutablePointer<CChar>?
  private var interruptedText: String?
  private var isClosed = false

  /// Opens libedit on stdin/stdout, loading history from `historyPath` when the file exists.
  public init(programName: String = "annals", historyPath: String?, historySize: Int32 = 1000)
    throws(LineEditingError)
  {
    Self.ensureUTF8Locale()
    guard let history = history_init() else { throw .initFailed("history_init returned NULL") }
    guard let editLine = annals_el_init(programName) else {
      history_end(history)
      throw .initFailed("el_init returned NULL (is stdin a terminal?)")
    }
    self.editLine = editLine
    self.history = history
    self.historyPath = historyPath
    try check("H_SETSIZE", annals_history_set_size(history, &event, historySize))
    try check("H_SETUNIQUE", annals_history_set_unique(history, &event, 1))
    if let historyPath, access(historyPath, R_OK) == 0 {
      // A damaged history file is not worth refusing a session over; it is rewritten on the next save.
      _ = annals_history_load(history, &event, historyPath)
    }
    try check("EL_CLIENTDATA", annals_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque()))
    try check("EL_EDITOR", annals_el_set_editor(editLine, "emacs"))
    // libedit's own signal handling re-sends signals to the whole process group; Annals catches them itself.
    try check("EL_SIGNAL", annals_el_set_signal(editLine, 0))
    try check("EL_HIST", annals_el_set_history(editLine, history))
    try check("EL_PROMPT", annals_el_set_prompt(editLine, editLinePrompt))
    try check("EL_GETCFN", annals_el_set_getcfn(editLine, editLineReadCharacter))
    // Ctrl-C arrives as a key while editing, so it can clear the line; outside editing it is still SIGINT.
    try check("EL_SETTY", annals_el_set_tty_edit_mode(editLine, "-isig"))
    try check("EL_ADDFN", annals_el_add_function(editLine, "annals-complete", "Complete the word", editLineComplete))
    try check("EL_ADDFN", annals_el_add_function(editLine, "annals-interrupt", "Clear the line", editLineInterrupt))
    try check("EL_BIND", annals_el_bind(editLine, "^I", "annals-complete"))
    try check("EL_BIND", annals_el_bind(editLine, "^C", "annals-interrupt"))
    // The learner's own bindings come last, so they may override these, as in other libedit programs.
    let environment = ["EDITRC", "HOME"].reduce(into: [String: String]()) { found, name in
      if let value = getenv(name) { found[name] = String(cString: value) }
    }
    if let path = Self.editrcPath(environment: environment) {
      // libedit reports a bad binding on stderr and goes on; at a line that is no command it stops reading the file.
      // Neither fails the session.
      _ = el_source(editLine, path)
    }
    SignalTrap.install()
  }

  /// The editrc file to read, found as libedit's `el_source` finds it — `$EDITRC`, else `~/.editrc` — and only
  /// when it is a readable regular file of at most 256 KiB: a FIFO, device or folder there would hang or mislead
  /// the read, and no set of key bindings is that long. Lines prefixed `annals:` apply to Annals alone.
  static func editrcPath(environment: [String: String]) -> String? {
    let path: String
    if let editrc = environment["EDITRC"], !editrc.isEmpty {
      path = editrc
    } else if let home = environment["HOME"], !home.isEmpty {
      path = home + "/.editrc"
    } else {
      return nil
    }
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 256 * 1024,
      access(path, R_OK) == 0
    else { return nil }
    return path
  }

  deinit {
    close()
  }

  public func readLine(prompt: String, remember: Bool) -> ReadResult {
    precondition(!isClosed, "readLine after close")
    if let signal = SignalTrap.takeTerminating() { return .terminated(signal: signal) }
    if SignalTrap.takeInterrupt() { return .interrupted(discarded: "") }
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    el_resize(editLine)
    interruptedText = nil
    var count: Int32 = 0
    let raw = el_gets(editLine, &count)
    if let discarded = interruptedText {
      interruptedText = nil
      return .interrupted(discarded: discarded)
    }
    if let signal = SignalTrap.takeTerminating() {
      annals_el_write("\r\n")
      return .terminated(signal: signal)
    }
    guard let raw, count > 0 else {
      if count < 0, SignalTrap.takeInterrupt() { return .interrupted(discarded: "") }
      annals_el_write("\r\n")
      return .endOfInput
    }
    var text = String(cString: raw)
    while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
    if remember, text.contains(where: { !$0.isWhitespace }) {
      _ = annals_history_enter(history, &event, text)
      saveHistory()
    }
    return .line(text)
  }

  public func close() {
    guard !isClosed else { return }
    isClosed = true
    saveHistory()
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
    promptBuffer = nil
  }

  private func saveHistory() {
    guard let historyPath else { return }
    // libedit's history_save opens the file with fopen, which keeps an existing file's mode: create it owner-only
    // first, so another user of a shared machine cannot read the answers typed.
    let descriptor = open(historyPath, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
      fchmod(descriptor, 0o600)
      Glibc.close(descriptor)
    }
    _ = annals_history_save(history, &event, historyPath)
  }

  private func check(_ call: String, _ code: Int32) throws(LineEditingError) {
    if code < 0 { throw .callFailed(call: call, code: code) }
  }

  fileprivate var currentPrompt: UnsafeMutablePointer<CChar>? { promptBuffer }

  fileprivate func complete(textBeforeCursor: String) -> Completion.Outcome {
    Completion.complete(line: textBeforeCursor, among: completionWords)
  }

  fileprivate func interrupt(discarding text: String) { interruptedText = text }

  /// libedit decodes multibyte input by the C locale, which starts as "C": adopt the environment's, or UTF-8.
  private static func ensureUTF8Locale() {
    if let name = setlocale(LC_CTYPE, ""), String(cString: name) != "C", String(cString: name) != "POSIX" {
      return
    }
    _ = setlocale(LC_CTYPE, "C.UTF-8")
  }

  fileprivate static func from(_ editLine: OpaquePointer?) -> EditLineReader? {
    guard let editLine, let data = annals_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
  }
}

// MARK: - libedit callbacks

private func lineParts(_ editLine: OpaquePointer) -> (beforeCursor: String, whole: String) {
  guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else { return ("", "") }
  let bytes = { (end: UnsafePointer<CChar>) -> String in
    let count = max(0, buffer.distance(to: end))
    return String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)
  }
  return (bytes(info.cursor ?? buffer), bytes(info.lastchar ?? buffer))
}

private let editLinePrompt: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
  EditLineReader.from(editLine)?.currentPrompt
}

private let editLineComplete: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
  guard let editLine, let reader = EditLineReader.from(editLine) else { return UInt8(CC_ERROR) }
  switch reader.complete(textBeforeCursor: lineParts(editLine).beforeCursor) {
  case .none:
    return UInt8(CC_ERROR)
  case .insert(let suffix, let complete):
    let text = complete ? suffix + " " : suffix
    if !text.isEmpty, el_insertstr(editLine, text) != 0 { return UInt8(CC_ERROR) }
    return UInt8(CC_REFRESH)
  case .ambiguous(let options):
    annals_el_write("\r\n" + options.map(TerminalText.sanitize).joined(separator: "  ") + "\r\n")
    return UInt8(CC_REDISPLAY)
  }
}

private let editLineInterrupt: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
  guard let editLine, let reader = EditLineReader.from(editLine) else { return UInt8(CC_ERROR) }
  reader.interrupt(discarding: lineParts(editLine).whole)
  annals_el_write("^C\r\n")
  return UInt8(CC_NEWLINE)
}

/// Reads one character (UTF-8) from stdin for libedit; a terminating signal or SIGINT ends the read with EINTR.
private let editLineReadCharacter: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = {
  _, character in
  func byte() -> Int32 {
    var value: UInt8 = 0
    while true {
      // The signal may be delivered to another thread, leaving this read unaware: poll, and look at the flag.
      if SignalTrap.anyPending {
        errno = EINTR
        return -3
      }
      guard SignalTrap.waitForInput(fileDescriptor: 0) else { continue }
      let count = read(0, &value, 1)
      if count == 1 { return Int32(value) }
      if count == 0 { return -2 }
      if errno != EINTR && errno != EAGAIN { return -3 }
    }
  }
  let first = byte()
  if first == -2 { return 0 }
  if first < 0 { return -1 }
  var scalar = UInt32(first)
  var more = 0
  switch first {
  case 0xC0...0xDF: scalar &= 0x1F; more = 1
  case 0xE0...0xEF: scalar &= 0x0F; more = 2
  case 0xF0...0xF7: scalar &= 0x07; more = 3
  default: break
  }
  for _ in 0..<more {
    let next = byte()
    if next == -2 { return 0 }
    if next < 0 { return -1 }
    scalar = scalar << 6 | UInt32(next & 0x3F)
  }
  character?.pointee = wchar_t(bitPattern: UnicodeScalar(scalar) != nil ? scalar : 0xFFFD)
  return 1
}
