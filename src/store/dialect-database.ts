import type SQLite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'
import { countingStatements, countStatement } from '../stage-timing.js'

/** Distinct SQL texts kept prepared; queries with a variable number of `?` make new texts. */
const MAX_STATEMENTS = 256

/**
 * The database handed to kysely's SqliteDialect, which prepares every query anew: a crawl of
 * 2,000 articles ran 37,000 prepares (1.2 s of `npm run bench:harvest`). This one prepares each
 * SQL text once (least recently used out first), and counts statement time into the pipeline's
 * stage timing when a benchmark asks for it.
 */
export function dialectDatabase(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  const timed = (statement: SQLite.Statement): SqliteStatement => ({
    reader: statement.reader,
    // An array binds its elements in order, as kysely's own driver passes it.
    all: (parameters) => measure(() => statement.all(parameters as unknown[])),
    run: (parameters) => measure(() => statement.run(parameters as unknown[])),
    iterate: (parameters) => statement.iterate(parameters as unknown[]),
  })
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql)
      // A statement still being iterated (a streamed export) cannot run again meanwhile.
      if (cached !== undefined && !cached.busy) {
        // Map order is insertion order: move it to the back as the most recently used.
        cache.delete(sql)
        cache.set(sql, cached)
        return timed(cached)
      }
      const statement = measure(() => sqlite.prepare(sql))
      if (cached === undefined) {
        cache.set(sql, statement)
        if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string)
      }
      return timed(statement)
    },
  }
}

function measure<T>(fn: () => T): T {
  if (!countingStatements()) return fn()
  const started = performance.now()
  try {
    return fn()
  } finally {
    countStatement(performance.now() - started)
  }
}
