#!/usr/bin/env node
import { CommanderError } from '@commander-js/extra-typings'
import { describeError, NewshoundError } from '../errors.js'
import { createProgram } from './program.js'
import { findUsageError } from './usage.js'

/** What a shell reports for a process ended by SIGPIPE (128 + 13), as `git log | head` gives. */
const EXIT_BROKEN_PIPE = 141

// The reader of our stdout went away (`newshound export mentions | head -1`): stop quietly, as
// git or ripgrep do, instead of an unhandled EPIPE with a stack trace. Nothing more can be
// delivered; work in progress is a read, or a SQLite transaction that rolls back.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(EXIT_BROKEN_PIPE)
})

/** The only place that turns errors into text and exit codes (README: Exit codes). */
async function main(argv: readonly string[]): Promise<number> {
  const usageError = await findUsageError(argv)
  if (usageError !== null) {
    process.stderr.write(usageError)
    return 2
  }
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
