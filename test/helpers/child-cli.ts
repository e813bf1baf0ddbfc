import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'

/** The repository root (tests and scripts run the CLI from source through tsx). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..')

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
  const entry = options.built
    ? [resolve(REPO_ROOT, 'dist/src/cli/main.js')]
    : ['--import', 'tsx', resolve(REPO_ROOT, 'src/cli/main.ts')]
  const child = spawn(process.execPath, [...entry, ...args], {
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
