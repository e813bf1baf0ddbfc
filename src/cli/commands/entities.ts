import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Command, Option } from '@commander-js/extra-typings'
import { enrichArticle } from '../../enrich/enrich-article.js'
import { enrichStoredArticles, knowledgeFor } from '../../enrich-stored.js'
import { InputsFailedError, UsageError } from '../../errors.js'
import { type KnowledgeEntity, loadKnowledgeBase } from '../../knowledge/load-knowledge.js'
import { queryEntityList, queryEntityProfiles } from '../../query/entity.js'
import { addAliases, findEntities } from '../../store/entities.js'
import { importUserEntities } from '../../store/user-knowledge.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'

export function makeAnalyzeCommand(io: Io): AnyCommand {
  return new Command('analyze')
    .description(
      'the language, the people and organisations, and the talent moves of one text (a file or stdin)',
    )
    .argument('[file]', "text file, or '-' / nothing for stdin")
    .addOption(
      new Option('--lang <lang>', 'language of the text (detected when omitted)').choices([
        'en',
        'de',
      ]),
    )
    .option('--json', 'print one JSON object')
    .option(
      '--jsonl',
      'read {"id","text","lang"?} lines on stdin, write one result line per input with the same id',
    )
    .addHelpText(
      'after',
      `
Output: {language, entities: [{name, kind, canonical, count}],
         moves: [{person, role, role_normalized, from_org, to_org, kind, status, happened_at, evidence}]}
With --jsonl a line that is not a JSON object gets {line, error}, and the exit code is 1.

Examples:
  $ newshound analyze story.txt --json
  $ echo 'OpenAI hired Jan Leike.' | newshound analyze --lang en --json
  $ newshound analyze --jsonl < annotated.jsonl > predictions.jsonl`,
    )
    .action(async (file, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      // Entities users imported live in the database; analyze uses them when a database exists
      // but never creates one just to read a text.
      const kb = existsSync(loaded.config.db)
        ? await withDatabase(loaded.config.db, ({ db }) => knowledgeFor(db))
        : loadKnowledgeBase()
      const analyze = (text: string, lang: string | undefined) => {
        const result = enrichArticle(
          { title: null, text, language: lang ?? null, publishedAt: null },
          kb,
        )
        return {
          language: result.language,
          entities: result.mentions.map((m) => ({
            name: m.surface,
            kind: m.kind,
            canonical: m.canonical,
            count: m.count,
          })),
          moves: result.moves.map((m) => ({
            person: m.person,
            role: m.role,
            role_normalized: m.roleNormalized,
            from_org: m.fromOrg,
            to_org: m.toOrg,
            kind: m.kind,
            status: m.status,
            happened_at: m.happenedAt,
            evidence: m.evidence.sentence,
          })),
        }
      }
      if (options.jsonl) {
        const input = await readStdinOrFile(file)
        // Counted, not kept: a --jsonl input can be any length.
        let lines = 0
        let failed = 0
        for (const [index, line] of input.split('\n').entries()) {
          if (line.trim() === '') continue
          let record: { id?: unknown; text?: unknown; lang?: unknown } | null
          try {
            record = JSON.parse(line) as typeof record
          } catch {
            record = null
          }
          const lang = typeof record?.lang === 'string' ? record.lang : options.lang
          const result: Record<string, unknown> =
            typeof record === 'object' && record !== null
              ? { id: record.id ?? null, ...analyze(String(record.text ?? ''), lang) }
              : { line: index + 1, error: 'not a JSON object' }
          io.stdout.write(`${JSON.stringify(result)}\n`)
          lines++
          if ('error' in result) failed++
        }
        if (failed > 0) throw new InputsFailedError(failed, lines)
        return
      }
      const result = analyze(await readStdinOrFile(file), options.lang)
      if (options.json) {
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
        return
      }
      io.stdout.write(`language: ${result.language ?? 'unknown'}\n`)
      printRows(io.stdout, result.entities, 'table')
      io.stdout.write('moves:\n')
      printRows(io.stdout, result.moves, 'table', [
        'person',
        'kind',
        'role',
        'from_org',
        'to_org',
        'status',
        'happened_at',
      ])
    })

  async function readStdinOrFile(file: string | undefined): Promise<string> {
    if (file && file !== '-') return readFile(resolve(io.cwd, file), 'utf8')
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}

export function makeEntityCommand(io: Io): AnyCommand {
  return new Command('entity')
    .description('one entity: kind, aliases, mentions over time, latest stories, most co-mentioned')
    .argument('<name>', 'a name or alias ("Meta Platforms", "a16z")')
    .option('-n, --limit <n>', 'stories and co-mentions to show', '10')
    .option('--json', 'JSON array on stdout (one object per matching entity)')
    .option('--nl', 'one JSON object per line')
    .action(async (name, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const profiles = await withDatabase(loaded.config.db, ({ db }) =>
        queryEntityProfiles(db, name, { limit: Number(options.limit) }),
      )
      if (profiles.length === 0)
        throw new UsageError(
          `no entity named ${JSON.stringify(name)} in ${loaded.config.db} (try: newshound entities list --search ${name.split(' ')[0]})`,
        )
      const format = formatOf(options)
      if (format !== 'table') {
        printRows(io.stdout, profiles, format)
        return
      }
      for (const p of profiles) {
        io.stdout.write(
          `${p.name} (${p.kind}, ${p.key}${p.wikidataId ? `, wikidata ${p.wikidataId}` : ''})\n`,
        )
        io.stdout.write(`aliases: ${p.aliases.join(', ') || '-'}\n`)
        io.stdout.write(`stories: ${p.stories}\n\nmentions by month:\n`)
        printRows(io.stdout, p.mentionsByMonth, 'table')
        io.stdout.write('latest stories:\n')
        printRows(
          io.stdout,
          p.latestStories.map((s) => ({
            published: s.publishedAt,
            source: s.sourceId,
            title: s.title,
            url: s.url,
          })),
          'table',
        )
        io.stdout.write('most often mentioned with:\n')
        printRows(io.stdout, p.coMentioned, 'table')
      }
    })
}

export function makeEntitiesCommand(io: Io): AnyCommand {
  const entities = new Command('entities').description(
    'browse, extend and merge the entities newshound knows',
  )
  entities
    .command('list')
    .description('entities with story counts, most mentioned first')
    .addOption(
      new Option('--kind <kind>', 'only people or organisations').choices([
        'person',
        'org',
      ] as const),
    )
    .option('--search <text>', 'name contains')
    .option('-n, --limit <n>', 'rows', '50')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const rows = await withDatabase(loaded.config.db, ({ db }) =>
        queryEntityList(db, {
          kind: options.kind,
          search: options.search,
          limit: Number(options.limit),
        }),
      )
      printRows(io.stdout, rows, formatOf(options))
    })
  entities
    .command('import')
    .description(
      'add your own entities and aliases from a JSON file (same shape as src/knowledge/data)',
    )
    .argument('<file>', 'JSON: an array of entities or {"entities": [...]}')
    .option('--no-enrich', 'do not re-run enrichment over stored articles afterwards')
    .addHelpText(
      'after',
      `
Each entity: {"id": "org:acme", "name": "Acme Robotics", "kind": "org", "aliases": ["Acme"]}.
An entity whose id already exists in the shipped knowledge base adds its aliases to it.`,
    )
    .action(async (file, options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const parsed = parseEntityFile(await readFile(resolve(io.cwd, file), 'utf8'), file)
      // Building the knowledge base validates the file (shapes, references) before anything is stored.
      loadKnowledgeBase({ extraEntities: parsed })
      await withDatabase(loaded.config.db, async ({ db }) => {
        await importUserEntities(db, parsed)
        io.stderr.write(
          `imported ${parsed.length} entit${parsed.length === 1 ? 'y' : 'ies'} from ${file}\n`,
        )
        if (options.enrich !== false) {
          const result = await enrichStoredArticles(db, { all: true })
          io.stderr.write(`re-enriched ${result.articles} article(s)\n`)
        }
      })
    })
  entities
    .command('merge')
    .description('merge one entity into another (its mentions and aliases move over)')
    .argument('<from>', 'name of the entity to merge away')
    .argument('<into>', 'name of the entity to keep')
    .action(async (from, into, _options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      await withDatabase(loaded.config.db, async ({ db }) => {
        const [source] = await findEntities(db, from)
        const [target] = await findEntities(db, into)
        if (!source) throw new UsageError(`no entity named ${JSON.stringify(from)}`)
        if (!target) throw new UsageError(`no entity named ${JSON.stringify(into)}`)
        if (source.id === target.id) throw new UsageError('both names are the same entity')
        await db.transaction().execute(async (trx) => {
          const aliases = await trx
            .selectFrom('entity_aliases')
            .select('alias')
            .where('entity_id', '=', source.id)
            .execute()
          await addAliases(
            trx,
            target.id,
            aliases.map((a) => a.alias),
          )
          // Mentions of both in one article fold into the kept entity's row.
          const moving = await trx
            .selectFrom('mentions')
            .selectAll()
            .where('entity_id', '=', source.id)
            .execute()
          for (const m of moving) {
            const existing = await trx
              .selectFrom('mentions')
              .selectAll()
              .where('article_id', '=', m.article_id)
              .where('entity_id', '=', target.id)
              .executeTakeFirst()
            if (existing) {
              await trx
                .updateTable('mentions')
                .set({
                  count: existing.count + m.count,
                  first_offset: Math.min(existing.first_offset, m.first_offset),
                })
                .where('article_id', '=', m.article_id)
                .where('entity_id', '=', target.id)
                .execute()
            } else {
              await trx
                .insertInto('mentions')
                .values({ ...m, entity_id: target.id })
                .execute()
            }
          }
          await trx.deleteFrom('mentions').where('entity_id', '=', source.id).execute()
          await trx
            .updateTable('entities')
            .set({ merged_into: target.id })
            .where('id', '=', source.id)
            .execute()
        })
        io.stderr.write(`merged ${source.name} into ${target.name}\n`)
      })
    })
  return entities
}

export function makeEnrichCommand(io: Io): AnyCommand {
  return new Command('enrich')
    .description(
      'find the people and organisations of stored articles (new or outdated ones; --all for every article)',
    )
    .option('--all', 're-enrich every article (after the knowledge base changed); idempotent')
    .action(async (options, command) => {
      const globals = globalsOf(command)
      const loaded = resolveConfig(io, globals)
      const result = await withDatabase(loaded.config.db, ({ db }) =>
        enrichStoredArticles(db, {
          all: options.all === true,
          onProgress: (done, total) => {
            if (!globals.quiet && io.stderr.isTTY)
              io.stderr.write(`\r\x1b[Kenrich ${done}/${total}`)
          },
        }),
      )
      if (!globals.quiet && io.stderr.isTTY) io.stderr.write('\r\x1b[K')
      io.stderr.write(
        `enriched ${result.articles} article(s), ${result.mentions} entity mention row(s)\n`,
      )
    })
}

function parseEntityFile(text: string, file: string): KnowledgeEntity[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`)
  }
  const list = Array.isArray(data) ? data : (data as { entities?: unknown })?.entities
  if (!Array.isArray(list))
    throw new UsageError(`${file}: expected an array of entities or {"entities": [...]}`)
  for (const [i, e] of list.entries()) {
    const entity = e as Partial<KnowledgeEntity>
    if (
      typeof entity.id !== 'string' ||
      typeof entity.name !== 'string' ||
      (entity.kind !== 'person' && entity.kind !== 'org')
    ) {
      throw new UsageError(
        `${file}: entity ${i} needs a string id, a string name and kind "person" or "org"`,
      )
    }
  }
  return list as KnowledgeEntity[]
}
