import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'

/** A cell: text, number, boolean (written 1/0) or empty (null/undefined). */
export type CsvValue = string | number | boolean | null | undefined

/** Where CSV text goes: a Node Writable (backpressure honoured) or any `write(string)` sink. */
export interface CsvSink {
  write(chunk: string): boolean | undefined
  once?(event: 'drain', listener: () => void): unknown
}

export interface WriteCsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel opens the file as UTF-8 (`--bom`). */
  readonly bom?: boolean | undefined
  /** Rows per write (default 2000): bounds memory, amortises write calls. */
  readonly batchRows?: number | undefined
}

const NEEDS_QUOTES = /[",\r\n]/

/**
 * Neutralises a text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR
 * first: CSV injection, OWASP) by prefixing `'`. Only text goes through here: numbers are
 * written as numbers, so `-3` stays a number in dashboards (csv-stringify's `escape_formulas`
 * would turn it into the text `'-3`, CONVENTIONS §10).
 * @example escapeFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function escapeFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text
}

// = + - @ TAB CR, compared as char codes: this runs for every text cell of a million-row export.
function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0)
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF; text formula-escaped.
 * The same quoting rules as csv-stringify (test/export/csv.test.ts compares them), written by
 * hand because csv-stringify runs at ~130,000 rows/s here and exports must reach 200,000.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? '1' : '0'
  const text = startsFormula(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record with its line ending (CRLF is not used: every dashboard reads LF). */
export function csvLine(values: readonly CsvValue[]): string {
  let line = ''
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvCell(values[i])
  return `${line}\n`
}

/**
 * Streams rows as CSV with a header row, in batches, waiting for `drain` when the sink asks
 * (constant memory however many rows). Returns the number of data rows written.
 * @example await writeCsv(process.stdout, ['id', 'name'], [[1, 'Meta']], { bom: true })
 */
export async function writeCsv(
  sink: CsvSink,
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]> | AsyncIterable<readonly CsvValue[]>,
  options: WriteCsvOptions = {},
): Promise<number> {
  const batchRows = options.batchRows ?? 2000
  const flush = async (chunk: string) => {
    const ok = sink.write(chunk)
    if (ok === false && sink.once)
      await new Promise<void>((resolve) => sink.once?.('drain', resolve))
  }
  await flush(`${options.bom ? '\ufeff' : ''}${csvLine(header)}`)
  let count = 0
  let buffer = ''
  let inBuffer = 0
  // Per column, the last value and its cell: exports repeat values row after row (the article
  // columns of its five mention rows, kinds, sources), and a repeated string is the same object.
  const lastValue: CsvValue[] = []
  const lastCell: string[] = []
  // Synchronous per row: an async call per row costs a promise and a microtask each, a tenth
  // of a million-row export. Only a full batch waits (for the sink's drain).
  const take = (row: readonly CsvValue[]): boolean => {
    for (let i = 0; i < row.length; i++) {
      const value = row[i]
      let cell: string
      if (value === null || value === undefined) cell = ''
      else if (typeof value === 'number')
        cell = Number.isInteger(value) ? `${value}` : csvCell(value)
      else if (value === lastValue[i]) cell = lastCell[i] as string
      else {
        cell = csvCell(value)
        lastValue[i] = value
        lastCell[i] = cell
      }
      buffer += i === 0 ? cell : `,${cell}`
    }
    buffer += '\n'
    count++
    return ++inBuffer >= batchRows
  }
  const flushBatch = async () => {
    await flush(buffer)
    buffer = ''
    inBuffer = 0
  }
  // A database cursor is a sync iterator: `for await` over it would cost a promise per row.
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) if (take(row)) await flushBatch()
  } else {
    for (const row of rows) if (take(row)) await flushBatch()
  }
  if (buffer !== '') await flush(buffer)
  return count
}

/**
 * Writes a file through a temporary name and renames it at the end, so a failed or interrupted
 * export never leaves a half-written FILE.csv that a dashboard would pick up.
 */
export async function writeFileAtomically<T>(
  path: string,
  write: (sink: CsvSink) => Promise<T>,
): Promise<T> {
  const tmp = `${path}.${process.pid}.tmp`
  const stream = createWriteStream(tmp, { encoding: 'utf8' })
  try {
    const result = await write(stream)
    stream.end()
    await once(stream, 'finish')
    await rename(tmp, path)
    return result
  } catch (error) {
    stream.destroy()
    await rm(tmp, { force: true })
    throw error
  }
}
