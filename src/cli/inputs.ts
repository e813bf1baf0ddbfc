import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { describeError } from '../errors.js'
import type { HttpClient } from '../harvest/http-client.js'

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
