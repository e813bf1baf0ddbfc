import type { Migration } from 'kysely'
import * as init from './0001-init.js'
import * as entities from './0002-entities.js'

/** Static map (no filesystem scanning), so migrations work from dist/ and under bundlers. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-init': init,
  '0002-entities': entities,
}
