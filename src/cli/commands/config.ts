import { Command } from '@commander-js/extra-typings'
import { CONFIG_KEYS, type ConfigKey } from '../../config.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig } from '../context.js'
import { formatOf, printRows } from '../output.js'

export function makeConfigCommand(io: Io): AnyCommand {
  return new Command('config')
    .description('print the effective configuration and where each value came from')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action((options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const rows = (Object.keys(CONFIG_KEYS) as ConfigKey[]).map((key) => ({
        key,
        env: CONFIG_KEYS[key].env,
        value: loaded.config[key],
        origin: loaded.origins[key],
        description: CONFIG_KEYS[key].description,
      }))
      printRows(io.stdout, rows, formatOf(options))
    })
}
