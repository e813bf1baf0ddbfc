import { Command } from '@commander-js/extra-typings'
import { sql } from 'kysely'
import { migrateToLatest, openDatabase } from '../../store/database.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig } from '../context.js'

export function makeDbCommand(io: Io): AnyCommand {
  const db = new Command('db').description('database maintenance: migrate, path, check')
  db.command('migrate')
    .description('apply pending schema migrations (every command also does this on open)')
    .action(async (_o, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const opened = await openDatabase(loaded.config.db, { migrate: false })
      try {
        const report = await migrateToLatest(opened.db)
        io.stderr.write(
          report.applied.length
            ? `applied: ${report.applied.join(', ')}\n`
            : 'already up to date\n',
        )
      } finally {
        await opened.close()
      }
    })
  db.command('path')
    .description('print the database file in use')
    .action((_o, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      io.stdout.write(`${loaded.config.db}\n`)
    })
  db.command('check')
    .description("run SQLite's integrity check")
    .action(async (_o, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const opened = await openDatabase(loaded.config.db)
      try {
        const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
          opened.db,
        )
        const lines = result.rows.map((r) => r.integrity_check)
        io.stdout.write(`${lines.join('\n')}\n`)
        if (lines.join() !== 'ok') process.exitCode = 1
      } finally {
        await opened.close()
      }
    })
  return db
}
