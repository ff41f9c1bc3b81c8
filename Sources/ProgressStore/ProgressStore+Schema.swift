import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  /// The named, forward-only migrations. Each bumps `PRAGMA user_version` to the schema version it brings.
  ///
  /// Never edit a migration that has shipped: add a new one and raise `schemaVersion`.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-initial") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
          CREATE TABLE deck (
            id TEXT PRIMARY KEY NOT NULL,
            content_hash TEXT NOT NULL,
            path TEXT NOT NULL,
            scheduler TEXT CHECK (scheduler IN ('fsrs', 'sm2')),
            synced_at REAL NOT NULL
          );
          CREATE TABLE card (
            id TEXT PRIMARY KEY NOT NULL,
            deck_id TEXT NOT NULL REFERENCES deck(id),
            kind TEXT NOT NULL,
            sibling_group TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '',
            era TEXT,
            position INTEGER NOT NULL,
            phase TEXT NOT NULL DEFAULT 'new' CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
            due REAL NOT NULL,
            stability REAL,
            difficulty REAL,
            step INTEGER NOT NULL DEFAULT 0,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            last_review REAL,
            scheduled_days INTEGER NOT NULL DEFAULT 0,
            ease REAL,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until REAL,
            retired INTEGER NOT NULL DEFAULT 0
          );
          CREATE INDEX card_by_due ON card(retired, suspended, phase, due);
          CREATE INDEX card_by_deck ON card(deck_id, position);
          CREATE INDEX card_by_group ON card(sibling_group);
          CREATE TABLE scheduler_config (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            scheduler TEXT NOT NULL,
            parameters TEXT NOT NULL,
            UNIQUE (scheduler, parameters)
          );
          CREATE TABLE review (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            card_id TEXT NOT NULL REFERENCES card(id),
            time REAL NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            typed_answer TEXT,
            verdict TEXT,
            response_ms INTEGER,
            phase_before TEXT NOT NULL,
            state_before TEXT NOT NULL,
            state_after TEXT NOT NULL,
            scheduler_config_id INTEGER NOT NULL REFERENCES scheduler_config(id),
            undone INTEGER NOT NULL DEFAULT 0
          );
          CREATE INDEX review_by_card ON review(card_id, id);
          CREATE INDEX review_by_time ON review(time);
          CREATE VIEW review_log AS
            SELECT review.*, scheduler_config.scheduler, scheduler_config.parameters
            FROM review JOIN scheduler_config ON scheduler_config.id = review.scheduler_config_id;
          CREATE TRIGGER review_append_only BEFORE DELETE ON review
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
          CREATE TABLE settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            scheduler TEXT NOT NULL DEFAULT 'fsrs' CHECK (scheduler IN ('fsrs', 'sm2')),
            desired_retention REAL NOT NULL DEFAULT 0.9,
            weights TEXT,
            new_per_day INTEGER NOT NULL DEFAULT 20,
            reviews_per_day INTEGER NOT NULL DEFAULT 200,
            rollover_hour INTEGER NOT NULL DEFAULT 4,
            time_zone TEXT,
            fuzz INTEGER NOT NULL DEFAULT 1
          );
          INSERT INTO settings (id) VALUES (1);
          CREATE TABLE fitted_parameters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time REAL NOT NULL,
            weights TEXT NOT NULL,
            source TEXT NOT NULL,
            review_count INTEGER NOT NULL,
            metrics TEXT
          );
          CREATE TABLE quiz_result (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            quiz_id TEXT NOT NULL,
            learner TEXT NOT NULL,
            deck_id TEXT NOT NULL,
            time REAL NOT NULL,
            score REAL NOT NULL,
            questions TEXT NOT NULL
          );
          INSERT INTO meta (key, value) VALUES ('schema_version', '1');
          PRAGMA user_version = 1;
          """)
    }
    migrator.registerMigration("v2-compact-log") { db in try migrateToCompactLog(db) }
    return migrator
  }()
}
