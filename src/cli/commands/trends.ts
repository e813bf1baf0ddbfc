import { Command, Option } from '@commander-js/extra-typings'
import { parseDays } from '../../query/range.js'
import { queryRisingEntities, TRENDS_DEFAULTS } from '../../query/trends.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'
import {
  addStoryFilterOptions,
  positiveInt,
  type StoryFilterFlags,
  storyFilterOf,
} from './export.js'

export function makeTrendsCommand(io: Io): AnyCommand {
  const command = new Command('trends')
    .description('entities rising in a window against their own baseline')
    .addOption(
      new Option('--kind <kind>', 'only people or organisations').choices([
        'person',
        'org',
      ] as const),
    )
    .option(
      '--window <length>',
      'the window, ending at --until (36h, 7d, 2w)',
      `${TRENDS_DEFAULTS.windowDays}d`,
    )
    .option(
      '--baseline <length>',
      'the baseline period right before the window',
      `${TRENDS_DEFAULTS.baselineDays}d`,
    )
    .option('-n, --limit <n>', 'rows', String(TRENDS_DEFAULTS.limit))
    .option(
      '--min-stories <n>',
      'least stories in the window to be listed',
      String(TRENDS_DEFAULTS.minStories),
    )
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
  addStoryFilterOptions(command as unknown as AnyCommand)
  command.addHelpText(
    'after',
    `
Score: a smoothed log-ratio, log2((x + 5) / (E + 5)), where x = the entity's stories in the
window and E = its baseline stories scaled to the window's story volume (its baseline *share*
of all stories, applied to the window). The prior of 5 pseudo-stories keeps one-story flukes
down: a first-ever single story scores 0.26, ten stories out of nowhere 1.58. Above 0 rising,
below 0 falling. Stories, not copies: duplicates of a story count once (--include-duplicates).
--since sets the window start instead of --window.

Examples:
  $ newshound trends --kind person
  $ newshound trends --window 14d --baseline 8w --lang de --json`,
  )
  command.action(async (options, cmd) => {
    const flags = options as typeof options & StoryFilterFlags
    const loaded = resolveConfig(io, globalsOf(cmd))
    const now = new Date()
    const filter = storyFilterOf(flags, now)
    const rows = await withDatabase(loaded.config.db, ({ db }) =>
      queryRisingEntities(db, {
        ...filter,
        kind: options.kind,
        windowDays: parseDays(options.window, '--window'),
        baselineDays: parseDays(options.baseline, '--baseline'),
        limit: positiveInt(options.limit, '--limit'),
        minStories: positiveInt(options.minStories, '--min-stories'),
        now,
      }),
    )
    const first = rows[0]
    if (first)
      io.stderr.write(
        `trends: window ${first.window_start} – ${first.window_end}, baseline ${options.baseline} before it\n`,
      )
    else io.stderr.write('trends: no entity has enough stories in the window\n')
    const format = formatOf(options)
    if (format !== 'table') return printRows(io.stdout, rows, format)
    printRows(
      io.stdout,
      rows.map((r) => ({
        rank: r.rank,
        entity: r.entity_name,
        kind: r.entity_kind,
        stories: r.stories,
        baseline: r.baseline_stories,
        expected: r.expected_stories,
        share: `${(r.share * 100).toFixed(1)}%`,
        score: r.score.toFixed(2),
        'top story': r.top_story_title ?? '',
      })),
      'table',
    )
  })
  return command as unknown as AnyCommand
}
