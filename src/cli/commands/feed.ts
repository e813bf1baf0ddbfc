import { Command } from '@commander-js/extra-typings'
import { parseFeed } from '../../harvest/parse-feed.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig } from '../context.js'
import { failIfAnyFailed, mapInputs } from '../inputs.js'
import { printRows } from '../output.js'

export function makeFeedCommand(io: Io): AnyCommand {
  return new Command('feed')
    .description(
      'parse feeds (URLs or files, RSS/Atom/JSON Feed) and print what newshound makes of them',
    )
    .argument('<inputs...>', 'feed URLs, files (.gz read transparently) or directories')
    .option('--json', 'one JSON array of {input, title, link, items} on stdout')
    .option('--jsonl', 'one JSON object per feed per line')
    .option('--allow-private', 'allow loopback/private addresses (local test servers)')
    .option('--base-url <url>', 'base URL for relative links in files')
    .addHelpText(
      'after',
      `
Every input gets its result; exit code 1 when any input failed, 0 when all were read.

Examples:
  $ newshound feed https://www.heise.de/rss/heise-atom.xml
  $ newshound feed feeds/*.xml --jsonl | jq '.items | length'`,
    )
    .action(async (inputs, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const results = await mapInputs(
        loaded.config,
        {
          inputs,
          suffixes: ['.xml', '.rss', '.atom', '.rdf', '.json', '.gz'],
          maxBytes: loaded.config.maxFeedBytes,
          allowPrivate: options.allowPrivate === true,
          cwd: io.cwd,
          onResult: (result) => {
            if (options.jsonl) io.stdout.write(`${JSON.stringify(result)}\n`)
          },
        },
        async (got) => {
          const parsed = await parseFeed(got.bytes, {
            url: options.baseUrl ?? got.url,
            contentType: got.contentType,
            maxItems: loaded.config.maxItemsPerFeed,
          })
          return {
            format: parsed.format,
            encoding: parsed.encoding,
            title: parsed.title,
            link: parsed.link,
            items: parsed.items,
            skipped: parsed.skipped,
          }
        },
      )
      if (options.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
      else if (!options.jsonl) printResults(results)
      failIfAnyFailed(results)
    })

  function printResults(results: readonly Record<string, unknown>[]): void {
    for (const r of results) {
      if ('error' in r) {
        io.stdout.write(`${r['input']}: error: ${r['error']}\n`)
        continue
      }
      io.stdout.write(
        `${r['input']}: ${r['format']} (${r['encoding']}) "${r['title'] ?? ''}" ${r['link'] ?? ''}\n`,
      )
      printRows(
        io.stdout,
        (
          r['items'] as {
            publishedAt: string | null
            title: string | null
            link: string | null
          }[]
        ).map((i) => ({
          published: i.publishedAt,
          title: i.title,
          link: i.link,
        })),
        'table',
      )
    }
  }
}
