import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { createWriteBatcher } from '../../src/store/write-batcher.js'
import { makeTempDir } from '../helpers/env.js'

describe('createWriteBatcher', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase

  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/w.db`)
    await sql`CREATE TABLE written (id TEXT PRIMARY KEY)`.execute(opened.db)
  })
  afterEach(async () => {
    await opened.close()
    await tmp.cleanup()
  })

  // A table of its own: the batcher does not care what the jobs write.
  const addSource = (id: string) => async (trx: OpenedDatabase['db']) => {
    await sql`INSERT INTO written (id) VALUES (${id})`.execute(trx)
    return id
  }
  const written = async (db: OpenedDatabase['db']) =>
    (await sql<{ id: string }>`SELECT id FROM written ORDER BY id`.execute(db)).rows.map(
      (r) => r.id,
    )

  it('writes concurrent jobs in one transaction; a failing job is rolled back alone', async () => {
    const writes = createWriteBatcher(opened.db)
    const results = await Promise.allSettled([
      writes.write(addSource('one')),
      writes.write(async (trx) => {
        await addSource('half')(trx)
        throw new Error('this article cannot be stored')
      }),
      writes.write(addSource('three')),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toEqual(
      new Error('this article cannot be stored'),
    )
    expect(await written(opened.db)).toEqual(['one', 'three'])
    // Committed when the promises resolve: another connection sees the rows.
    const other = await openDatabase(`${tmp.dir}/w.db`, { readonly: true })
    try {
      expect(await written(other.db)).toEqual(['one', 'three'])
    } finally {
      await other.close()
    }
  })

  it('a later write after a batch has committed goes in a new batch', async () => {
    const writes = createWriteBatcher(opened.db)
    expect(await writes.write(addSource('first'))).toBe('first')
    expect(await writes.write(addSource('second'))).toBe('second')
    expect(await written(opened.db)).toEqual(['first', 'second'])
  })
})
