import Table from 'cli-table3'

export type OutputFormat = 'table' | 'json' | 'nl'

export interface OutputOptions {
  readonly json?: boolean | undefined
  readonly nl?: boolean | undefined
  readonly jsonl?: boolean | undefined
}

export function formatOf(options: OutputOptions): OutputFormat {
  if (options.nl || options.jsonl) return 'nl'
  if (options.json) return 'json'
  return 'table'
}

export interface Writer {
  write(chunk: string): void
}

/**
 * One renderer for every command (sqlite-utils style): --json is an array of objects, --nl one
 * object per line, a table otherwise. Data only ever goes to `out` (stdout). Takes any row
 * objects (query result interfaces have no index signature), so callers need no casts.
 */
export function printRows(
  out: Writer,
  rows: readonly object[],
  format: OutputFormat,
  columns?: readonly string[],
): void {
  if (format === 'json') {
    out.write(`${JSON.stringify(rows, null, 2)}\n`)
    return
  }
  if (format === 'nl') {
    for (const row of rows) out.write(`${JSON.stringify(row)}\n`)
    return
  }
  if (rows.length === 0) {
    out.write('(no rows)\n')
    return
  }
  const head = columns ?? Object.keys(rows[0] as object)
  const table = new Table({ head: [...head], style: { head: [], border: [] }, wordWrap: true })
  for (const row of rows) table.push(head.map((c) => cell((row as Record<string, unknown>)[c])))
  out.write(`${table.toString()}\n`)
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  const text = String(value)
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}
