/**
 * What `datasette.yaml` says, as data: title, licence, table and column descriptions and the
 * canned queries (the SQL of src/query, with :named parameters). `renderDatasetteYaml()` writes
 * the file and test/export/datasette.test.ts checks it is current and runs every query against
 * a real database next to the TypeScript query it mirrors, so the two cannot drift.
 *
 * Datasette passes parameters as text: numbers are CAST, or `stories >= '2'` would compare an
 * integer with text and match nothing. SQLite's log() is not in every build Datasette runs on,
 * so `rising_entities` orders by the ratio inside the log (same order, score = log2(ratio)).
 */

export interface CannedQuery {
  readonly title: string
  readonly description: string
  readonly sql: string
}

export interface TableMetadata {
  readonly description: string
  readonly columns?: Readonly<Record<string, string>>
}

const STORY_AT = 'coalesce(a.published_at, a.fetched_at)'

export const CANNED_QUERIES: Readonly<Record<string, CannedQuery>> = {
  rising_entities: {
    title: 'Rising entities',
    description:
      'Entities rising in a window against the baseline before it (newshound trends). ratio = (stories + 5) / (expected + 5); score = log2(ratio). Times as ISO-8601 UTC, e.g. window_start 2026-11-22, window_end 2026-11-29, baseline_start 2026-10-25.',
    sql: `WITH totals AS (
  SELECT sum(${STORY_AT} >= :window_start) AS w, sum(${STORY_AT} < :window_start) AS b
  FROM articles a
  WHERE a.duplicate_of IS NULL AND ${STORY_AT} >= :baseline_start AND ${STORY_AT} < :window_end
), counts AS (
  SELECT m.entity_id,
    sum(${STORY_AT} >= :window_start) AS stories,
    sum(${STORY_AT} < :window_start) AS baseline_stories
  FROM articles a JOIN mentions m ON m.article_id = a.id
  WHERE a.duplicate_of IS NULL AND ${STORY_AT} >= :baseline_start AND ${STORY_AT} < :window_end
  GROUP BY m.entity_id
)
SELECT e.id AS entity_id, e.name AS entity, e.kind, c.stories, c.baseline_stories,
  round(c.baseline_stories * (CASE WHEN t.b > 0 THEN 1.0 * t.w / t.b ELSE 0 END), 3) AS expected_stories,
  round((c.stories + 5.0) / (c.baseline_stories * (CASE WHEN t.b > 0 THEN 1.0 * t.w / t.b ELSE 0 END) + 5.0), 4) AS ratio
FROM counts c JOIN entities e ON e.id = c.entity_id, totals t
WHERE c.stories >= CAST(:min_stories AS INTEGER) AND e.merged_into IS NULL
ORDER BY ratio DESC, c.stories DESC, e.name, e.id
LIMIT 50`,
  },
  entity_timeline: {
    title: 'Stories per week for one entity',
    description:
      'newshound timeline NAME --by week: stories mentioning the entity (by exact name) and all stories per week, since a date.',
    sql: `WITH weeks AS (
  SELECT date(${STORY_AT}, '-6 days', 'weekday 1') AS week, count(*) AS total_stories
  FROM articles a
  WHERE a.duplicate_of IS NULL AND ${STORY_AT} >= :since
  GROUP BY week
)
SELECT w.week, coalesce(x.stories, 0) AS stories, coalesce(x.mentions, 0) AS mentions, w.total_stories
FROM weeks w LEFT JOIN (
  SELECT date(${STORY_AT}, '-6 days', 'weekday 1') AS week, count(*) AS stories, sum(m.count) AS mentions
  FROM mentions m JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id
  WHERE e.name = :entity AND a.duplicate_of IS NULL AND ${STORY_AT} >= :since
  GROUP BY week
) x ON x.week = w.week
ORDER BY w.week`,
  },
  co_mentions: {
    title: 'Mentioned together with',
    description:
      'newshound co NAME: entities most often mentioned in the same stories as the entity (by exact name).',
    sql: `SELECT e2.id AS entity_id, e2.name AS entity, e2.kind, count(*) AS stories, max(${STORY_AT}) AS latest_at
FROM entities e1
JOIN mentions m1 ON m1.entity_id = e1.id
JOIN articles a ON a.id = m1.article_id
JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id
JOIN entities e2 ON e2.id = m2.entity_id
WHERE e1.name = :entity AND a.duplicate_of IS NULL AND e2.merged_into IS NULL
GROUP BY e2.id
ORDER BY stories DESC, e2.name, e2.id
LIMIT 50`,
  },
  search_stories: {
    title: 'Search stories',
    description:
      'newshound search: full-text search (FTS5 syntax) over titles and texts, best first, copies left out.',
    sql: `SELECT a.id AS article_id, ${STORY_AT} AS story_at, a.source_id, a.title, a.canonical_url AS url,
  snippet(articles_fts, 1, '[', ']', '…', 24) AS snippet
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH :q AND a.duplicate_of IS NULL
ORDER BY bm25(articles_fts, 5.0, 1.0), a.id
LIMIT 50`,
  },
  source_health: {
    title: 'Source health',
    description:
      'newshound stats sources: articles and stories per source, latest story, feeds failing (3+ failed polls in a row).',
    sql: `SELECT s.id AS source_id, s.name,
  (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS articles,
  (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.duplicate_of IS NULL) AS stories,
  (SELECT max(${STORY_AT}) FROM articles a WHERE a.source_id = s.id) AS last_story_at,
  (SELECT count(*) FROM feeds f WHERE f.source_id = s.id AND f.is_active = 1) AS feeds,
  (SELECT count(*) FROM feeds f WHERE f.source_id = s.id AND f.is_active = 1 AND f.consecutive_failures >= 3) AS feeds_failing,
  (SELECT max(f.last_success_at) FROM feeds f WHERE f.source_id = s.id) AS last_success_at
FROM sources s
ORDER BY s.id`,
  },
  talent_flows: {
    title: 'Talent flows between organisations',
    description:
      'Reported moves per (from, to) organisation pair since a date (YYYY-MM-DD); empty side = unknown.',
    sql: `SELECT fo.name AS from_org, tor.name AS to_org, count(*) AS moves, count(DISTINCT mv.person_id) AS people,
  max(coalesce(mv.happened_at, substr(mv.first_seen_at, 1, 10))) AS latest
FROM moves mv
LEFT JOIN entities fo ON fo.id = mv.from_org_id
LEFT JOIN entities tor ON tor.id = mv.to_org_id
WHERE mv.status = 'reported' AND coalesce(mv.happened_at, substr(mv.first_seen_at, 1, 10)) >= :since
GROUP BY mv.from_org_id, mv.to_org_id
ORDER BY moves DESC, people DESC, fo.name IS NULL, fo.name, tor.name IS NULL, tor.name`,
  },
}

export const TABLES: Readonly<Record<string, TableMetadata>> = {
  articles: {
    description:
      'One row per story URL. duplicate_of points at the story this article copies (syndication, second URL); analyst queries count rows where it is null.',
    columns: {
      canonical_url: 'normalised URL (the identity of the article)',
      source_id: 'the source it was crawled from (sources.id)',
      published_at:
        'published time, ISO-8601 UTC; null when the page gave none (then fetched_at is the story time)',
      published_from: 'where published_at came from (json-ld, meta, feed, url, ...)',
      fetched_at: 'when newshound fetched the page',
      language: 'en or de (detected)',
      authors_json: 'JSON array of author names',
      is_paywalled: '1 when (part of) the text is behind a paywall',
      text: 'main text, boilerplate removed',
      content_hash: 'sha256 of the normalised text',
      duplicate_of: 'id of the story this is a copy of; null for stories',
    },
  },
  entities: {
    description: 'People and organisations. Merged entities point to the one kept (merged_into).',
    columns: {
      key: 'stable key: knowledge-base id (org:meta) or kind:~slug when discovered',
      kind: 'person or org',
      origin: 'kb, user (imported) or discovered',
      parent_id: 'parent organisation',
    },
  },
  entity_aliases: {
    description: 'Names an entity is found by; normalized = lower-case, accents folded.',
  },
  mentions: {
    description: 'Which articles mention which entities.',
    columns: {
      count: 'times mentioned in the article',
      first_offset: 'character offset of the first mention',
      surface: 'the form first seen in the text',
    },
  },
  article_mentions: {
    description:
      'View: one readable row per article and entity mentioned (facet by source_name, language, day, entity_kind). is_duplicate = 1 for copies of a story.',
  },
  entity_daily: {
    description:
      'View: stories (copies left out) and mentions per entity and day. Facet by entity_kind; filter entity_name.',
  },
  talent_moves: {
    description:
      'View: one row per talent move with person and organisation names and the first evidence sentence and link.',
  },
  moves: {
    description:
      'Talent moves: a person leaving, joining, founding or being promoted, aggregated over the stories reporting it.',
    columns: {
      kind: 'departure, hire, founding or promotion',
      status: 'reported, rumored or denied',
      happened_at: 'date of the move when the text gave one (YYYY-MM-DD)',
      report_count: 'stories reporting it',
      confidence: 'detector confidence 0..1',
    },
  },
  move_evidence: {
    description: 'The sentences (article, character range) each move was read from.',
  },
  move_reports: {
    description: 'What each article says about a move, before aggregation into moves.',
  },
  sources: {
    description: 'Every source crawled: the catalog (crawlers/) and imported OPML feeds.',
  },
  feeds: {
    description: 'Feed and sitemap URLs with HTTP validators and health.',
    columns: {
      consecutive_failures: 'failed polls in a row (3+ = failing)',
      last_status: 'HTTP status of the last poll',
      ttl_minutes: 'the feed’s own <ttl>',
    },
  },
  feed_items: {
    description:
      'Every feed item seen, with its fetch status (pending, fetched, failed, rejected, skipped).',
  },
  crawl_runs: { description: 'One row per crawl run with counts per outcome.' },
  fetch_errors: { description: 'What failed, where and why (stage, code, HTTP status).' },
  user_knowledge: { description: 'Entities and aliases imported with newshound entities import.' },
}

const q = (value: string): string => JSON.stringify(value)

/** datasette.yaml as text (Datasette 0.64 `-m`; on 1.0 pass it as `-c` and `-m`). */
export function renderDatasetteYaml(): string {
  const lines: string[] = [
    '# Generated by src/export/datasette.ts (renderDatasetteYaml); test/export/datasette.test.ts keeps it current.',
    '# datasette storage/newshound.db -m datasette.yaml   (the database name is the file name: newshound)',
    `title: ${q('newshound')}`,
    `description: ${q('Tech news crawled into SQLite: articles, the people and organisations they mention, and talent moves between organisations.')}`,
    `license: ${q('MIT')}`,
    `source: ${q('newshound crawls the sources listed in crawlers/ (and imported OPML feeds)')}`,
    'databases:',
    '  newshound:',
    '    tables:',
  ]
  for (const [name, table] of Object.entries(TABLES)) {
    lines.push(`      ${name}:`, `        description: ${q(table.description)}`)
    if (name === 'articles')
      lines.push(
        '        fts_table: articles_fts',
        '        fts_pk: id',
        '        sort_desc: published_at',
      )
    if (table.columns) {
      lines.push('        columns:')
      for (const [column, text] of Object.entries(table.columns))
        lines.push(`          ${column}: ${q(text)}`)
    }
  }
  lines.push('    queries:')
  for (const [name, query] of Object.entries(CANNED_QUERIES)) {
    lines.push(
      `      ${name}:`,
      `        title: ${q(query.title)}`,
      `        description: ${q(query.description)}`,
      '        sql: |-',
    )
    for (const line of query.sql.split('\n')) lines.push(`          ${line}`)
  }
  return `${lines.join('\n')}\n`
}
