import type SQLite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'
import { countingStatements, countStatement } from '../stage-timing.js'

/**
 * The database handed to kysely's SqliteDialect: counts statement time into the pipeline's
 * stage timing when a benchmark asks for it.
 */
export function dialectDatabase(sqlite: SQLite.Database): SqliteDatabase {
  const timed = (statement: SQLite.Statement): SqliteStatement => ({
    reader: statement.reader,
    // An array binds its elements in order, as kysely's own driver passes it.
    all: (parameters) => measure(() => statement.all(parameters as unknown[])),
    run: (parameters) => measure(() => statement.run(parameters as unknown[])),
    iterate: (parameters) => statement.iterate(parameters as unknown[]),
  })
  return {
    close: () => sqlite.close(),
    prepare: (sql) => timed(measure(() => sqlite.prepare(sql))),
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
