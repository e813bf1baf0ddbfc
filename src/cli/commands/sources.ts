import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Command } from '@commander-js/extra-typings'
import { UsageError } from '../../errors.js'
import { parseOpml, writeOpml } from '../../harvest/opml.js'
import { removeSource, syncSources } from '../../store/sources.js'
import {
  type AnyCommand,
  allSources,
  globalsOf,
  type Io,
  resolveConfig,
  withDatabase,
} from '../context.js'
import { formatOf, printRows } from '../output.js'

export function makeSourcesCommand(io: Io): AnyCommand {
  const sources = new Command('sources')
    .description('list, import (OPML) and export the sources newshound crawls')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action(async (options, command) => {
      await listAction(io, command, options)
    })

  sources
    .command('list')
    .description('list sources with their feeds and health (the default)')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action(async (options, command) => {
      await listAction(io, command, options)
    })

  sources
    .command('import')
    .description('add the feeds of an OPML file (any feed reader exports one) as sources')
    .argument('<file>', 'OPML file')
    .option('--dry-run', 'show what would be imported, change nothing')
    .action(async (file, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const text = await readFile(resolve(io.cwd, file), 'utf8').catch((error: Error) => {
        throw new UsageError(`cannot read ${file}: ${error.message}`)
      })
      const result = parseOpml(text)
      for (const problem of result.errors)
        io.stderr.write(`skipped outline ${problem.outline}: ${problem.reason}\n`)
      if (options.dryRun) {
        printRows(
          io.stdout,
          result.sources.map((s) => ({
            id: s.id,
            name: s.name,
            language: s.language,
            feeds: s.feeds,
          })),
          'table',
        )
        return
      }
      await withDatabase(loaded.config.db, async ({ db }) => {
        await syncSources(db, result.sources, 'imported')
      })
      io.stderr.write(`imported ${result.sources.length} source(s) from ${file}\n`)
    })

  sources
    .command('export')
    .description('write all sources as OPML 2.0 (to a file or stdout)')
    .option('-o, --out <file>', 'output file (default: stdout)')
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const all = await withDatabase(loaded.config.db, (opened) => allSources(opened))
      const xml = writeOpml(all, 'newshound sources')
      if (options.out) {
        await writeFile(resolve(io.cwd, options.out), xml)
        io.stderr.write(`wrote ${all.length} source(s) to ${options.out}\n`)
      } else {
        io.stdout.write(xml)
      }
    })

  sources
    .command('remove')
    .description('remove an imported source (catalog sources live in crawlers/)')
    .argument('<id>', 'source id')
    .action(async (id, _options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const removed = await withDatabase(loaded.config.db, ({ db }) => removeSource(db, id))
      if (!removed) throw new UsageError(`no imported source with id ${id}`)
      io.stderr.write(`removed ${id}\n`)
    })
  return sources
}

async function listAction(io: Io, command: AnyCommand, options: { json?: boolean; nl?: boolean }) {
  const loaded = resolveConfig(io, globalsOf(command))
  await withDatabase(loaded.config.db, async (opened) => {
    const all = await allSources(opened)
    const health = await opened.db
      .selectFrom('feeds')
      .select([
        'source_id',
        'url',
        'last_success_at',
        'consecutive_failures',
        'last_error',
        'is_active',
      ])
      .execute()
    const rows = all.map((s) => {
      const feeds = health.filter((f) => f.source_id === s.id && f.is_active === 1)
      const lastSuccess =
        feeds
          .map((f) => f.last_success_at)
          .filter(Boolean)
          .sort()
          .pop() ?? null
      return {
        id: s.id,
        name: s.name,
        language: s.language,
        schedule: s.schedule,
        feeds: s.feeds,
        sitemaps: s.sitemaps ?? [],
        homepage: s.homepage,
        last_success_at: lastSuccess,
        failing_feeds: feeds.filter((f) => f.consecutive_failures > 0).length,
      }
    })
    const format = formatOf(options)
    printRows(
      io.stdout,
      rows,
      format,
      format === 'table'
        ? ['id', 'name', 'language', 'schedule', 'feeds', 'last_success_at', 'failing_feeds']
        : undefined,
    )
  })
}
