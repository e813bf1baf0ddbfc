import { Command } from '@commander-js/extra-typings'
import { resolveEntity } from '../../query/resolve-entity.js'
import { SEARCH_RANK_WINDOW, searchArticlesRanked } from '../../query/search.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'
import {
  addStoryFilterOptions,
  describeRange,
  positiveInt,
  type StoryFilterFlags,
  storyFilterOf,
} from './export.js'

export function makeSearchCommand(io: Io): AnyCommand {
  const command = new Command('search')
    .description(
      'full-text search over titles and texts (SQLite FTS5), best matches first, with snippets',
    )
    .argument('<query...>', 'words to find (all of them); word* for a prefix')
    .option('--entity <name>', 'only stories mentioning this entity')
    .option('-n, --limit <n>', 'rows', '20')
    .option('--offset <n>', 'skip the first N matches', '0')
    .option('--raw', 'the query is FTS5 syntax (AND, OR, NOT, NEAR, "phrases", title:word)')
    .option(
      '--rank-all',
      `rank every match (default: the ${SEARCH_RANK_WINDOW.toLocaleString('en')} most recently stored when more match)`,
    )
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
  addStoryFilterOptions(command as unknown as AnyCommand)
  command.addHelpText(
    'after',
    `
Ranking: bm25, a title match weighs five text matches. When more than
${SEARCH_RANK_WINDOW.toLocaleString('en')} stories match, the ${SEARCH_RANK_WINDOW.toLocaleString('en')} most recently stored are ranked
(stderr says so); --rank-all ranks every match, slower for very common words.
Accents are folded (ubernahme finds Übernahme). Copies of a story are left out
unless --include-duplicates.

Examples:
  $ newshound search "chief scientist" --since 30d
  $ newshound search Übernahme --lang de --entity "Meta Platforms"
  $ newshound search --raw 'title:leaves NOT rumor' --json`,
  )
  command.action(async (words, options, cmd) => {
    const flags = options as typeof options & StoryFilterFlags
    const loaded = resolveConfig(io, globalsOf(cmd))
    const filter = storyFilterOf(flags, new Date())
    const query = words.join(' ')
    const { rows, rankedLatest } = await withDatabase(loaded.config.db, async ({ db }) => {
      const entity = options.entity ? await resolveEntity(db, options.entity) : undefined
      return searchArticlesRanked(db, query, {
        ...filter,
        entityId: entity?.id,
        raw: options.raw === true,
        limit: positiveInt(options.limit, '--limit'),
        offset: positiveInt(options.offset, '--offset'),
        rankWindow: options.rankAll ? 0 : SEARCH_RANK_WINDOW,
      })
    })
    io.stderr.write(
      `search: ${rows.length} match(es) for ${JSON.stringify(query)}, ${describeRange(filter)}\n`,
    )
    if (rankedLatest !== null)
      io.stderr.write(
        `search: more than ${rankedLatest.toLocaleString('en')} stories match; ranked the ${rankedLatest.toLocaleString('en')} most recently stored (--rank-all ranks every match)\n`,
      )
    const format = formatOf(options)
    if (format !== 'table') return printRows(io.stdout, rows, format)
    printRows(
      io.stdout,
      rows.map((r) => ({
        rank: r.rank,
        date: r.story_at.slice(0, 10),
        source: r.source_id,
        title: r.title ?? '',
        snippet: r.snippet,
        url: r.url,
      })),
      'table',
    )
  })
  return command as unknown as AnyCommand
}
