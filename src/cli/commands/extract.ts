import { Command } from '@commander-js/extra-typings'
import { decodeBytes } from '../../encoding/decode.js'
import { extractArticle } from '../../extract/extract-article.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig } from '../context.js'
import { failIfAnyFailed, mapInputs } from '../inputs.js'

export function makeExtractCommand(io: Io): AnyCommand {
  return new Command('extract')
    .description(
      'extract article text and metadata from pages (files, .html.gz, directories or URLs)',
    )
    .argument('<inputs...>', 'HTML files, directories (every .html/.html.gz) or URLs')
    .option('--json', 'one JSON array on stdout')
    .option('--jsonl', 'one JSON object per input per line')
    .option('--url <url>', 'the page URL for a file (resolves relative links, URL dates)')
    .option('--allow-private', 'allow loopback/private addresses (local test servers)')
    .addHelpText(
      'after',
      `
Each record: {input, url, title, authors, publishedAt, publishedFrom, modifiedAt, language,
siteName, canonicalUrl, description, imageUrl, paywalled, text}, or {input, error}.
Exit code 1 when any input failed, 0 when all were read.

Examples:
  $ newshound extract page.html --url https://example.com/2026/11/29/story
  $ newshound extract ./pages --jsonl > articles.jsonl`,
    )
    .action(async (inputs, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const results = await mapInputs(
        loaded.config,
        {
          inputs,
          suffixes: ['.html', '.htm', '.html.gz', '.htm.gz'],
          maxBytes: loaded.config.maxPageBytes,
          allowPrivate: options.allowPrivate === true,
          cwd: io.cwd,
          onResult: (result) => {
            if (options.jsonl) io.stdout.write(`${JSON.stringify(result)}\n`)
          },
        },
        async (got) => {
          const { text: html, encoding } = decodeBytes(got.bytes, {
            contentType: got.contentType,
            kind: 'html',
          })
          const url = options.url ?? got.url
          const a = extractArticle(html, url)
          return {
            url,
            encoding,
            title: a.title,
            authors: a.authors,
            publishedAt: a.publishedAt,
            publishedFrom: a.publishedFrom,
            modifiedAt: a.modifiedAt,
            language: a.language,
            siteName: a.siteName,
            canonicalUrl: a.canonicalUrl,
            description: a.description,
            imageUrl: a.imageUrl,
            paywalled: a.paywalled,
            text: a.text,
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
        io.stdout.write(`${r['input']}: error: ${r['error']}\n\n`)
        continue
      }
      io.stdout.write(
        [
          `# ${r['title'] ?? '(no title)'}`,
          `url:        ${r['canonicalUrl']}`,
          `published:  ${r['publishedAt'] ?? '-'} (${r['publishedFrom'] ?? 'no signal'})`,
          `authors:    ${(r['authors'] as string[]).join(', ') || '-'}`,
          `language:   ${r['language'] ?? '-'}   site: ${r['siteName'] ?? '-'}   paywalled: ${r['paywalled']}`,
          '',
          String(r['text']),
          '',
        ].join('\n'),
      )
    }
  }
}
