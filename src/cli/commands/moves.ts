import { Command, Option } from '@commander-js/extra-typings'
import { UsageError } from '../../errors.js'
import {
  type MoveStatusFilter,
  queryMoves,
  queryPersonTimeline,
  queryTalentFlows,
} from '../../query/moves.js'
import { parseTimeOption } from '../../query/range.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'

const KINDS = ['departure', 'hire', 'founding', 'promotion'] as const
const STATUSES = ['reported', 'rumored', 'denied', 'all'] as const

export function makeMovesCommand(io: Io): AnyCommand {
  return new Command('moves')
    .description('talent moves: who left which company for which, with evidence')
    .option('--company <name>', 'moves from or to this organisation (any alias)')
    .option('--person <name>', 'moves of this person')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(KINDS))
    .option('--since <date>', 'happened on or after (YYYY-MM-DD, or 7d / 3m / 1y ago)')
    .option('--until <date>', 'happened on or before')
    .addOption(
      new Option('--status <status>', 'reported moves only by default; rumours and denials apart')
        .choices(STATUSES)
        .default('reported' as const),
    )
    .option('-n, --limit <n>', 'rows', '100')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .addHelpText(
      'after',
      `
Examples:
  $ newshound moves --company Meta --since 2026-01-01        # who left (or joined) Meta this year
  $ newshound moves --company Meta --kind departure --json
  $ newshound moves --status rumored`,
    )
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const rows = await withDatabase(loaded.config.db, ({ db }) =>
        queryMoves(db, {
          company: options.company,
          person: options.person,
          kind: options.kind,
          since: parseTimeOption(options.since, '--since'),
          until: parseTimeOption(options.until, '--until'),
          status: options.status as MoveStatusFilter,
          limit: Number(options.limit),
        }),
      )
      const format = formatOf(options)
      printRows(
        io.stdout,
        rows,
        format,
        format === 'table'
          ? [
              'happenedAt',
              'person',
              'kind',
              'role',
              'fromOrg',
              'toOrg',
              'status',
              'reports',
              'evidenceUrl',
            ]
          : undefined,
      )
    })
}

export function makeFlowsCommand(io: Io): AnyCommand {
  return new Command('flows')
    .description('people flowing between organisations, and net inflow/outflow per organisation')
    .option('--since <date>', 'moves on or after (YYYY-MM-DD, or 30d / 6m / 1y ago)')
    .option('--until <date>', 'moves on or before')
    .addOption(new Option('--net', 'print the net inflow/outflow table instead of the flows'))
    .option('--json', 'JSON on stdout ({flows, net})')
    .option('--nl', 'one JSON object per line (flows, or net with --net)')
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const result = await withDatabase(loaded.config.db, ({ db }) =>
        queryTalentFlows(db, {
          since: parseTimeOption(options.since, '--since'),
          until: parseTimeOption(options.until, '--until'),
        }),
      )
      if (options.json) {
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
        return
      }
      const format = formatOf(options)
      if (options.net) {
        printRows(io.stdout, result.net, format)
        return
      }
      printRows(io.stdout, result.flows, format)
      if (format === 'table') {
        io.stdout.write('net per organisation (most outflow first):\n')
        printRows(io.stdout, result.net, 'table')
      }
    })
}

export function makePersonCommand(io: Io): AnyCommand {
  return new Command('person')
    .description("a person's timeline of moves with evidence links")
    .argument('<name>', 'full name, or an alias')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action(async (name, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const timeline = await withDatabase(loaded.config.db, ({ db }) =>
        queryPersonTimeline(db, name),
      )
      if (timeline.length === 0) throw new UsageError(`no moves stored for ${JSON.stringify(name)}`)
      const format = formatOf(options)
      if (format !== 'table') {
        printRows(io.stdout, timeline, format)
        return
      }
      for (const m of timeline) {
        const from = m.fromOrg ? ` from ${m.fromOrg}` : ''
        const to = m.toOrg ? ` to ${m.toOrg}` : ''
        io.stdout.write(
          `${m.happenedAt ?? 'undated'}  ${m.kind}${from}${to}${m.role ? ` as ${m.role}` : ''} [${m.status}, ${m.reports} report(s)]\n`,
        )
        for (const e of m.evidenceList)
          io.stdout.write(
            `    “${e.sentence}”\n    ${e.publishedAt?.slice(0, 10) ?? ''} ${e.url}\n`,
          )
      }
    })
}
