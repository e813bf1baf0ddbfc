import { type Kysely, sql } from 'kysely'

/**
 * Every read-side count (timeline, trends, co-mentions, top entities) asks "mentions of entity X
 * in stories of this range, not copies, from these sources/languages". Answering that through a
 * join looked every mention's article up (80,000 look-ups for a common entity: 260 ms for a
 * two-year timeline on `npm run bench:queries`). The story attributes those filters need are
 * copied onto each mention instead, so one covering index range scan answers them
 * (`mentions_entity_story`: entity, then story time, then the filter columns).
 *
 * Kept true by triggers, whoever writes: a mention inserted without them gets them from its
 * article (newshound's own writers fill them in the INSERT, saving the second write), and an
 * article whose story time, duplicate status, source or language changes passes the change on to
 * its mentions. `mentions_entity_count` and `mentions_entity_article` (entity, article) are
 * superseded: the new index leads with entity_id too and ends with article_id.
 * `mentions_article_count` becomes `mentions_article_cover`, which adds the surface form.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE mentions ADD COLUMN story_at TEXT`.execute(db)
  await sql`ALTER TABLE mentions ADD COLUMN is_duplicate INTEGER NOT NULL DEFAULT 0`.execute(db)
  await sql`ALTER TABLE mentions ADD COLUMN source_id TEXT`.execute(db)
  await sql`ALTER TABLE mentions ADD COLUMN language TEXT`.execute(db)
  await sql`UPDATE mentions SET (story_at, is_duplicate, source_id, language) = (
    SELECT coalesce(a.published_at, a.fetched_at), a.duplicate_of IS NOT NULL, a.source_id, a.language
    FROM articles a WHERE a.id = mentions.article_id)`.execute(db)

  await sql`CREATE TRIGGER mentions_story_ai AFTER INSERT ON mentions WHEN new.story_at IS NULL BEGIN
    UPDATE mentions SET (story_at, is_duplicate, source_id, language) = (
      SELECT coalesce(a.published_at, a.fetched_at), a.duplicate_of IS NOT NULL, a.source_id, a.language
      FROM articles a WHERE a.id = new.article_id)
    WHERE article_id = new.article_id AND entity_id = new.entity_id;
  END`.execute(db)
  await sql`CREATE TRIGGER articles_story_au
    AFTER UPDATE OF published_at, fetched_at, duplicate_of, source_id, language ON articles
    WHEN coalesce(old.published_at, old.fetched_at) IS NOT coalesce(new.published_at, new.fetched_at)
      OR (old.duplicate_of IS NULL) != (new.duplicate_of IS NULL)
      OR old.source_id IS NOT new.source_id
      OR old.language IS NOT new.language
    BEGIN
      UPDATE mentions SET
        story_at = coalesce(new.published_at, new.fetched_at),
        is_duplicate = new.duplicate_of IS NOT NULL,
        source_id = new.source_id,
        language = new.language
      WHERE article_id = new.id;
    END`.execute(db)

  await sql`CREATE INDEX mentions_entity_story ON mentions (entity_id, story_at, is_duplicate, source_id, language, count, article_id)`.execute(
    db,
  )
  await sql`DROP INDEX IF EXISTS mentions_entity_count`.execute(db)
  await sql`DROP INDEX IF EXISTS mentions_entity_article`.execute(db)
  // Article-first, now with the surface form too: the mentions export reads every column of an
  // article's mentions, and looking up each mention row for its surface took a third of its
  // reading time (0.95 s → 0.65 s for 900,000 mentions).
  await sql`DROP INDEX IF EXISTS mentions_article_count`.execute(db)
  await sql`CREATE INDEX mentions_article_cover ON mentions (article_id, entity_id, count, surface)`.execute(
    db,
  )

  // Same rows as before (migration 0005), read from the mention columns: no article look-ups.
  await sql`DROP VIEW IF EXISTS entity_daily`.execute(db)
  await sql`CREATE VIEW entity_daily AS
    SELECT
      e.id AS entity_id,
      e.name AS entity_name,
      e.kind AS entity_kind,
      date(m.story_at) AS day,
      count(*) AS stories,
      sum(m.count) AS mentions
    FROM mentions m
    JOIN entities e ON e.id = m.entity_id
    WHERE m.is_duplicate = 0 AND e.merged_into IS NULL
    GROUP BY e.id, day`.execute(db)
}
