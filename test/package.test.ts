import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')

interface PackageJson {
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as PackageJson

/** Packages a file loads: `from 'x'`, `import('x')`, `require('x')`, `createRequire(...)('x')`. */
function importedPackages(source: string): string[] {
  const names: string[] = []
  for (const match of source.matchAll(
    /(?:\bfrom\s+|\bimport\(\s*|\brequire\(\s*|\)\(\s*)'([^'.][^']*)'/g,
  )) {
    const specifier = match[1] as string
    if (specifier.startsWith('node:')) continue
    const parts = specifier.split('/')
    names.push(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string))
  }
  return names
}

describe('package.json', () => {
  // Every user installs the runtime dependencies: they are what the shipped code (src/, crawlers/)
  // loads, plus the peers those packages ask for; benchmark and test tools are devDependencies.
  it('runtime dependencies are exactly what src/ and crawlers/ import, plus their peers', () => {
    const imported = new Set(
      ['src', 'crawlers'].flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.ts'))
          .flatMap((file) => importedPackages(readFileSync(join(ROOT, dir, file), 'utf8'))),
      ),
    )
    const dependencies = Object.keys(readJson(join(ROOT, 'package.json')).dependencies ?? {})
    const peers = new Set(
      dependencies.flatMap((name) =>
        Object.keys(
          readJson(join(ROOT, 'node_modules', name, 'package.json')).peerDependencies ?? {},
        ),
      ),
    )
    expect([...imported].filter((name) => !dependencies.includes(name)).sort()).toEqual([])
    expect(dependencies.filter((name) => !imported.has(name) && !peers.has(name))).toEqual([])
  })
})
