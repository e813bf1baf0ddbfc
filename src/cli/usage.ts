import { CommanderError } from '@commander-js/extra-typings'
import { createProgram } from './program.js'

const HELP_FLAGS = new Set(['-h', '--help'])

/** The parse errors that mean the command line is wrong, not merely incomplete. */
const USAGE_ERRORS = new Set([
  'commander.unknownCommand',
  'commander.unknownOption',
  'commander.excessArguments',
])

/** Thrown before any action runs: the dry parse only checks the command line. */
class ParsedWithoutError extends Error {}

/**
 * Commander answers `--help` before it looks for an unknown command or option, so
 * `newshound watch --help` printed the root help and exited 0 and a typo in a cron line looked
 * like success. When help is asked for, the command line is first parsed without the help flags,
 * with no action run; an unknown command or option is returned as commander's message (plus the
 * help it prints after errors), for main.ts to print with exit code 2. Missing arguments are no
 * error here: `newshound feed --help` is how one learns them.
 */
export async function findUsageError(argv: readonly string[]): Promise<string | null> {
  const args = argv.slice(2)
  const dashDash = args.indexOf('--')
  const flags = dashDash === -1 ? args : args.slice(0, dashDash)
  if (!flags.some((arg) => HELP_FLAGS.has(arg))) return null
  let messages = ''
  const program = createProgram({
    stdout: { write: () => undefined },
    stderr: {
      write: (chunk) => {
        messages += chunk
      },
    },
    env: {},
    cwd: process.cwd(),
  })
  program.hook('preAction', () => {
    throw new ParsedWithoutError()
  })
  try {
    await program.parseAsync([
      ...argv.slice(0, 2),
      ...args.filter((arg, i) => !HELP_FLAGS.has(arg) || (dashDash !== -1 && i > dashDash)),
    ])
  } catch (error) {
    if (error instanceof CommanderError && USAGE_ERRORS.has(error.code)) return messages
  }
  return null
}
