import type { Migration } from 'kysely'
import * as init from './0001-init.js'
import * as entities from './0002-entities.js'
import * as dedup from './0003-dedup.js'
import * as moves from './0004-moves.js'
import * as searchViews from './0005-search-views.js'
import * as scheduler from './0006-scheduler.js'
import * as feedRefresh from './0007-feed-refresh.js'
import * as unenrichedIndex from './0008-unenriched-index.js'
import * as mentionStoryColumns from './0009-mention-story-columns.js'
import * as schedulerMemory from './0010-scheduler-memory.js'

/** Static map (no filesystem scanning), so migrations work from dist/ and under bundlers. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-init': init,
  '0002-entities': entities,
  '0003-dedup': dedup,
  '0004-moves': moves,
  '0005-search-views': searchViews,
  '0006-scheduler': scheduler,
  '0007-feed-refresh': feedRefresh,
  '0008-unenriched-index': unenrichedIndex,
  '0009-mention-story-columns': mentionStoryColumns,
  '0010-scheduler-memory': schedulerMemory,
}
