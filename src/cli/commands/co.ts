import { Command, Option } from '@commander-js/extra-typings'
import { queryCoMentions } from '../../query/co-mentions.js'
import { resolveEntity } from '../../query/resolve-entity.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'
import {
  addStoryFilterOptions,
  describeRange,
  positiveInt,
  type StoryFilterFlags,
  storyFilterOf,
} from './export.js'

export function makeCoCommand(io: Io): AnyCommand {
  const command = new Command('co')
    .description('the entities most often mentioned in the same stories as NAME, and the stories')
    .argument('<name>', 'entity name or alias')
    .addOption(
      new Option('--kind <kind>', 'only people or organisations').choices([
        'person',
        'org',
      ] as const),
    )
    .option('-n, --limit <n>', 'rows', '20')
    .option('--examples <n>', 'latest stories listed per entity', '3')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
  addStoryFilterOptions(command as unknown as AnyCommand)
  command.addHelpText(
    'after',
    `
Each row: the entity, stories mentioning both, the share of NAME's stories, the latest of them.

Examples:
  $ newshound co "Meta Platforms" --kind person --since 90d
  $ newshound co Anthropic --json | jq '.[0].examples'`,
  )
  command.action(async (name, options, cmd) => {
    const flags = options as typeof options & StoryFilterFlags
    const loaded = resolveConfig(io, globalsOf(cmd))
    const filter = storyFilterOf(flags, new Date())
    const { subject, rows } = await withDatabase(loaded.config.db, async ({ db }) => {
      const subject = await resolveEntity(db, name)
      const rows = await queryCoMentions(db, subject, {
        ...filter,
        kind: options.kind,
        limit: positiveInt(options.limit, '--limit'),
        examples: positiveInt(options.examples, '--examples'),
      })
      return { subject, rows }
    })
    io.stderr.write(
      `co: mentioned with ${subject.name} (${subject.kind}), ${describeRange(filter)}\n`,
    )
    const format = formatOf(options)
    if (format !== 'table') return printRows(io.stdout, rows, format)
    printRows(
      io.stdout,
      rows.map((r) => ({
        rank: r.rank,
        entity: r.entity_name,
        kind: r.entity_kind,
        stories: r.stories,
        share: `${(r.share * 100).toFixed(1)}%`,
        'latest stories': r.examples
          .map((e) => `${e.story_at.slice(0, 10)} ${e.title ?? e.url}`)
          .join('\n'),
      })),
      'table',
    )
  })
  return command as unknown as AnyCommand
}
