import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Config, type ConfigKey, loadConfig } from '../../src/config.js'

/** A fresh temporary directory, removed by the returned cleanup. */
export async function makeTempDir(
  prefix = 'newshound-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Config for tests: no .env, no process env, fast timeouts, no per-host delay. */
export function testConfig(
  dir: string,
  flags: Partial<Record<ConfigKey, string | number | boolean>> = {},
): Config {
  return loadConfig({
    env: {},
    envFile: null,
    cwd: dir,
    flags: {
      db: join(dir, 'test.db'),
      storageDir: dir,
      hostDelayMs: 0,
      timeoutMs: 3000,
      maxRetries: 1,
      concurrency: 4,
      logLevel: 'silent',
      ...flags,
    },
  }).config
}
