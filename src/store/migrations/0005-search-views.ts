import { type Kysely, sql } from 'kysely'

/**
 * The analyst side of the file: full-text search over articles, flat views for SQL users
 * (sqlite3, sqlite-utils, Datasette) and the indexes the read-side queries in src/query need.
 *
 * - `articles_fts`: FTS5 external-content table over title + text, kept in sync by triggers named
 *   like sqlite-utils names them (`articles_ai/_ad/_au`), so `sqlite-utils` and Datasette find the
 *   search box by themselves. The update trigger fires only when title or text change: enrichment
 *   and dedup update other columns of every article, and re-indexing each of them would cost a
 *   full delete + insert in the index for nothing.
 * - `unicode61 remove_diacritics 2`: German text; "Übernahme" is found by "ubernahme" too. No
 *   porter stemmer: it is English-only and mangles German words.
 * - Indexes for the read side (src/query), measured with `npm run bench:queries` (1M mentions):
 *   story time is `coalesce(published_at, fetched_at)` everywhere (a page without a date counts
 *   when it was fetched), so it is indexed as that expression, next to the columns every filter
 *   uses (duplicate_of, source_id, language), making range queries read the index only.
 *   `articles_id_story` repeats them keyed by id, so per-mention article look-ups (timeline, co)
 *   read a compact index instead of article rows full of text. `mentions_*_count` add `count` to
 *   the two mention orders for the same reason. No index may lead with a low-cardinality column
 *   such as source_id alone: the planner then skip-scans it for `duplicate_of IS NULL` and
 *   ignores the time range (seen in the benchmark: 1.6 s for trends instead of 0.1 s).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
  )`.execute(db)
  await sql`CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db)
  await sql`CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  END`.execute(db)
  await sql`CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db)
  // Backfill: articles stored before this migration.
  await sql`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`.execute(db)

  await sql`CREATE INDEX articles_story_at ON articles (coalesce(published_at, fetched_at), duplicate_of, source_id, language)`.execute(
    db,
  )
  await sql`CREATE INDEX articles_source_story ON articles (source_id, coalesce(published_at, fetched_at), duplicate_of, language)`.execute(
    db,
  )
  await sql`CREATE INDEX articles_id_story ON articles (id, coalesce(published_at, fetched_at), duplicate_of, source_id, language)`.execute(
    db,
  )
  await sql`CREATE INDEX mentions_entity_count ON mentions (entity_id, article_id, count)`.execute(
    db,
  )
  await sql`CREATE INDEX mentions_article_count ON mentions (article_id, entity_id, count)`.execute(
    db,
  )

  await sql`CREATE VIEW article_mentions AS
    SELECT
      a.id AS article_id,
      a.title AS article_title,
      a.canonical_url AS article_url,
      a.source_id AS source_id,
      s.name AS source_name,
      a.language AS language,
      a.published_at AS published_at,
      date(coalesce(a.published_at, a.fetched_at)) AS day,
      e.id AS entity_id,
      e.name AS entity_name,
      e.kind AS entity_kind,
      m.count AS mention_count,
      m.surface AS surface,
      CASE WHEN a.duplicate_of IS NULL THEN 0 ELSE 1 END AS is_duplicate
    FROM mentions m
    JOIN articles a ON a.id = m.article_id
    JOIN entities e ON e.id = m.entity_id
    LEFT JOIN sources s ON s.id = a.source_id`.execute(db)

  // Stories, not copies: duplicates of a story (duplicate_of set) are not counted.
  await sql`CREATE VIEW entity_daily AS
    SELECT
      e.id AS entity_id,
      e.name AS entity_name,
      e.kind AS entity_kind,
      date(coalesce(a.published_at, a.fetched_at)) AS day,
      count(*) AS stories,
      sum(m.count) AS mentions
    FROM mentions m
    JOIN articles a ON a.id = m.article_id
    JOIN entities e ON e.id = m.entity_id
    WHERE a.duplicate_of IS NULL AND e.merged_into IS NULL
    GROUP BY e.id, day`.execute(db)
  // talent_moves (one row per move with names and first evidence) is created by the talent-moves
  // migration 0004 next to the tables it reads.
}
