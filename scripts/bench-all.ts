/**
 * `npm run bench`: every benchmark in turn (each prints its own figures and a summary line last),
 * then the summary lines together. `npm run bench -- feeds extract` runs only those.
 */
import { spawnSync } from 'node:child_process'

const ALL = ['feeds', 'extract', 'entities', 'moves', 'dedup', 'harvest', 'queries'] as const
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [...ALL]
const summaries: string[] = []
let failed = 0
for (const name of chosen) {
  process.stdout.write(`\n=== bench:${name} ===\n`)
  const result = spawnSync('npm', ['run', '--silent', `bench:${name}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  process.stdout.write(result.stdout)
  const last = result.stdout.trim().split('\n').pop() ?? ''
  if (result.status !== 0) failed++
  summaries.push(
    `${name.padEnd(9)} ${result.status === 0 ? last : `FAILED (exit ${result.status})`}`,
  )
}
process.stdout.write(`\n=== summary ===\n${summaries.join('\n')}\n`)
process.exitCode = failed > 0 ? 1 : 0
