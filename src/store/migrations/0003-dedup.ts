import { type Kysely, sql } from 'kysely'
import { fingerprintText } from '../../enrich/fingerprint.js'
import { findSyndicationCredit } from '../../enrich/syndication.js'
import { urlIdentity } from '../../harvest/canonical-url.js'

/**
 * One story counts once: URL identity key, SimHash with four 16-bit bands, paragraph anchors,
 * credited origin and cluster columns on articles; a duplicates counter on crawl_runs. Stored
 * articles are fingerprinted here; exact copies among them are linked, each other article is its
 * own cluster (`newshound` re-checks near copies only for articles stored from now on).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'integer'][] = [
    ['url_key', 'text'],
    ['simhash', 'text'],
    ['sh_band0', 'integer'],
    ['sh_band1', 'integer'],
    ['sh_band2', 'integer'],
    ['sh_band3', 'integer'],
    ['para_anchor0', 'integer'],
    ['para_anchor1', 'integer'],
    ['para_anchor2', 'integer'],
    ['para_anchor3', 'integer'],
    ['syndicated_from', 'text'],
    ['cluster_id', 'integer'],
  ]
  for (const [name, type] of columns)
    await db.schema.alterTable('articles').addColumn(name, type).execute()
  await db.schema
    .alterTable('crawl_runs')
    .addColumn('articles_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  // Covering indexes: a band lookup reads (band, simhash, id) from the index alone.
  for (let band = 0; band < 4; band++) {
    await db.schema
      .createIndex(`articles_sh_band${band}`)
      .on('articles')
      .columns([`sh_band${band}`, 'simhash'])
      .execute()
    await db.schema
      .createIndex(`articles_para_anchor${band}`)
      .on('articles')
      .column(`para_anchor${band}`)
      .execute()
  }
  await db.schema.createIndex('articles_url_key').on('articles').column('url_key').execute()
  await db.schema.createIndex('articles_cluster').on('articles').column('cluster_id').execute()
  await db.schema
    .createIndex('articles_duplicate_of')
    .on('articles')
    .column('duplicate_of')
    .execute()

  // Backfill in id order, so the first stored copy of a text stays the representative.
  const rows = await sql<{ id: number; canonical_url: string; text: string; content_hash: string }>`
    select id, canonical_url, text, content_hash from articles order by id`.execute(db)
  const firstByHash = new Map<string, number>()
  for (const row of rows.rows) {
    const fp = fingerprintText(row.text)
    const [a0, a1, a2, a3] = fp.anchors
    const original = firstByHash.get(row.content_hash)
    if (original === undefined) firstByHash.set(row.content_hash, row.id)
    await sql`update articles set
        url_key = ${urlIdentity(row.canonical_url)}, simhash = ${fp.simhash},
        sh_band0 = ${fp.bands[0]}, sh_band1 = ${fp.bands[1]}, sh_band2 = ${fp.bands[2]}, sh_band3 = ${fp.bands[3]},
        para_anchor0 = ${a0 ?? null}, para_anchor1 = ${a1 ?? null}, para_anchor2 = ${a2 ?? null}, para_anchor3 = ${a3 ?? null},
        syndicated_from = ${findSyndicationCredit(row.text)?.origin ?? null},
        duplicate_of = ${original ?? null}, cluster_id = ${original ?? row.id}
      where id = ${row.id}`.execute(db)
  }
}
