import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The shared benchmark data sets (labelled pages, feeds, scorers) live beside the repository, not
 * in it: a clone has none. Tests never read them; only the benchmarks below do.
 */
export const SHARED_BENCHMARKS = resolve(import.meta.dirname, '../../../shared/benchmarks')

/**
 * Stops the benchmark with one line, and exit code 1, when a data folder it needs is missing,
 * instead of a stack trace from the first read.
 */
export function requireDataDir(dir: string, benchmark: string): string {
  if (!existsSync(dir)) {
    process.stderr.write(
      `${benchmark}: needs the data folder ${dir} (the shared benchmark sets beside the repository), which is missing\n`,
    )
    process.exit(1)
  }
  return dir
}
