/**
 * The schema of the SQLite corpus, as numbered migrations. `schema_version` records the ones
 * applied; each runs in its own transaction. Never edit a released migration: add the next one.
 */
import type Database from 'better-sqlite3';
import { backfillEvidenceAndTrails } from './backfill-v3.js';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /**
   * Fills the new tables from what is already stored (run after `sql`, in the same
   * transaction), for work SQL cannot do: reading the gzip maps, hashing quote shingles.
   */
  readonly backfill?: (db: Database.Database) => void;
}

// FTS5 tokenizer: Unicode words, accents folded, so `Sao Paulo` finds `São Paulo`.
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    description: 'articles, versions, quotes, speakers, citations, outlets, failures, full-text indexes',
    sql: `
CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,            -- registry key, or a normalised name
  name TEXT NOT NULL,
  country TEXT,
  state_affiliated INTEGER NOT NULL DEFAULT 0,
  in_registry INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,       -- 'url:<canonical url>' or 'path:<source path>'
  canonical_url TEXT,
  source_path TEXT NOT NULL,
  content_hash TEXT NOT NULL,          -- of the current version
  current_version INTEGER NOT NULL,
  title TEXT,
  published TEXT,
  outlet_name TEXT,                    -- the publisher as the page names it
  outlet_id INTEGER REFERENCES outlets(id),
  meta_json TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet_id);

CREATE TABLE article_versions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  source_path TEXT NOT NULL,
  schema_version TEXT NOT NULL,
  generator_version TEXT NOT NULL,
  map_gzip BLOB NOT NULL,              -- the provenance map, JSON, gzip
  created_at TEXT NOT NULL,
  UNIQUE (article_id, version)
);
CREATE INDEX article_versions_content_hash ON article_versions(content_hash);

-- Other URLs or paths whose text is already stored under an article (copies, syndication).
CREATE TABLE article_aliases (
  identity TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  source_path TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE INDEX article_aliases_article ON article_aliases(article_id);

CREATE TABLE article_outlets (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  outlet_id INTEGER NOT NULL REFERENCES outlets(id),
  roles TEXT NOT NULL,                 -- JSON array: named, cited, linked, speaker, via, publisher
  PRIMARY KEY (article_id, outlet_id)
);
CREATE INDEX article_outlets_outlet ON article_outlets(outlet_id);

CREATE TABLE speakers (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,            -- speakerKey(name)
  name TEXT NOT NULL,                  -- the name as first seen
  kind TEXT NOT NULL
);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
  quote_key TEXT NOT NULL,             -- 'q3' in the map
  kind TEXT NOT NULL,
  speaker_id INTEGER REFERENCES speakers(id),
  speaker_name TEXT,
  speaker_kind TEXT NOT NULL,
  content TEXT NOT NULL,               -- the content spans joined with ' … '
  content_norm TEXT NOT NULL,          -- normaliseQuoteContent(content), for matching across articles
  cue TEXT,
  start_offset INTEGER NOT NULL,        -- of the first content span
  end_offset INTEGER NOT NULL,
  via_outlet_ids TEXT NOT NULL,        -- JSON array of outlets.id
  confidence REAL NOT NULL,
  UNIQUE (version_id, quote_key)
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_content_norm ON quotes(content_norm);

CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
  citation_key TEXT NOT NULL,          -- 'c2' in the map
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  outlet_name TEXT,
  outlet_id INTEGER REFERENCES outlets(id),
  via_outlet_name TEXT,
  via_outlet_id INTEGER REFERENCES outlets(id),
  authors_json TEXT NOT NULL,
  title TEXT,
  date TEXT,
  url TEXT,
  UNIQUE (version_id, citation_key)
);
CREATE INDEX citations_article ON citations(article_id);
CREATE INDEX citations_outlet ON citations(outlet_id);

CREATE TABLE failures (
  source_path TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);

-- rowid = quotes.id; kept in step by the triggers below.
CREATE VIRTUAL TABLE quotes_fts USING fts5(content, speaker, ${TOKENIZE});
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, content, speaker) VALUES (new.id, new.content, coalesce(new.speaker_name, ''));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  DELETE FROM quotes_fts WHERE rowid = old.id;
END;

-- rowid = articles.id; the text of the current version.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, ${TOKENIZE});
`,
  },
  {
    version: 2,
    description: 'covering index for speaker counts (top speakers: 100k quotes in 30 ms, not 300 ms)',
    sql: `
DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker_article ON quotes(speaker_id, article_id);
`,
  },
  {
    version: 3,
    description: 'evidence summary and claims per article, quote shingles for quote trails, speaker aliases across articles',
    sql: `
-- The evidence summary of each article's current version. known = 0: the map came from a
-- claimtrace without claims (schema 1.0.0); its counts are unknown, not zero.
CREATE TABLE article_evidence (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  known INTEGER NOT NULL,
  claims INTEGER NOT NULL,
  sourced INTEGER NOT NULL,
  unsourced INTEGER NOT NULL,
  hedged INTEGER NOT NULL,
  anonymous_only INTEGER NOT NULL,
  state_affiliated_outlets INTEGER NOT NULL,
  sources_json TEXT NOT NULL,          -- {kind: count}
  techniques_json TEXT NOT NULL        -- [{technique, count}]
);
CREATE INDEX article_evidence_unsourced ON article_evidence(unsourced DESC, article_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  claim_key TEXT NOT NULL,             -- 'k3' in the map
  kind TEXT NOT NULL,
  status TEXT NOT NULL,                -- sourced | unsourced
  text TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  UNIQUE (article_id, claim_key)
);
CREATE INDEX claims_status ON claims(status, article_id);

-- Word 4-gram hashes of each quote (quoteShingles), to find the same quote in other articles
-- through the index instead of scanning every quote. No foreign key and no index by quote:
-- the writer deletes a replaced quote's rows by recomputing its hashes, which saves a second
-- B-tree as large as this one (a fifth of the file at a million quotes).
CREATE TABLE quote_shingles (
  hash INTEGER NOT NULL,
  quote_id INTEGER NOT NULL,
  PRIMARY KEY (hash, quote_id)
) WITHOUT ROWID;
ALTER TABLE quotes ADD COLUMN shingles INTEGER NOT NULL DEFAULT 0;

-- Top speakers of an outlet named as the page names it, without scanning every article.
CREATE INDEX articles_outlet_name ON articles(lower(outlet_name));
-- Top speakers of an outlet: its articles' quotes counted on the index alone (170k quotes of
-- one outlet in a million: 0.8 s reading rows, less from the index).
DROP INDEX quotes_article;
CREATE INDEX quotes_article_speaker ON quotes(article_id, speaker_id);

-- People by the last word of their name, particles dropped ('walid al muallem' -> 'muallem'),
-- so a short form in another article ('al-Muallem', 'Muallem') finds the one full name it can
-- stand for. Speakers that became aliases leave this table.
CREATE TABLE speaker_surnames (
  surname TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  PRIMARY KEY (surname, speaker_id)
) WITHOUT ROWID;
-- A short form linked to a full name: quotes under the short form count for the full name.
CREATE TABLE speaker_aliases (
  key TEXT PRIMARY KEY,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id)
);
CREATE INDEX speaker_aliases_speaker ON speaker_aliases(speaker_id);
-- What the articles call a speaker besides the name ("Syria's foreign minister").
CREATE TABLE speaker_descriptions (
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  description TEXT NOT NULL,
  PRIMARY KEY (speaker_id, description)
) WITHOUT ROWID;
`,
    backfill: backfillEvidenceAndTrails,
  },
]);

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
