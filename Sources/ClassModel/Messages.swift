/// Who a token belongs to.
public enum Role: String, Codable, Sendable {
  /// The class's teacher: enrolls, publishes, revokes and reads everyone's reviews.
  case teacher
  /// A student: reads the class's decks and their own reviews, pushes their own reviews.
  case student
}

/// `GET /v1/me`: the token's owner.
public struct Identity: Codable, Sendable, Equatable {
  /// The member's name.
  public var name: String
  /// Teacher or student.
  public var role: Role

  /// An identity.
  public init(name: String, role: Role) {
    self.name = name
    self.role = role
  }
}

/// `POST /v1/students`: a student to enroll.
public struct EnrollRequest: Codable, Sendable, Equatable {
  /// The student's name (letters, digits, `.`, `_`, `-`; 1 to 64 characters).
  public var name: String

  /// A request to enroll `name`.
  public init(name: String) { self.name = name }
}

/// The answer to an enrollment: the student's token, shown this once.
public struct Enrollment: Codable, Sendable, Equatable {
  /// The student's name.
  public var name: String
  /// The bearer token (the server keeps only its SHA-256 hash).
  public var token: String

  /// An enrollment.
  public init(name: String, token: String) {
    self.name = name
    self.token = token
  }
}

/// One student as `GET /v1/students` lists them.
public struct StudentSummary: Codable, Sendable, Equatable {
  /// The student's name.
  public var name: String
  /// When they were enrolled (ms since 1970).
  public var enrolledAt: Int64
  /// Their last push of reviews (ms since 1970), if any.
  public var lastSyncAt: Int64?
  /// How many of their reviews the server holds.
  public var reviews: Int
  /// Whether their token was revoked.
  public var revoked: Bool

  /// A summary.
  public init(name: String, enrolledAt: Int64, lastSyncAt: Int64?, reviews: Int, revoked: Bool) {
    self.name = name
    self.enrolledAt = enrolledAt
    self.lastSyncAt = lastSyncAt
    self.reviews = reviews
    self.revoked = revoked
  }
}

/// A file of a published deck, its path relative to the workspace's `Decks/` folder.
public struct DeckFile: Codable, Sendable, Equatable {
  /// `kalbajar.yaml`, `sources/battle-of-kalbajar.txt`: relative, no `..`, no leading `/`.
  public var path: String
  /// The file's text (UTF-8).
  public var text: String

  /// A file.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// `PUT /v1/decks/{id}`: a deck file with its source files.
public struct PublishRequest: Codable, Sendable, Equatable {
  /// The deck file: a `.yaml` (or `.yml`) name without folders.
  public var deck: DeckFile
  /// Its source files, paths relative to the deck's folder (each path once, none the deck's own).
  public var sources: [DeckFile]

  /// The most source files a deck may carry.
  public static let maximumSources = 63

  /// A request to publish `deck` with `sources`.
  public init(deck: DeckFile, sources: [DeckFile]) {
    self.deck = deck
    self.sources = sources
  }
}

/// A published deck, as `GET /v1/decks/{id}` returns it.
public struct PublishedDeck: Codable, Sendable, Equatable {
  /// The deck's id.
  public var id: String
  /// Raised by one at every publication.
  public var version: Int
  /// When this version was published (ms since 1970).
  public var publishedAt: Int64
  /// The deck file, then its sources.
  public var files: [DeckFile]

  /// A published deck.
  public init(id: String, version: Int, publishedAt: Int64, files: [DeckFile]) {
    self.id = id
    self.version = version
    self.publishedAt = publishedAt
    self.files = files
  }
}

/// A published deck without its files, as `GET /v1/decks` lists it.
public struct DeckListing: Codable, Sendable, Equatable {
  /// The deck's id.
  public var id: String
  /// Its current version.
  public var version: Int
  /// When it was published (ms since 1970).
  public var publishedAt: Int64

  /// A listing.
  public init(id: String, version: Int, publishedAt: Int64) {
    self.id = id
    self.version = version
    self.publishedAt = publishedAt
  }
}

/// `POST /v1/reviews`: one bounded batch of the caller's reviews.
public struct ReviewBatch: Codable, Sendable, Equatable {
  /// At most `ReviewBatch.maximumCount` reviews.
  public var reviews: [SyncedReview]

  /// The most reviews one request may carry.
  public static let maximumCount = 500

  /// A batch.
  public init(reviews: [SyncedReview]) { self.reviews = reviews }
}

/// The server's acknowledgement of a batch: every review in it is stored (durably) when this arrives.
public struct BatchReceipt: Codable, Sendable, Equatable {
  /// How many reviews were new to the server (the rest it already had).
  public var stored: Int
  /// How many reviews the batch held.
  public var received: Int

  /// A receipt.
  public init(stored: Int, received: Int) {
    self.stored = stored
    self.received = received
  }
}

/// `GET /v1/students/{name}/reviews`: one page of a student's reviews, oldest first.
public struct ReviewPage: Codable, Sendable, Equatable {
  /// The reviews on this page.
  public var reviews: [SyncedReview]
  /// Pass as `after` for the next page; nil on the last page.
  public var next: Int64?

  /// A page.
  public init(reviews: [SyncedReview], next: Int64?) {
    self.reviews = reviews
    self.next = next
  }
}

/// `GET /health`.
public struct Health: Codable, Sendable, Equatable {
  /// "ok".
  public var status: String
  /// "sqlite" or "postgresql".
  public var database: String

  /// A health answer.
  public init(status: String, database: String) {
    self.status = status
    self.database = database
  }
}

/// Names the server accepts for students and decks.
public enum ClassNames {
  /// Whether `name` is 1 to 64 letters, digits, `.`, `_` or `-`, not starting with `.`.
  public static func isValid(_ name: String) -> Bool {
    guard (1...64).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
    return name.utf8.allSatisfy(isNameByte)
  }

  /// Whether `path` is a safe relative file path inside `Decks/`: at most 512 bytes, parts of letters, digits,
  /// `.`, `_` and `-` separated by `/`, none empty or starting with `.` (so no `..`, no hidden or absolute path).
  public static func isSafeRelativePath(_ path: String) -> Bool {
    guard !path.isEmpty, path.utf8.count <= 512 else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
      !part.isEmpty && !part.hasPrefix(".") && part.utf8.allSatisfy(isNameByte)
    }
  }

  static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == 0x2E || byte == 0x5F || byte == 0x2D
  }
}
