#!/usr/bin/env node
import { CommanderError } from '@commander-js/extra-typings'
import { describeError, NewshoundError } from '../errors.js'
import { createProgram } from './program.js'

/** The only place that turns errors into text and exit codes (README: Exit codes). */
async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram()
  try {
    await program.parseAsync([...argv])
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exitCode 0.
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof NewshoundError) {
      process.stderr.write(`newshound: ${error.message}\n`)
      return error.code === 'E_CONFIG' || error.code === 'E_USAGE' ? 2 : 1
    }
    process.stderr.write(`newshound: ${describeError(error)}\n`)
    if (process.env['LOG_LEVEL'] === 'debug' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`)
    return 1
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`newshound: ${describeError(error)}\n`)
    process.exitCode = 1
  },
)
