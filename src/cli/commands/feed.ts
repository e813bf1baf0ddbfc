import { Command } from '@commander-js/extra-typings'
import { describeError } from '../../errors.js'
import { createHttpClient } from '../../harvest/http-client.js'
import { parseFeed } from '../../harvest/parse-feed.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig } from '../context.js'
import { expandInputs, loadInput } from '../inputs.js'
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
Examples:
  $ newshound feed https://www.heise.de/rss/heise-atom.xml
  $ newshound feed feeds/*.xml --jsonl | jq '.items | length'`,
    )
    .action(async (inputs, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const client = createHttpClient({
        userAgent: loaded.config.userAgent,
        timeoutMs: loaded.config.timeoutMs,
        maxRedirects: loaded.config.maxRedirects,
        proxy: loaded.config.proxy,
      })
      const results: Record<string, unknown>[] = []
      try {
        for (const input of await expandInputs(
          inputs,
          ['.xml', '.rss', '.atom', '.rdf', '.json', '.gz'],
          io.cwd,
        )) {
          try {
            const got = await loadInput(input, {
              client,
              maxBytes: loaded.config.maxFeedBytes,
              allowPrivate: options.allowPrivate === true,
              cwd: io.cwd,
            })
            const parsed = await parseFeed(got.bytes, {
              url: options.baseUrl ?? got.url,
              contentType: got.contentType,
              maxItems: loaded.config.maxItemsPerFeed,
            })
            const result = {
              input,
              format: parsed.format,
              encoding: parsed.encoding,
              title: parsed.title,
              link: parsed.link,
              items: parsed.items,
              skipped: parsed.skipped,
            }
            results.push(result)
            if (options.jsonl) io.stdout.write(`${JSON.stringify(result)}\n`)
          } catch (error) {
            const result = { input, error: describeError(error) }
            results.push(result)
            if (options.jsonl) io.stdout.write(`${JSON.stringify(result)}\n`)
          }
        }
      } finally {
        await client.close()
      }
      if (options.jsonl) return
      if (options.json) {
        io.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
        return
      }
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
    })
}
