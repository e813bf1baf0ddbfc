import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * A path into the shared folder beside the repository, however it is spelled: a relative path up
 * and into it, its fixtures or benchmarks subfolder, or its name as a segment handed to join().
 * Each name is written with a character class so this file does not match itself.
 */
const SHARED_PATH = /\.\.[/\\][s]hared\b|[s]hared[/\\](fixtures|benchmarks)|['"][s]hared['"]/

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('a clone stands on its own', () => {
  // Cheap local guard: a developer's checkout has the shared folder beside it, so a test reading
  // it passes there and fails in every clone. CI also runs the suite from a clone with no
  // sibling folder (.ci/run); this catches the mistake before a push.
  it('no file under src/, crawlers/ or test/ refers to the shared folder beside the repository', () => {
    const offenders = ['src', 'crawlers', 'test']
      .flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter((file) => SHARED_PATH.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
    expect(offenders).toEqual([])
  })
})
