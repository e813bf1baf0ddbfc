// Public surface of the read side, shared by the CLI, the CSV exports and the HTML report.
export {
  type CoMentionRow,
  type CoMentionStory,
  type CoMentionsOptions,
  queryCoMentions,
} from './co-mentions.js'
export {
  type EntityListRow,
  type EntityProfile,
  queryEntityList,
  queryEntityProfiles,
} from './entity.js'
export { querySourceHealth, type SourceHealthRow } from './health.js'
export {
  type MoveFilters,
  type MoveRow,
  type MoveStatusFilter,
  type NetFlowRow,
  type PeopleFlowRow,
  queryMoves,
  queryPersonTimeline,
  queryTalentFlows,
} from './moves.js'
export {
  type Bucket,
  bucketOf,
  bucketsBetween,
  minusDays,
  parseDays,
  parseTimeOption,
} from './range.js'
export { type ResolvedEntity, resolveEntity } from './resolve-entity.js'
export {
  SEARCH_RANK_WINDOW,
  type SearchOptions,
  type SearchResult,
  type SearchRow,
  searchArticles,
  searchArticlesRanked,
  toFtsQuery,
} from './search.js'
export {
  type DayStatsRow,
  type FeedHealth,
  type FeedStatsRow,
  type LanguageStatsRow,
  queryStatsDays,
  queryStatsFeeds,
  queryStatsLanguages,
  queryStatsSources,
  queryStorySpan,
  type SourceStatsRow,
  type StorySpan,
} from './stats.js'
export { bucketSql, STORY_AT, type StoryFilter, storyWhere } from './story-filter.js'
export {
  type FlowRow,
  hasMovesTables,
  type LatestMoveRow,
  type MoveEvidenceLink,
  type MoveFilter,
  queryFlows,
  queryLatestMoves,
} from './talent-flows.js'
export {
  queryTimeline,
  queryTopEntities,
  type TimelineOptions,
  type TimelineRow,
} from './timeline.js'
export {
  queryRisingEntities,
  type RisingEntitiesOptions,
  type RisingEntityRow,
  TRENDS_DEFAULTS,
} from './trends.js'
