// Public surface of the read side, shared by the CLI, the CSV exports and the HTML report.
export { type CoMentionRow, type CoMentionStory, type CoMentionsOptions, queryCoMentions } from './co-mentions.js'
export { type EntityListRow, type EntityProfile, queryEntityList, queryEntityProfiles } from './entity.js'
export { type Bucket, bucketOf, bucketsBetween, minusDays, parseDays, parseTimeOption } from './range.js'
export { type SourceHealthRow, querySourceHealth } from './health.js'
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
export { type ResolvedEntity, resolveEntity } from './resolve-entity.js'
export { type SearchOptions, type SearchRow, searchArticles, toFtsQuery } from './search.js'
export {
  type DayStatsRow,
  type FeedHealth,
  type FeedStatsRow,
  type LanguageStatsRow,
  type SourceStatsRow,
  queryStatsDays,
  queryStatsFeeds,
  queryStatsLanguages,
  queryStatsSources,
} from './stats.js'
export { STORY_AT, type StoryFilter, bucketSql, storyWhere } from './story-filter.js'
export {
  type FlowRow,
  type LatestMoveRow,
  type MoveEvidenceLink,
  type MoveFilter,
  hasMovesTables,
  queryFlows,
  queryLatestMoves,
} from './talent-flows.js'
export { type TimelineOptions, type TimelineRow, queryTimeline, queryTopEntities } from './timeline.js'
export { type RisingEntitiesOptions, type RisingEntityRow, TRENDS_DEFAULTS, queryRisingEntities } from './trends.js'
