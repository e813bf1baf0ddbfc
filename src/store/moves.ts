import type { Kysely, Transaction } from 'kysely'
import { aggregateMoves, type MoveReport } from '../enrich/moves/aggregate-moves.js'
import type { TalentMove } from '../enrich/moves/types.js'
import type { KnowledgeBase } from '../knowledge/load-knowledge.js'
import { ensureEntity } from './entities.js'
import type { Database } from './schema.js'

type Executor = Kysely<Database> | Transaction<Database>

/**
 * Replaces what one article says about talent moves (its move_reports) and rebuilds the move
 * events of every person concerned, in the caller's transaction. Re-running it with the same
 * moves changes nothing.
 * @example await db.transaction().execute((trx) => storeMoveReportsIn(trx, articleId, moves, kb))
 */
export async function storeMoveReportsIn(
  trx: Executor,
  articleId: number,
  moves: readonly TalentMove[],
  kb: KnowledgeBase | null,
): Promise<void> {
  const before = await trx
    .selectFrom('move_reports')
    .select('person_id')
    .where('article_id', '=', articleId)
    .execute()
  await trx.deleteFrom('move_reports').where('article_id', '=', articleId).execute()
  const cache = new Map<string, number>()
  const persons = new Set(before.map((r) => r.person_id))
  for (const move of moves) {
    const personId = await ensureEntity(
      trx,
      { kind: 'person', kbId: move.personId, canonical: move.person, surface: move.person },
      kb,
      cache,
    )
    const org = async (name: string | null, id: string | null) =>
      name === null
        ? null
        : ensureEntity(trx, { kind: 'org', kbId: id, canonical: name, surface: name }, kb, cache)
    await trx
      .insertInto('move_reports')
      .values({
        article_id: articleId,
        person_id: personId,
        from_org_id: await org(move.fromOrg, move.fromOrgId),
        to_org_id: await org(move.toOrg, move.toOrgId),
        role: move.role,
        role_normalized: move.roleNormalized,
        kind: move.kind,
        status: move.status,
        happened_at: move.happenedAt,
        happened_from: move.happenedFrom,
        confidence: move.confidence,
        sentence: move.evidence.sentence,
        start: move.evidence.start,
        end: move.evidence.end,
      })
      .execute()
    persons.add(personId)
  }
  for (const personId of persons) await rebuildPersonMoves(trx, personId)
}

/**
 * Recomputes the move events of one person from all stored reports: reports of the same move
 * (within a window, compatible organisations) become one event; its report count counts stories
 * (duplicate clusters), not copies.
 */
export async function rebuildPersonMoves(trx: Executor, personId: number): Promise<void> {
  const rows = await trx
    .selectFrom('move_reports as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .innerJoin('entities as p', 'p.id', 'r.person_id')
    .leftJoin('entities as f', 'f.id', 'r.from_org_id')
    .leftJoin('entities as t', 't.id', 'r.to_org_id')
    .select([
      'r.id',
      'r.article_id',
      'r.from_org_id',
      'r.to_org_id',
      'r.role',
      'r.role_normalized',
      'r.kind',
      'r.status',
      'r.happened_at',
      'r.happened_from',
      'r.confidence',
      'r.sentence',
      'r.start',
      'r.end',
      'a.published_at',
      'a.source_id',
      'a.duplicate_of',
      'p.name as person',
      'p.key as person_key',
      'f.name as from_name',
      'f.key as from_key',
      't.name as to_name',
      't.key as to_key',
    ])
    .where('r.person_id', '=', personId)
    .orderBy('r.id')
    .execute()
  await trx.deleteFrom('moves').where('person_id', '=', personId).execute()
  if (rows.length === 0) return
  const idByKey = new Map<string, number>()
  const storyOf = new Map<number, number>()
  const reports: MoveReport[] = rows.map((r) => {
    if (r.from_key && r.from_org_id !== null) idByKey.set(r.from_key, r.from_org_id)
    if (r.to_key && r.to_org_id !== null) idByKey.set(r.to_key, r.to_org_id)
    storyOf.set(r.article_id, r.duplicate_of ?? r.article_id)
    return {
      articleId: r.article_id,
      sourceId: r.source_id,
      publishedAt: r.published_at,
      move: {
        person: r.person,
        personId: r.person_key,
        role: r.role,
        roleNormalized: r.role_normalized as TalentMove['roleNormalized'],
        fromOrg: r.from_name ?? null,
        fromOrgId: r.from_key ?? null,
        toOrg: r.to_name ?? null,
        toOrgId: r.to_key ?? null,
        kind: r.kind,
        status: r.status,
        happenedAt: r.happened_at,
        happenedFrom: r.happened_from === 'sentence' ? 'sentence' : 'published',
        confidence: r.confidence,
        evidence: { sentence: r.sentence, start: r.start, end: r.end },
      },
    }
  })
  const confidenceByArticle = new Map<number, number>()
  for (const r of rows)
    confidenceByArticle.set(
      r.article_id,
      Math.max(confidenceByArticle.get(r.article_id) ?? 0, r.confidence),
    )
  for (const event of aggregateMoves(reports)) {
    const stories = new Set(event.articleIds.map((id) => storyOf.get(id) ?? id))
    const inserted = await trx
      .insertInto('moves')
      .values({
        person_id: personId,
        from_org_id: event.fromOrgId ? (idByKey.get(event.fromOrgId) ?? null) : null,
        to_org_id: event.toOrgId ? (idByKey.get(event.toOrgId) ?? null) : null,
        role: event.role,
        role_normalized: event.roleNormalized,
        kind: event.kind,
        status: event.status,
        happened_at: event.happenedAt,
        first_seen_at: event.firstSeen,
        last_seen_at: event.lastSeen,
        report_count: stories.size,
        source_ids_json: JSON.stringify(event.sourceIds),
        confidence: Math.max(0, ...event.articleIds.map((id) => confidenceByArticle.get(id) ?? 0)),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (event.evidence.length > 0) {
      await trx
        .insertInto('move_evidence')
        .values(
          event.evidence.map((e) => ({
            move_id: inserted.id,
            article_id: e.articleId,
            sentence: e.sentence,
            start: e.start,
            end: e.end,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
  }
}
