import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from '@commander-js/extra-typings'
import { describe, expect, it } from 'vitest'
import { createProgram } from '../src/cli/program.js'

const README = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8')

function commandNames(command: Command, prefix = ''): string[] {
  const out: string[] = []
  for (const sub of command.commands as unknown as Command[]) {
    const name = `${prefix}${sub.name()}`
    out.push(name)
    out.push(...commandNames(sub, `${name} `))
  }
  return out
}

describe('docs', () => {
  it('README documents every CLI command', () => {
    const sink = { write: () => undefined }
    const program = createProgram({
      stdout: sink,
      stderr: sink,
      env: {},
      cwd: process.cwd(),
    }) as unknown as Command
    const names = commandNames(program)
    expect(names.length).toBeGreaterThan(10)
    const missing = names.filter((name) => !README.includes(`newshound ${name}`))
    expect(missing).toEqual([])
  })
})
