import CardBuilder
import EventDeck
import Foundation
import GRDB
import StableRandom

/// A folder of compiled decks (`Progress/.cache/decks/` in a workspace), shared by every learner of the workspace.
///
/// `open(deckAt:)` checks a deck cheaply: the file's size and modification time against the compiled copy's; the
/// content hash only when they differ; the cards are rebuilt only when the content changed, the copy is damaged,
/// or another Annals built it. A copy is written to a temporary file in the same folder, fsynced and renamed into
/// place, so readers and a second process compiling at the same time only ever see a whole file.
public struct DeckCache: Sendable {
  /// The folder holding the compiled files.
  public let directory: URL

  /// A cache in `directory` (created on first compile).
  public init(directory: URL) {
    self.directory = directory.standardizedFileURL
  }

  /// The cache of a workspace's progress folder: `<progress>/.cache/decks`.
  public init(progressDirectory: URL) {
    self.init(directory: progressDirectory.appendingPathComponent(".cache/decks", isDirectory: true))
  }

  /// The compiled file for the deck at `path`: named after the deck file and a hash of its absolute path, so two
  /// decks of one name in different folders do not share a file.
  public func fileURL(forDeckAt path: String) -> URL {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL
    var sum = Checksum()
    sum.add(absolute.path)
    let tag = String(UInt64(bitPattern: sum.value), radix: 16)
    let name = absolute.deletingPathExtension().lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return directory.appendingPathComponent("\(name.prefix(60))-\(tag).cards.sqlite")
  }

  /// The compiled deck at `path`, reusing the cached copy when it is for the same content and sound.
  ///
  /// Throws `DeckCacheError.deck` with every diagnostic when the deck has errors; a damaged or stale copy is
  /// replaced, and when the folder cannot be written the cards are compiled in memory.
  public func open(deckAt path: String) throws(DeckCacheError) -> CompiledDeck {
    try openAndBuild(deckAt: path).deck
  }

  /// Every card of the deck at `path`, in deck order: read from its compiled copy, or, when the deck had to be
  /// compiled now, the cards just built for it (the same cards, not read back from the file just written).
  public func cards(deckAt path: String) throws(DeckCacheError) -> [Card] {
    let opened = try openAndBuild(deckAt: path)
    if let built = opened.built { return built }
    return try opened.deck.allCards()
  }

  /// `open(deckAt:)`, with the cards it built when it compiled the deck now.
  private func openAndBuild(deckAt path: String) throws(DeckCacheError) -> (deck: CompiledDeck, built: [Card]?) {
    let url = fileURL(forDeckAt: path)
    let builder = Self.builderIdentity
    guard let stat = Self.fileStat(path) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    var reason = "no compiled copy yet"
    if FileManager.default.fileExists(atPath: url.path) {
      do {
        let cached = try CompiledDeck.open(url: url, builder: builder, origin: .reused)
        let deckUnchanged = cached.info.size == stat.size && cached.info.modified == stat.modified
        let sources = Self.recheck(cached.info.sources)
        if deckUnchanged && sources.untouched { return (cached, nil) }
        // Touched: compare the content itself.
        if !deckUnchanged {
          let bytes = try Self.read(path)
          if Self.contentHash(bytes) != cached.info.contentHash {
            keepAsPrevious(url, deckAt: path)
            return try compile(path: path, bytes: bytes, stat: stat, to: url, reason: "the deck changed")
          }
        }
        guard let current = sources.files else {
          return try compile(
            path: path, bytes: try Self.read(path), stat: stat, to: url, reason: "a source file it quotes changed")
        }
        cached.touch(size: stat.size, modified: stat.modified, sources: current)
        return (try CompiledDeck.open(url: url, builder: builder, origin: .rehashed), nil)
      } catch {
        if case .damaged(_, let why) = error { reason = "the compiled copy was unusable: \(why)" } else { throw error }
      }
    }
    return try compile(path: path, bytes: try Self.read(path), stat: stat, to: url, reason: reason)
  }

  /// The compiled copy of the deck's version before its last change, or nil: kept (one per deck) so that a learner
  /// whose store last synced that version can be shown what the edit changed. Opened read-only whichever Annals
  /// built it, since it stands for the cards that learner was given; a damaged or other-format file is nil.
  public func previous(forDeckAt path: String) -> CompiledDeck? {
    let url = previousFileURL(forDeckAt: path)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try? CompiledDeck.open(url: url, builder: nil, origin: .reused)
  }

  /// `<name>-<hash>.previous.sqlite` beside the deck's compiled file.
  public func previousFileURL(forDeckAt path: String) -> URL {
    let current = fileURL(forDeckAt: path).lastPathComponent
    return directory.appendingPathComponent(current.replacingOccurrences(of: ".cards.sqlite", with: ".previous.sqlite"))
  }

  /// Keeps the compiled file at `url` (about to be replaced) as the deck's previous version: a hard link renamed
  /// into place, so it costs no copy and readers only ever see a whole file. Best effort: without it a changed
  /// deck's summary names fewer changes, nothing more.
  private func keepAsPrevious(_ url: URL, deckAt path: String) {
    let staging = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).previous.tmp")
    guard link(url.path, staging.path) == 0 else { return }
    if rename(staging.path, previousFileURL(forDeckAt: path).path) != 0 { unlink(staging.path) }
  }

  /// Builds the deck's cards again and replaces its compiled copy (after a damaged read, for example).
  public func rebuild(deckAt path: String, reason: String) throws(DeckCacheError) -> CompiledDeck {
    guard let stat = Self.fileStat(path) else { throw .unreadable(path: path, reason: "no such file") }
    return try compile(path: path, bytes: try Self.read(path), stat: stat, to: fileURL(forDeckAt: path), reason: reason).deck
  }

  private func compile(
    path: String, bytes: Data, stat: (size: Int64, modified: Int64), to url: URL, reason: String
  ) throws(DeckCacheError) -> (deck: CompiledDeck, built: [Card]) {
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    let report = DeckLoader.lint(data: bytes, path: path, baseDirectory: base)
    guard report.errorCount == 0, let deck = report.deck else {
      throw .deck(DeckError(diagnostics: report.diagnostics))
    }
    let cards = CompiledDeck.firstOfEachID(CardBuilder(deck: deck).cards())
    let rows = CompiledDeck.rows(of: cards, deck: deck)
    // The deck's own record is encoded beside the card rows' insert, which runs on one core (beside the build and
    // the rows' encoding, which take every core, it slowed them).
    let parts = Background { try CompiledDeck.Parts(of: deck) }
    var info = CompiledDeck.Info(
      deckID: deck.id, title: deck.title, contentHash: Self.contentHash(bytes), size: stat.size,
      modified: stat.modified, cardCount: cards.count)
    info.sources = Self.sourceFiles(of: deck, base: base)
    let builder = Self.builderIdentity
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let temporary = directory.appendingPathComponent(
        ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
      defer { try? FileManager.default.removeItem(at: temporary) }
      do {
        let database = try DatabaseQueue(path: temporary.path)
        try CompiledDeck.write(parts: { try parts.value() }, rows: rows, info: info, builder: builder, into: database)
        try database.close()
      }
      try Self.fsync(temporary.path)
      guard rename(temporary.path, url.path) == 0 else {
        throw DeckCacheError.storage(path: url.path, reason: String(cString: strerror(errno)))
      }
      try? Self.fsync(directory.path)
      return (try CompiledDeck.open(url: url, builder: builder, origin: .compiled(reason)), cards)
    } catch {
      // A folder that cannot be written: the cards still come, from memory.
      do {
        let memory = try DatabaseQueue()
        try CompiledDeck.write(parts: { try parts.value() }, rows: rows, info: info, builder: builder, into: memory)
        return (CompiledDeck(info: info, url: nil, origin: .compiled(reason + "; not saved: \(error)"), database: memory), cards)
      } catch {
        throw .storage(path: url.path, reason: "\(error)")
      }
    }
  }

  // MARK: - Files

  /// The files `deck` quotes, hashed now (a file that cannot be read is kept with an empty hash, so that its
  /// coming back also compiles the deck again).
  static func sourceFiles(of deck: Deck, base: URL) -> [CompiledDeck.SourceFile] {
    var seen = Set<String>()
    return deck.sources.compactMap { source -> CompiledDeck.SourceFile? in
      guard let file = source.file else { return nil }
      let path = URL(fileURLWithPath: file, relativeTo: base).standardizedFileURL.path
      guard seen.insert(path).inserted else { return nil }
      let stat = fileStat(path)
      let hash = stat == nil ? "" : ((try? read(path)).map(contentHash) ?? "")
      return CompiledDeck.SourceFile(path: path, contentHash: hash, size: stat?.size ?? -1, modified: stat?.modified ?? -1)
    }
  }

  /// Checks a compiled copy's source files against the disk: `untouched` when every size and time matches;
  /// otherwise `files` holds them with their new sizes and times when every content is the same, and is nil when
  /// one changed.
  static func recheck(_ recorded: [CompiledDeck.SourceFile]) -> (untouched: Bool, files: [CompiledDeck.SourceFile]?) {
    var untouched = true
    var files: [CompiledDeck.SourceFile] = []
    for file in recorded {
      let stat = fileStat(file.path)
      if stat?.size == file.size && stat?.modified == file.modified || (stat == nil && file.size == -1) {
        files.append(file)
        continue
      }
      untouched = false
      let hash = stat == nil ? "" : ((try? read(file.path)).map(contentHash) ?? "")
      guard hash == file.contentHash else { return (false, nil) }
      files.append(
        CompiledDeck.SourceFile(path: file.path, contentHash: hash, size: stat?.size ?? -1, modified: stat?.modified ?? -1))
    }
    return (untouched, files)
  }

  /// The hash a deck's content is known by (64-bit FNV-1a of its bytes, as 16 hex digits; the store's
  /// `deck.content_hash`).
  public static func contentHash(_ bytes: Data) -> String { FNV1a.hex(bytes) }

  /// Size and modification time (ns since 1970) of a regular file, from one `stat` call (Foundation's
  /// `attributesOfItem` also looks up the owner's name, which a launch does not need).
  static func fileStat(_ path: String) -> (size: Int64, modified: Int64)? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
  }

  static func read(_ path: String) throws(DeckCacheError) -> Data {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "cannot open it")
    }
    defer { try? handle.close() }
    do {
      return try handle.read(upToCount: DeckLoader.maximumFileSize + 1) ?? Data()
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
  }

  static func fsync(_ path: String) throws(DeckCacheError) {
    let fd = Glibc.open(path, O_RDONLY)
    guard fd >= 0 else { throw .storage(path: path, reason: String(cString: strerror(errno))) }
    defer { Glibc.close(fd) }
    guard Glibc.fsync(fd) == 0 else { throw .storage(path: path, reason: String(cString: strerror(errno))) }
  }

  /// Which Annals built a file: the format and this executable's size and modification time, so that a new build
  /// (whose card builder may word cards differently) never trusts cards an older one compiled.
  /// (`/proc/self/exe` names the running file itself; `Bundle.main`, the fallback, costs a scan of its folder.)
  static let builderIdentity: String = {
    let exe = fileStat("/proc/self/exe") ?? {
      let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
      return fileStat(URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }()
    return "annals-cards-\(CompiledDeck.format)/\(exe?.size ?? 0)-\(exe?.modified ?? 0)"
  }()
}
