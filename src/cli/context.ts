import type { Command } from '@commander-js/extra-typings'
import { sources as catalog } from '../../crawlers/index.js'
import { type ConfigKey, type LoadedConfig, loadConfig } from '../config.js'
import { createLogger, type Logger } from '../log.js'
import type { SourceDefinition } from '../sources.js'
import { type OpenedDatabase, openDatabase } from '../store/database.js'
import { listImportedSources } from '../store/sources.js'

export interface GlobalOptions {
  db?: string
  quiet?: boolean
  verbose?: boolean
}

/** Streams a command writes to; tests pass their own. */
export interface Io {
  readonly stdout: { write(chunk: string): void; isTTY?: boolean }
  readonly stderr: { write(chunk: string): void; isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
}

export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
}

// biome-ignore lint/suspicious/noExplicitAny: commands differ in argument and option types
export type AnyCommand = Command<any[], any, any>

export function globalsOf(command: { optsWithGlobals(): unknown }): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions
}

export function resolveConfig(
  io: Io,
  globals: GlobalOptions,
  flags: Partial<Record<ConfigKey, string | number | boolean | undefined>> = {},
): LoadedConfig {
  const merged: Partial<Record<ConfigKey, string | number | boolean | undefined>> = { ...flags }
  if (globals.db !== undefined) merged.db = globals.db
  if (globals.verbose) merged.logLevel = 'debug'
  else if (globals.quiet && merged.logLevel === undefined) merged.logLevel = 'warn'
  return loadConfig({ env: io.env, cwd: io.cwd, flags: merged })
}

export function loggerFor(loaded: LoadedConfig): Logger {
  return createLogger({ level: loaded.config.logLevel })
}

export async function withDatabase<T>(
  path: string,
  fn: (opened: OpenedDatabase) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(path)
  try {
    return await fn(opened)
  } finally {
    await opened.close()
  }
}

/** The built-in catalog plus sources imported into this database (imported ones win on id). */
export async function allSources(opened: OpenedDatabase): Promise<SourceDefinition[]> {
  const imported = await listImportedSources(opened.db)
  const ids = new Set(imported.map((s) => s.id))
  return [...catalog.filter((s) => !ids.has(s.id)), ...imported]
}
