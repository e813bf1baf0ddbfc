import { resolve } from 'node:path'
import { Command, Option } from '@commander-js/extra-typings'
import { UsageError } from '../../errors.js'
import { type CsvSink, writeCsv, writeFileAtomically } from '../../export/csv.js'
import {
  DATASET_COLUMNS,
  DATASET_NAMES,
  type DatasetName,
  type ExportOptions,
  exportDataset,
} from '../../export/datasets.js'
import { type Bucket, parseDays, parseTimeOption } from '../../query/range.js'
import { type ResolvedEntity, resolveEntity } from '../../query/resolve-entity.js'
import type { StoryFilter } from '../../query/story-filter.js'
import { queryTopEntities } from '../../query/timeline.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'

/** The filter flags every analyst command takes (same names everywhere). */
export interface StoryFilterFlags {
  since?: string
  until?: string
  source?: string[]
  lang?: string[]
  includeDuplicates?: boolean
}

/** Adds --since/--until/--source/--lang/--include-duplicates to an analyst command. */
export function addStoryFilterOptions<C extends AnyCommand>(
  command: C,
  defaults: { since?: string } = {},
): C {
  command
    .option(
      '--since <when>',
      `from (inclusive): 2026-11-01, or back from now: 24h, 7d, 4w, 3m, 1y${defaults.since ? ` (default ${defaults.since})` : ''}`,
    )
    .option('--until <when>', 'to (exclusive), same forms as --since (default now)')
    .option('--source <id...>', 'only these sources (repeat or comma-separate)')
    .option('--lang <code...>', 'only these languages (en, de)')
    .option(
      '--include-duplicates',
      'count copies of a story (syndicated, second URL) as stories too',
    )
  return command
}

const list = (values: string[] | undefined): string[] | undefined =>
  values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')

/** Flags → StoryFilter with absolute ISO times (relative ranges resolved against `now`). */
export function storyFilterOf(
  flags: StoryFilterFlags,
  now: Date,
  defaults: { since?: string } = {},
): StoryFilter {
  return {
    since: parseTimeOption(flags.since ?? defaults.since, '--since', now),
    until: parseTimeOption(flags.until, '--until', now),
    sources: list(flags.source),
    languages: list(flags.lang),
    includeDuplicates: flags.includeDuplicates === true,
  }
}

/** "since 2026-11-22T10:00:00Z until now": how relative ranges are echoed back (stderr). */
export function describeRange(filter: Pick<StoryFilter, 'since' | 'until'>): string {
  const since = filter.since ? `since ${filter.since}` : 'all time'
  return `${since} until ${filter.until ?? 'now'}`
}

export function positiveInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} expects a whole number; got ${JSON.stringify(value)}`)
  return n
}

interface ExportFlags extends StoryFilterFlags {
  out?: string
  bom?: boolean
  kind?: 'person' | 'org'
  window?: string
  baseline?: string
  limit?: string
  minStories?: string
  by?: Bucket
  top?: string
}

const EXPORT_HELP: Readonly<Record<DatasetName, string>> = {
  articles: 'one row per story (--include-duplicates: per article)',
  mentions: 'one row per story and entity mentioned in it',
  entities: 'one row per entity with stories and mentions under the filters',
  moves: 'one row per talent move, with its first evidence',
  flows: 'one row per (from organisation, to organisation) with reported moves and people',
  trends: 'rising entities (same as `newshound trends`)',
  timeline: 'stories per bucket and entity, long format (same as `newshound timeline`)',
}

/**
 * `newshound export DATASET`: CSV for dashboards, streamed (constant memory), header row,
 * columns in the order README documents, ISO-8601 UTC times, ids with `_label` columns.
 */
export function makeExportCommand(io: Io): AnyCommand {
  const command = new Command('export').description(
    'CSV for spreadsheets and dashboards (articles, mentions, entities, moves, flows, trends, timeline)',
  )
  for (const name of DATASET_NAMES) {
    const sub = new Command(name)
      .description(
        `${EXPORT_HELP[name]}; columns: ${DATASET_COLUMNS[name].map((c) => c.name).join(', ')}`,
      )
      .option('-o, --out <file>', 'write to FILE (atomically) instead of stdout')
      .option('--bom', 'start with a UTF-8 byte order mark (Excel)')
    addStoryFilterOptions(sub as unknown as AnyCommand)
    if (name === 'timeline') {
      sub.argument('[names...]', 'entities (default: the --top most mentioned under the filters)')
      sub.addOption(
        new Option('--by <bucket>', 'bucket size')
          .choices(['day', 'week', 'month'] as const)
          .default('week' as const),
      )
      sub.option('--top <n>', 'entities when no names are given', '10')
    }
    if (name === 'trends') {
      sub.addOption(
        new Option('--kind <kind>', 'only people or organisations').choices([
          'person',
          'org',
        ] as const),
      )
      sub.option('--window <length>', 'window before --until (7d, 36h, 2w)', '7d')
      sub.option('--baseline <length>', 'baseline before the window', '28d')
      sub.option('-n, --limit <n>', 'rows', '100')
      sub.option('--min-stories <n>', 'least stories in the window', '2')
    }
    sub.addHelpText(
      'after',
      `
Examples:
  $ newshound export ${name} --since 30d --out ${name}.csv
  $ newshound export ${name} --bom --lang de > ${name}-de.csv`,
    )
    sub.action(async (...args: unknown[]) => {
      const cmd = args.at(-1) as AnyCommand
      const flags = cmd.opts() as ExportFlags
      const names = name === 'timeline' ? ((args[0] as string[] | undefined) ?? []) : []
      const loaded = resolveConfig(io, globalsOf(cmd))
      const now = new Date()
      const filter = storyFilterOf(flags, now)
      await withDatabase(loaded.config.db, async (opened) => {
        const options: ExportOptions = { ...filter, now }
        let exportOptions = options
        if (name === 'trends') {
          exportOptions = {
            ...options,
            trends: {
              kind: flags.kind,
              windowDays: parseDays(flags.window ?? '7d', '--window'),
              baselineDays: parseDays(flags.baseline ?? '28d', '--baseline'),
              limit: positiveInt(flags.limit ?? '100', '--limit'),
              minStories: positiveInt(flags.minStories ?? '2', '--min-stories'),
            },
          }
        }
        if (name === 'timeline') {
          let entities: ResolvedEntity[]
          if (names.length > 0)
            entities = await Promise.all(names.map((n) => resolveEntity(opened.db, n)))
          else {
            entities = await queryTopEntities(
              opened.db,
              filter,
              positiveInt(flags.top ?? '10', '--top'),
            )
          }
          exportOptions = {
            ...options,
            timeline: { entities: dedupe(entities), by: flags.by ?? 'week' },
          }
        }
        const result = await exportDataset(opened, name, exportOptions)
        if (result.note) io.stderr.write(`export ${name}: ${result.note}\n`)
        const write = (sink: CsvSink) =>
          writeCsv(sink, result.columns, result.rows, { bom: flags.bom === true })
        const rows =
          flags.out && flags.out !== '-'
            ? await writeFileAtomically(resolve(io.cwd, flags.out), write)
            : await write(io.stdout as CsvSink)
        io.stderr.write(
          `export ${name}: ${rows} row(s), ${describeRange(filter)}${flags.out && flags.out !== '-' ? ` -> ${flags.out}` : ''}\n`,
        )
      })
    })
    command.addCommand(sub as unknown as Command)
  }
  return command
}

/** The same entity named twice ("Meta", "Meta Platforms") is one series. */
export function dedupe(entities: readonly ResolvedEntity[]): ResolvedEntity[] {
  const seen = new Set<number>()
  return entities.filter((e) => {
    if (seen.has(e.id)) return false
    seen.add(e.id)
    return true
  })
}
