import { Argument, Command } from '@commander-js/extra-typings'
import {
  queryStatsDays,
  queryStatsFeeds,
  queryStatsLanguages,
  queryStatsSources,
} from '../../query/stats.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'
import {
  addStoryFilterOptions,
  describeRange,
  type StoryFilterFlags,
  storyFilterOf,
} from './export.js'

export function makeStatsCommand(io: Io): AnyCommand {
  const command = new Command('stats')
    .description('what the database holds: sources, languages, coverage by day, feed health')
    .addArgument(
      new Argument('[section]', 'what to list')
        .choices(['sources', 'languages', 'days', 'feeds'] as const)
        .default('sources' as const),
    )
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
  addStoryFilterOptions(command as unknown as AnyCommand)
  command.addHelpText(
    'after',
    `
Sections:
  sources    per source: articles, stories (copies left out), first/last story, feeds, health
  languages  per source and language: articles, stories, share of the source's stories
  days       per day: articles, stories, sources with an article (default --since 30d)
  feeds      every feed: health (ok, degraded, failing = 3+ failed polls in a row,
             never-polled, inactive), last poll, last success, HTTP status, last error

Examples:
  $ newshound stats
  $ newshound stats days --since 14d --json
  $ newshound stats feeds`,
  )
  command.action(async (section, options, cmd) => {
    const flags = options as typeof options & StoryFilterFlags
    const loaded = resolveConfig(io, globalsOf(cmd))
    const now = new Date()
    const filter = storyFilterOf(flags, now, section === 'days' ? { since: '30d' } : {})
    const rows = await withDatabase(loaded.config.db, ({ db }): Promise<object[]> => {
      if (section === 'languages') return queryStatsLanguages(db, filter)
      if (section === 'days') return queryStatsDays(db, { ...filter, now })
      if (section === 'feeds') return queryStatsFeeds(db, filter)
      return queryStatsSources(db, filter)
    })
    io.stderr.write(
      `stats ${section}: ${rows.length} row(s)${section === 'feeds' ? '' : `, ${describeRange(filter)}`}\n`,
    )
    printRows(io.stdout, rows, formatOf(options))
  })
  return command as unknown as AnyCommand
}
