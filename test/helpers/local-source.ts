import { defineSource } from '../../src/sources.js'
import { openDatabase } from '../../src/store/database.js'
import { syncSources } from '../../src/store/sources.js'

/**
 * Creates (or migrates) the database file and imports one local source into it (`local: true`:
 * loopback addresses allowed), as the child-process tests schedule or crawl it with `--source`.
 */
export async function importLocalSource(
  dbPath: string,
  source: { id: string; name: string; homepage: string; feeds: string[]; schedule: string },
): Promise<void> {
  const opened = await openDatabase(dbPath)
  try {
    await syncSources(
      opened.db,
      [defineSource({ ...source, language: 'en', local: true })],
      'imported',
    )
  } finally {
    await opened.close()
  }
}
