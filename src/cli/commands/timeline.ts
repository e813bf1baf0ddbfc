import { Command, Option } from '@commander-js/extra-typings'
import { plot } from 'asciichart'
import { resolveEntity } from '../../query/resolve-entity.js'
import { queryTimeline, type TimelineRow } from '../../query/timeline.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'
import {
  addStoryFilterOptions,
  dedupe,
  describeRange,
  type StoryFilterFlags,
  storyFilterOf,
} from './export.js'

// asciichart's ANSI colours, one per series (blue, magenta, green, yellow, cyan, red).
const SERIES_COLOURS = ['\x1b[34m', '\x1b[35m', '\x1b[32m', '\x1b[33m', '\x1b[36m', '\x1b[31m']

export function makeTimelineCommand(io: Io): AnyCommand {
  const command = new Command('timeline')
    .description('stories mentioning one or more entities over time, side by side')
    .argument('<names...>', 'entity names or aliases ("Meta Platforms" OpenAI)')
    .addOption(
      new Option('--by <bucket>', 'bucket size (weeks start on Monday)')
        .choices(['day', 'week', 'month'] as const)
        .default('week' as const),
    )
    .option('--share', 'chart the share of all stories instead of story counts')
    .option('--no-chart', 'no terminal chart (drawn on a terminal by default)')
    .option('--json', 'JSON array on stdout (long format: one object per bucket and entity)')
    .option('--nl', 'one JSON object per line')
  addStoryFilterOptions(command as unknown as AnyCommand, { since: '6m' })
  command.addHelpText(
    'after',
    `
Each row: bucket (first day), entity, stories mentioning it, mentions, all stories in the bucket
and the share. On a terminal: a chart (asciichart) and a table with one column per entity.

Examples:
  $ newshound timeline Anthropic OpenAI "Meta Platforms" --since 1y
  $ newshound timeline "Jan Leike" --by day --since 30d --json`,
  )
  command.action(async (names, options, cmd) => {
    const flags = options as typeof options & StoryFilterFlags
    const loaded = resolveConfig(io, globalsOf(cmd))
    const now = new Date()
    const filter = storyFilterOf(flags, now, { since: '6m' })
    const { rows, entities } = await withDatabase(loaded.config.db, async ({ db }) => {
      const entities = dedupe(await Promise.all(names.map((n) => resolveEntity(db, n))))
      return {
        entities,
        rows: await queryTimeline(db, entities, { ...filter, by: options.by, now }),
      }
    })
    io.stderr.write(
      `timeline: ${entities.map((e) => e.name).join(', ')} by ${options.by}, ${describeRange(filter)}\n`,
    )
    const format = formatOf(options)
    if (format !== 'table') return printRows(io.stdout, rows, format)
    if (options.chart !== false && io.stdout.isTTY && rows.length > 0) {
      const colour = !('NO_COLOR' in io.env)
      io.stdout.write(
        `${renderChart(
          rows,
          entities.map((e) => e.id),
          options.share === true,
          colour,
        )}\n`,
      )
      io.stdout.write(
        `${entities.map((e, i) => `${colour ? SERIES_COLOURS[i % SERIES_COLOURS.length] : ''}── ${e.name}${colour ? '\x1b[0m' : ''}`).join('   ')}\n\n`,
      )
    }
    printRows(
      io.stdout,
      pivot(
        rows,
        entities.map((e) => ({ id: e.id, name: e.name })),
        options.share === true,
      ),
      'table',
    )
  })
  return command as unknown as AnyCommand
}

/** Long rows → one row per bucket with a column per entity (what a person reads side by side). */
export function pivot(
  rows: readonly TimelineRow[],
  entities: readonly { id: number; name: string }[],
  share: boolean,
): Record<string, unknown>[] {
  const byBucket = new Map<string, Record<string, unknown>>()
  for (const r of rows) {
    const row = byBucket.get(r.bucket) ?? { bucket: r.bucket, all: r.total_stories }
    const entity = entities.find((e) => e.id === r.entity_id)
    if (entity) row[entity.name] = share ? `${(r.share * 100).toFixed(1)}%` : r.stories
    byBucket.set(r.bucket, row)
  }
  return [...byBucket.values()]
}

/** A line chart of the series (one per entity), at most 100 points wide (later buckets kept). */
export function renderChart(
  rows: readonly TimelineRow[],
  ids: readonly number[],
  share: boolean,
  colour: boolean,
): string {
  const series = ids.map((id) =>
    rows
      .filter((r) => r.entity_id === id)
      .map((r) => (share ? r.share * 100 : r.stories))
      .slice(-100),
  )
  const max = Math.max(0, ...series.flat())
  const digits = max < 10 ? 1 : 0
  return plot(series, {
    height: 10,
    colors: colour ? ids.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]) : [],
    format: (x) => (share ? `${x.toFixed(1)}%` : x.toFixed(digits)).padStart(7),
  })
}
