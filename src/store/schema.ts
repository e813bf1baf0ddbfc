import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** ISO-8601 UTC text timestamps everywhere (readable in sqlite3 and Datasette). */
type Timestamp = string

export interface SourceTable {
  id: string
  name: string
  homepage: string
  language: string
  schedule: string
  /** The full definition as JSON (politeness, sitemaps, tags) so runs can be reproduced. */
  definition_json: string
  is_local: number
  /** 'catalog' (crawlers/) or 'imported' (OPML / sources add): imported ones live only here. */
  origin: 'catalog' | 'imported'
  created_at: Timestamp
  updated_at: Timestamp
}

export interface FeedTable {
  id: Generated<number>
  source_id: string
  url: string
  kind: 'feed' | 'sitemap'
  title: string | null
  etag: string | null
  last_modified: string | null
  last_polled_at: Timestamp | null
  last_success_at: Timestamp | null
  last_status: number | null
  last_error: string | null
  consecutive_failures: Generated<number>
  ttl_minutes: number | null
  next_poll_at: Timestamp | null
  items_seen: Generated<number>
  is_active: Generated<number>
  idle_polls: Generated<number>
  /** Last 200 with a body (not a 304): conditional polling is bypassed when it gets old. */
  last_full_fetch_at: Timestamp | null
  /** 304 answers in a row since the last full fetch. */
  not_modified_polls: Generated<number>
}

export interface FeedItemTable {
  id: Generated<number>
  feed_id: number
  item_key: string
  url: string
  title: string | null
  published_at: Timestamp | null
  first_seen_at: Timestamp
  /**
   * pending → fetched | failed (transient: retried by later runs) | rejected (permanent: 404,
   * too large, not HTML, no article text) | skipped (robots.txt). Pending rows are picked up by
   * the next run, which is how an interrupted run resumes.
   */
  status: 'pending' | 'fetched' | 'failed' | 'rejected' | 'skipped'
  attempts: Generated<number>
  last_error: string | null
  article_id: number | null
}

export interface ArticleTable {
  id: Generated<number>
  canonical_url: string
  url: string
  source_id: string
  title: string | null
  /** JSON array of author names. */
  authors_json: string
  published_at: Timestamp | null
  published_from: string | null
  modified_at: Timestamp | null
  fetched_at: Timestamp
  language: string | null
  site_name: string | null
  description: string | null
  image_url: string | null
  is_paywalled: number
  html_bytes: number
  text: string
  /** sha256 of the normalised text: the same content stored twice changes nothing. */
  content_hash: string
  /**
   * Stories, not copies: null for a story's representative (the original: the earliest, or the
   * one a copy credits), else the representative's id (exact copy, near copy or syndicated
   * copy). Count stories with `where duplicate_of is null`.
   */
  duplicate_of: number | null
  /**
   * The story (cluster) this article belongs to: the representative's id, equal to `id` for a
   * representative. Never null for rows written since migration 0003. Count stories with
   * `count(distinct cluster_id)`; group copies with `group by cluster_id`.
   */
  cluster_id: number | null
  /** urlIdentity() of the canonical URL (no scheme, www/m/amp host, AMP path, trailing slash): lookups only. */
  url_key: string | null
  /** 64-bit SimHash of the text's word 3-shingles as 16 hex digits (enrich/fingerprint.ts). */
  simhash: string | null
  /** The SimHash's four 16-bit bands, indexed: candidates share at least one. */
  sh_band0: number | null
  sh_band1: number | null
  sh_band2: number | null
  sh_band3: number | null
  /** Hashes of the four smallest-hashed long paragraphs, indexed: copies keep paragraphs verbatim. */
  para_anchor0: number | null
  para_anchor1: number | null
  para_anchor2: number | null
  para_anchor3: number | null
  /** Origin named by the text's syndication credit ("KI-Rundschau", "exofeed.nl"), if any. */
  syndicated_from: string | null
  created_at: Timestamp
  updated_at: Timestamp
  /** When entities (and moves) were last extracted; null = not yet. */
  enriched_at: Timestamp | null
  /** ENRICHMENT_VERSION that produced the stored mentions; `enrich` redoes older ones. */
  enrichment_version: number | null
}

export interface EntityTable {
  id: Generated<number>
  key: string
  kind: 'person' | 'org'
  name: string
  origin: 'kb' | 'discovered' | 'user'
  wikidata_id: string | null
  parent_id: number | null
  merged_into: number | null
  created_at: Timestamp
}

export interface EntityAliasTable {
  entity_id: number
  alias: string
  normalized: string
}

export interface MoveReportTable {
  id: Generated<number>
  article_id: number
  person_id: number
  from_org_id: number | null
  to_org_id: number | null
  role: string | null
  role_normalized: string | null
  kind: 'departure' | 'hire' | 'founding' | 'promotion'
  status: 'reported' | 'rumored' | 'denied'
  happened_at: string | null
  happened_from: string
  confidence: number
  sentence: string
  start: number
  end: number
}

export interface MoveTable {
  id: Generated<number>
  person_id: number
  from_org_id: number | null
  to_org_id: number | null
  role: string | null
  role_normalized: string | null
  kind: 'departure' | 'hire' | 'founding' | 'promotion'
  status: 'reported' | 'rumored' | 'denied'
  happened_at: string | null
  first_seen_at: string | null
  last_seen_at: string | null
  report_count: number
  source_ids_json: string
  confidence: number
}

export interface MoveEvidenceTable {
  move_id: number
  article_id: number
  sentence: string
  start: number
  end: number
}

export interface SchedulerStateTable {
  /** Always 1: the row is the lock. */
  id: number
  holder: string
  pid: number
  hostname: string
  started_at: string
  heartbeat_at: string
  state: 'starting' | 'running' | 'stopping' | 'stopped'
  running_json: string
  stopped_at: string | null
  /** Resident set of the scheduler process at its last heartbeat, MB (migration 0010). */
  rss_mb: ColumnType<number | null, number | null | undefined, number | null>
  /** V8 heap in use at its last heartbeat, MB. */
  heap_mb: ColumnType<number | null, number | null | undefined, number | null>
}

export interface SourceScheduleTable {
  source_id: string
  next_run_at: string | null
  last_started_at: string | null
  last_finished_at: string | null
  last_run_id: number | null
  last_outcome: string | null
}

export interface UserKnowledgeTable {
  id: string
  entity_json: string
  imported_at: Timestamp
}

export interface MentionTable {
  article_id: number
  entity_id: number
  count: number
  first_offset: number
  surface: string
  // The article's story attributes, copied so read-side counts need no join (migration 0009).
  // Optional on insert: a trigger fills them from the article when left out.
  /** coalesce(published_at, fetched_at) of the article. */
  story_at: ColumnType<string, string | undefined, string>
  /** 1 when the article is a copy of another story (duplicate_of set). */
  is_duplicate: ColumnType<number, number | undefined, number>
  source_id: ColumnType<string, string | undefined, string>
  language: ColumnType<string | null, string | null | undefined, string | null>
}

export interface CrawlRunTable {
  id: Generated<number>
  started_at: Timestamp
  finished_at: Timestamp | null
  status: 'running' | 'completed' | 'failed' | 'interrupted'
  trigger: string
  source_ids_json: string
  feeds_polled: Generated<number>
  feeds_not_modified: Generated<number>
  feeds_failed: Generated<number>
  articles_new: Generated<number>
  articles_updated: Generated<number>
  articles_unchanged: Generated<number>
  articles_failed: Generated<number>
  articles_skipped: Generated<number>
  /** New articles stored as copies of a stored story (a subset of articles_new). */
  articles_duplicate: Generated<number>
  duration_ms: number | null
  error: string | null
}

export interface FetchErrorTable {
  id: Generated<number>
  run_id: number | null
  source_id: string | null
  feed_id: number | null
  url: string
  stage: 'feed' | 'sitemap' | 'page' | 'extract' | 'store' | 'enrich' | 'robots'
  code: string
  reason: string
  http_status: number | null
  occurred_at: ColumnType<Timestamp, Timestamp, never>
}

export interface Database {
  sources: SourceTable
  feeds: FeedTable
  feed_items: FeedItemTable
  articles: ArticleTable
  crawl_runs: CrawlRunTable
  fetch_errors: FetchErrorTable
  entities: EntityTable
  entity_aliases: EntityAliasTable
  mentions: MentionTable
  user_knowledge: UserKnowledgeTable
  move_reports: MoveReportTable
  moves: MoveTable
  move_evidence: MoveEvidenceTable
  scheduler_state: SchedulerStateTable
  source_schedule: SourceScheduleTable
}

export type SourceRow = Selectable<SourceTable>
export type FeedRow = Selectable<FeedTable>
export type FeedItemRow = Selectable<FeedItemTable>
export type ArticleRow = Selectable<ArticleTable>
export type NewArticle = Insertable<ArticleTable>
export type ArticleUpdate = Updateable<ArticleTable>
export type CrawlRunRow = Selectable<CrawlRunTable>
export type FetchErrorRow = Selectable<FetchErrorTable>
export type EntityRow = Selectable<EntityTable>
