import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONFIG_KEYS, loadConfig, parseDotenv } from '../src/config.js'
import { ConfigError } from '../src/errors.js'

const ROOT = resolve(import.meta.dirname, '..')

describe('loadConfig', () => {
  it('uses defaults, then .env-style env, then flags', () => {
    const { config, origins } = loadConfig({
      env: { NEWSHOUND_CONCURRENCY: '3', NEWSHOUND_PROXY: 'http://proxy.local:3128' },
      envFile: null,
      cwd: '/tmp/x',
      flags: { hostDelayMs: 10 },
    })
    expect(config.concurrency).toBe(3)
    expect(origins.concurrency).toBe('env')
    expect(config.hostDelayMs).toBe(10)
    expect(origins.hostDelayMs).toBe('flag')
    expect(config.db).toBe('/tmp/x/storage/newshound.db')
    expect(config.proxy).toBe('http://proxy.local:3128')
    expect(config.respectRobotsTxt).toBe(true)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('fails once with a message naming every bad key', () => {
    const attempt = () =>
      loadConfig({
        env: { NEWSHOUND_CONCURRENCY: 'many', NEWSHOUND_PROXY: 'ftp://x' },
        envFile: null,
        flags: { timeoutMs: -1 },
      })
    expect(attempt).toThrow(ConfigError)
    try {
      attempt()
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('NEWSHOUND_CONCURRENCY="many"')
      expect(message).toContain('NEWSHOUND_PROXY="ftp://x"')
      expect(message).toContain('--timeout-ms="-1"')
    }
  })

  it('parses dotenv lines with quotes and comments', () => {
    expect(parseDotenv('# c\nA=1\nexport B="two words"\nC=x # trailing\n\nD=')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x',
      D: '',
    })
  })

  it('.env.example lists every key with its default, and its defaults load', () => {
    const example = parseDotenv(readFileSync(resolve(ROOT, '.env.example'), 'utf8'))
    for (const spec of Object.values(CONFIG_KEYS)) {
      expect(example, spec.env).toHaveProperty(spec.env)
      expect(example[spec.env], spec.env).toBe(spec.default)
    }
  })
})
