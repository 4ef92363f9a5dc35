"""The SQLite schema, as an ordered list of migrations.

The schema version lives in ``PRAGMA user_version``. A migration is never edited
once released: change the schema by appending one. The SQL keeps to what SQLite
and PostgreSQL share where it can, so the PostgreSQL backend can follow the same
list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "reports, their furniture, sentences, tokens and duplicate fingerprints",
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL,
            url TEXT,
            title TEXT,
            source TEXT,
            author TEXT,
            published TEXT,
            published_text TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            published_earliest TEXT,
            published_latest TEXT,
            language TEXT,
            machine_translated INTEGER NOT NULL DEFAULT 0,
            duplicate_of INTEGER REFERENCES reports(id),
            duplicate_similarity REAL,
            text TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT,
            content_hash TEXT NOT NULL UNIQUE,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX reports_duplicate_of ON reports(duplicate_of);
        CREATE TABLE report_warnings (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            message TEXT NOT NULL
        );
        CREATE TABLE removed_lines (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (report_id, position)
        );
        CREATE TABLE publication_evidence (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            earliest TEXT NOT NULL,
            latest TEXT NOT NULL,
            status TEXT NOT NULL
        );
        CREATE TABLE sentences (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (report_id, position)
        );
        CREATE TABLE annotations (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            tokens BLOB NOT NULL
        );
        CREATE TABLE minhash_signatures (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
            signature BLOB NOT NULL,
            shingle_count INTEGER NOT NULL
        );
        CREATE TABLE lsh_bands (
            band_key TEXT NOT NULL,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            PRIMARY KEY (band_key, report_id)
        );
        """,
    ),
    Migration(
        2,
        "temporal expressions, normalized to TIMEX3, with the sentence they sit in",
        """
        CREATE TABLE times (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            mod TEXT,
            begin_value TEXT,
            end_value TEXT,
            anchor TEXT NOT NULL,
            anchored_to_inferred INTEGER NOT NULL DEFAULT 0,
            sentence INTEGER,
            parts TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (report_id, position)
        );
        CREATE INDEX times_value ON times(value);
        """,
    ),
    Migration(
        3,
        "actors: canonical entities, their aliases, their index keys and every mention",
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            gazetteer_id TEXT UNIQUE,
            wikidata TEXT
        );
        CREATE TABLE entity_aliases (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity_id, alias)
        );
        CREATE TABLE entity_keys (
            key TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (key, entity_id)
        ) WITHOUT ROWID;
        CREATE TABLE mentions (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            kind TEXT NOT NULL,
            role TEXT,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (report_id, position)
        );
        CREATE INDEX mentions_entity ON mentions(entity_id, report_id);
        """,
    ),
    Migration(
        4,
        "quotes with their speaker, and families of quotes of one utterance across reports",
        """
        CREATE TABLE quote_families (
            id INTEGER PRIMARY KEY,
            speaker_entity_id INTEGER NOT NULL REFERENCES entities(id)
        );
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            cue TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker_text TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_entity_id INTEGER REFERENCES entities(id),
            family_id INTEGER REFERENCES quote_families(id),
            published TEXT,
            language TEXT,
            embedding BLOB,
            embedding_model TEXT,
            embedding_rows INTEGER
        );
        CREATE UNIQUE INDEX quotes_report ON quotes(report_id, position);
        CREATE INDEX quotes_speaker_published ON quotes(speaker_entity_id, published);
        CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
        CREATE INDEX quotes_family ON quotes(family_id);
        """,
    ),
    Migration(
        5,
        "claims (figures and statements) and groups of one claim across reports",
        """
        CREATE TABLE claim_groups (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL,
            sources TEXT NOT NULL,
            explanation TEXT,
            conflicting TEXT NOT NULL
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            subject_entity_id INTEGER REFERENCES entities(id),
            party TEXT,
            predicate TEXT NOT NULL,
            object TEXT,
            negated INTEGER NOT NULL,
            modality TEXT NOT NULL,
            time TEXT,
            speaker_entity_id INTEGER REFERENCES entities(id),
            actors TEXT NOT NULL,
            value REAL,
            upper REAL,
            approx TEXT,
            unit TEXT,
            measured TEXT,
            measured_start INTEGER,
            measured_end INTEGER,
            varies INTEGER NOT NULL,
            context TEXT NOT NULL,
            claim_key TEXT,
            group_id INTEGER REFERENCES claim_groups(id),
            published TEXT
        );
        CREATE UNIQUE INDEX claims_report ON claims(report_id, position);
        CREATE INDEX claims_key ON claims(claim_key, id);
        CREATE INDEX claims_group ON claims(group_id);
        CREATE INDEX claim_groups_status ON claim_groups(status);
        """,
    ),
    Migration(
        6,
        "events, timeline entries, stories and storylines",
        """
        CREATE TABLE storylines (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL
        );
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            date TEXT,
            days TEXT,
            place_entity_id INTEGER REFERENCES entities(id),
            storyline_id INTEGER NOT NULL REFERENCES storylines(id),
            size INTEGER NOT NULL,
            vector BLOB,
            vector_model TEXT
        );
        CREATE TABLE story_reports (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id),
            source_id INTEGER NOT NULL,
            score REAL
        );
        CREATE INDEX story_reports_story ON story_reports(story_id, report_id);
        CREATE TABLE story_actors (
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            story_id INTEGER NOT NULL REFERENCES stories(id),
            weight REAL NOT NULL,
            is_place INTEGER NOT NULL,
            PRIMARY KEY (entity_id, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_actors_story ON story_actors(story_id);
        CREATE TABLE actor_story_counts (
            entity_id INTEGER PRIMARY KEY REFERENCES entities(id),
            stories INTEGER NOT NULL
        );
        CREATE TABLE timeline_entries (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            date TEXT NOT NULL,
            date_end TEXT,
            precision TEXT NOT NULL,
            status TEXT NOT NULL,
            title TEXT NOT NULL,
            place_entity_id INTEGER REFERENCES entities(id),
            actors TEXT NOT NULL
        );
        CREATE INDEX timeline_type_year ON timeline_entries(type, substr(date, 1, 4));
        CREATE INDEX timeline_date ON timeline_entries(date);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            actors TEXT NOT NULL,
            place_entity_id INTEGER REFERENCES entities(id),
            date TEXT,
            date_end TEXT,
            precision TEXT,
            status TEXT NOT NULL,
            entry_id INTEGER REFERENCES timeline_entries(id)
        );
        CREATE UNIQUE INDEX events_report ON events(report_id, position);
        CREATE INDEX events_entry ON events(entry_id);
        """,
    ),
    # SQLite's own full-text search (FTS5, built into Python's sqlite3): PostgreSQL would
    # keep a tsvector column ('simple' configuration with unaccent) under a GIN index
    # and rank with ts_rank_cd. ``kind`` and the ids are UNINDEXED: only the title and
    # body are searched, so the word "quote" does not match every quote. The body is a
    # copy (a report's text, a quote's words, a claim's sentence) because snippets and
    # highlights need the content. unicode61 folds case in every script and, with
    # remove_diacritics 2, Latin accents ("Sao" finds "São"); it leaves Cyrillic ё and
    # й as they are. The backfill makes a store written by an older sitrep searchable;
    # sqlite_search.index_report writes the same rows for each new report.
    Migration(
        7,
        "full-text search over reports, quotes and claims",
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            kind UNINDEXED,
            item_id UNINDEXED,
            report_id UNINDEXED,
            start UNINDEXED,
            "end" UNINDEXED,
            title,
            body,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO search_index (kind, item_id, report_id, start, "end", title, body)
            SELECT 'report', id, id, 0, 0, title, text FROM reports ORDER BY id;
        INSERT INTO search_index (kind, item_id, report_id, start, "end", title, body)
            SELECT 'quote', id, report_id, start, "end", NULL, text FROM quotes ORDER BY id;
        INSERT INTO search_index (kind, item_id, report_id, start, "end", title, body)
            SELECT 'claim', c.id, c.report_id, c.start, c."end", NULL,
                substr(r.text, c.sentence_start + 1, c.sentence_end - c.sentence_start)
            FROM claims c JOIN reports r ON r.id = c.report_id ORDER BY c.id;
        -- Nothing deletes reports today; should anything do so, its rows leave the index
        -- with it (quotes and claims go by ON DELETE CASCADE, and are indexed under their
        -- report). UNINDEXED columns make this a scan of the index: fine for a rare delete.
        CREATE TRIGGER search_index_report_deleted AFTER DELETE ON reports BEGIN
            DELETE FROM search_index WHERE report_id = old.id;
        END;
        """,
    ),
    Migration(
        8,
        "actor tallies and report indexes for the web app's lists",
        """
        CREATE TABLE actor_tally (
            entity_id INTEGER PRIMARY KEY REFERENCES entities(id),
            mentions INTEGER NOT NULL,
            reports INTEGER NOT NULL
        );
        INSERT INTO actor_tally (entity_id, mentions, reports)
            SELECT entity_id, COUNT(*), COUNT(DISTINCT report_id) FROM mentions
            GROUP BY entity_id;
        CREATE INDEX actor_tally_rank ON actor_tally(reports DESC, mentions DESC, entity_id);
        CREATE INDEX reports_source ON reports(source);
        CREATE INDEX reports_language ON reports(language);
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
