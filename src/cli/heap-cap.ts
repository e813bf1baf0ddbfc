import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { loadConfig } from '../config.js'

/** The long-lived commands that start themselves with a heap cap. */
const CAPPED_COMMANDS = new Set(['schedule'])
/** Root options that take a value: skipped with it when looking for the command name. */
const ROOT_OPTIONS_WITH_VALUE = new Set(['--db'])
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** A V8 heap cap already given on the command line or in NODE_OPTIONS: the user's wins. */
export function heapCapGiven(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) =>
    /^--max[-_](old[-_]space|heap)[-_]size\b/.test(arg),
  )
}

/** The command name in `newshound [root options] <command> …`, or undefined. */
export function commandNameOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (ROOT_OPTIONS_WITH_VALUE.has(arg)) i++
    else if (!arg.startsWith('-')) return arg
  }
  return undefined
}

/**
 * The heap cap (MB) to start this command line with, or null to run it as it is. V8 sizes its
 * heap from the machine (4 GB on a 24 GB host) and collects late, so a long-lived `schedule`
 * started by hand grew to over 1 GB resident for ~100 MB of live data; the cap bounds it where
 * no NODE_OPTIONS does. Help goes through unchanged; a bad configuration is left for the command
 * to report.
 */
export function heapCapFor(argv: readonly string[], env: NodeJS.ProcessEnv): number | null {
  const args = argv.slice(2)
  const command = commandNameOf(args)
  if (command === undefined || !CAPPED_COMMANDS.has(command)) return null
  if (args.includes('--help') || args.includes('-h')) return null
  if (heapCapGiven(process.execArgv, env['NODE_OPTIONS'])) return null
  try {
    const mb = loadConfig({ env }).config.schedulerHeapMb
    return mb > 0 ? mb : null
  } catch {
    return null
  }
}

/**
 * Runs this command line again in a child Node with `--max-old-space-size`, and resolves with its
 * exit code. The child gets its own process group, so a terminal's Ctrl-C reaches it once, through
 * the signals forwarded here; it ends itself when this process dies (see {@link exitWithParent}).
 */
export function runWithHeapCap(argv: readonly string[], mb: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${mb}`, ...argv.slice(1)],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: true },
  )
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward(signal))
  return new Promise((resolveExit) => {
    child.once('error', (error) => {
      process.stderr.write(`newshound: cannot start the scheduler process: ${error.message}\n`)
      resolveExit(1)
    })
    child.once('exit', (code, signal) =>
      // Killed by a signal: the status a shell would report for it (128 + its number).
      resolveExit(code ?? 128 + (signal ? constants.signals[signal] : 0)),
    )
  })
}

/**
 * In a child started by {@link runWithHeapCap}: when the parent is gone (kill -9, OOM killer),
 * stop at once as it did, instead of running on unsupervised and holding the scheduler lock.
 * Committed work is safe: every article is its own SQLite transaction.
 */
export function exitWithParent(): void {
  if (process.send === undefined) return
  process.channel?.unref()
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'))
}
