import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { Config } from '../config.js'
import { describeError, InputsFailedError } from '../errors.js'
import { createHttpClient, type HttpClient } from '../harvest/http-client.js'

export interface LoadedInput {
  readonly input: string
  /** URL the bytes came from (file:// for local files). */
  readonly url: string
  readonly bytes: Buffer
  readonly contentType: string | null
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input)
}

/** Expands directories into their files with one of the given suffixes (sorted). */
export async function expandInputs(
  inputs: readonly string[],
  suffixes: readonly string[],
  cwd: string,
): Promise<string[]> {
  const out: string[] = []
  for (const input of inputs) {
    if (isUrl(input) || input === '-') {
      out.push(input)
      continue
    }
    const path = resolve(cwd, input)
    const info = await stat(path).catch(() => null)
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => suffixes.some((s) => n.endsWith(s))).sort()
      for (const name of names) out.push(join(path, name))
    } else {
      out.push(path)
    }
  }
  return out
}

/** Reads a file (gunzipping .gz transparently) or fetches a URL; errors carry the input. */
export async function loadInput(
  input: string,
  options: { client: HttpClient; maxBytes: number; allowPrivate: boolean; cwd: string },
): Promise<LoadedInput> {
  if (isUrl(input)) {
    const res = await options.client.fetch(input, {
      maxBytes: options.maxBytes,
      allowPrivate: options.allowPrivate,
    })
    return {
      input,
      url: res.url,
      bytes: res.body,
      contentType: res.headers['content-type'] ?? null,
    }
  }
  const path = resolve(options.cwd, input)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new Error(`cannot read ${input}: ${describeError(error)}`)
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b)
    bytes = gunzipSync(bytes, { maxOutputLength: options.maxBytes })
  return { input, url: pathToFileURL(path).toString(), bytes, contentType: null }
}

export interface EachInputOptions {
  readonly inputs: readonly string[]
  /** File suffixes a directory is expanded to. */
  readonly suffixes: readonly string[]
  readonly maxBytes: number
  readonly allowPrivate: boolean
  readonly cwd: string
  /** Called with each result as soon as it is ready (--jsonl streams them). */
  readonly onResult?: (result: Record<string, unknown>) => void
}

/**
 * The loop the ad-hoc commands (`feed`, `extract`) share: expand directories, load every input
 * (file, .gz or URL through our HTTP client), hand it to `handle`, and turn any failure into an
 * `{input, error}` record so one bad input never stops the others.
 */
export async function mapInputs(
  config: Config,
  options: EachInputOptions,
  handle: (loaded: LoadedInput) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>[]> {
  const client = createHttpClient({
    userAgent: config.userAgent,
    timeoutMs: config.timeoutMs,
    maxRedirects: config.maxRedirects,
    proxy: config.proxy,
  })
  const results: Record<string, unknown>[] = []
  try {
    for (const input of await expandInputs(options.inputs, options.suffixes, options.cwd)) {
      let result: Record<string, unknown>
      try {
        const loaded = await loadInput(input, {
          client,
          maxBytes: options.maxBytes,
          allowPrivate: options.allowPrivate,
          cwd: options.cwd,
        })
        result = { input, ...(await handle(loaded)) }
      } catch (error) {
        result = { input, error: describeError(error) }
      }
      results.push(result)
      options.onResult?.(result)
    }
  } finally {
    await client.close()
  }
  return results
}

/** Ends an ad-hoc command with exit code 1 (via main.ts) once every result is printed, if any failed. */
export function failIfAnyFailed(results: readonly Record<string, unknown>[]): void {
  const failed = results.filter((r) => 'error' in r).length
  if (failed > 0) throw new InputsFailedError(failed, results.length)
}
