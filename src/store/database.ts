import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { describeError, NewshoundError, StoreError } from '../errors.js'
import { dialectDatabase } from './dialect-database.js'
import { MIGRATIONS } from './migrations/index.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

export interface OpenDatabaseOptions {
  /** Run pending migrations (default true). */
  readonly migrate?: boolean
  readonly readonly?: boolean
  /** ms to wait on a locked database before SQLITE_BUSY (default 10 s). */
  readonly busyTimeoutMs?: number
}

export interface OpenedDatabase {
  readonly db: Db
  readonly sqlite: SQLite.Database
  readonly path: string
  close(): Promise<void>
}

/**
 * Opens (creating when missing) the SQLite file with WAL, foreign keys and a busy timeout, then
 * migrates it to the latest schema.
 * @example const { db, close } = await openDatabase('storage/newshound.db')
 */
export async function openDatabase(
  path: string,
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  let sqlite: SQLite.Database
  try {
    if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true })
    sqlite = new SQLite(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    })
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`)
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL')
      // NORMAL is durable in WAL mode against process crashes (kill -9); only power loss can lose
      // the last transactions, never corrupt the file.
      sqlite.pragma('synchronous = NORMAL')
    }
    sqlite.pragma('foreign_keys = ON')
  } catch (error) {
    throw new StoreError(`store: unable to open database ${path}: ${describeError(error)}`, {
      cause: error,
    })
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: dialectDatabase(sqlite) }),
  })
  if (options.migrate ?? !options.readonly) await migrateToLatest(db)
  return {
    db,
    sqlite,
    path,
    close: async () => {
      await db.destroy()
    },
  }
}

export interface MigrationReport {
  readonly applied: readonly string[]
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    // Migrations are independent additions, named by number; a database that applied a later one
    // first (parallel branches) still takes the earlier one.
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new NewshoundError(
      'E_MIGRATION',
      `store: migration ${failed} failed: ${describeError(error)}`,
      {
        cause: error,
      },
    )
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  }
}

/** Current time as ISO-8601 UTC (the only timestamp format stored). */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString()
}

/**
 * Any parseable timestamp as the one stored format (`2026-11-29T10:00:00.000Z`), so text
 * comparison and sorting in SQL agree with time order; null stays null.
 */
export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
