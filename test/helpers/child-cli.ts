import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

/** The repository root (tests and scripts run the CLI from source through tsx). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..')

/** `node --import tsx src/cli/main.ts <args>`, or the built entry with `built`. */
function cliArgv(args: readonly string[], built = false): string[] {
  const entry = built
    ? [resolve(REPO_ROOT, 'dist/src/cli/main.js')]
    : ['--import', 'tsx', resolve(REPO_ROOT, 'src/cli/main.ts')]
  return [...entry, ...args]
}

export interface ChildCli {
  readonly child: ChildProcess
  /** Resolves with the exit code, or the signal name when killed. */
  readonly exited: Promise<number | string>
  /** stderr so far (logs, messages). */
  stderr(): string
}

/**
 * Starts `newshound <args>` as a real child process (`node --import tsx src/cli/main.ts`), so it
 * can be killed with SIGKILL like a crashed or OOM-killed process would be. The node process is
 * the child itself (no npx or shell in between), so its pid is the one to kill and to sample.
 */
export function spawnNewshound(
  args: readonly string[],
  options: {
    readonly env?: Readonly<Record<string, string>>
    readonly cwd?: string
    /** Run the built CLI (`dist/`, `npm run build`) as installed users do, not the source via tsx. */
    readonly built?: boolean
  } = {},
): ChildCli {
  const child = spawn(process.execPath, cliArgv(args, options.built), {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    // Keep the tail only: a soak runs for minutes.
    stderr = (stderr + chunk).slice(-20_000)
  })
  const exited = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? signal ?? -1))
  })
  return { child, exited, stderr: () => stderr }
}

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const execFileAsync = promisify(execFile)

/** Runs `newshound <args>` to its end (the real CLI entry through tsx, so it sees the current source). */
export async function runNewshound(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, cliArgv(args), {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/**
 * Runs `newshound <args>` with its stdout read by a reader that goes away after the first line,
 * as `newshound … | head -1` does. Resolves with the exit code, that line and stderr.
 */
export function runNewshoundIntoHead(args: readonly string[]): Promise<{
  readonly code: number | string
  readonly firstLine: string
  readonly stderr: string
}> {
  const child = spawn(process.execPath, cliArgv(args), {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    out += chunk
    // Closing our end makes the child's next write fail with EPIPE.
    if (out.includes('\n')) child.stdout.destroy()
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise((resolveRun) => {
    child.once('close', (code, signal) =>
      resolveRun({ code: code ?? signal ?? -1, firstLine: out.split('\n')[0] ?? '', stderr }),
    )
  })
}
