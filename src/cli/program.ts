import { Command } from '@commander-js/extra-typings'
import { makeCoCommand } from './commands/co.js'
import { makeConfigCommand } from './commands/config.js'
import { makeCrawlCommand } from './commands/crawl.js'
import { makeDbCommand } from './commands/db.js'
import {
  makeAnalyzeCommand,
  makeEnrichCommand,
  makeEntitiesCommand,
  makeEntityCommand,
} from './commands/entities.js'
import { makeExportCommand } from './commands/export.js'
import { makeExtractCommand } from './commands/extract.js'
import { makeFeedCommand } from './commands/feed.js'
import { makeFlowsCommand, makeMovesCommand, makePersonCommand } from './commands/moves.js'
import { makeReportCommand } from './commands/report.js'
import { makeErrorsCommand, makeRunsCommand } from './commands/runs.js'
import { makeScheduleCommand, makeStatusCommand } from './commands/schedule.js'
import { makeSearchCommand } from './commands/search.js'
import { makeSourcesCommand } from './commands/sources.js'
import { makeStatsCommand } from './commands/stats.js'
import { makeTimelineCommand } from './commands/timeline.js'
import { makeTrendsCommand } from './commands/trends.js'
import { defaultIo, type Io } from './context.js'

export const VERSION = '0.1.0'

/** The whole CLI as a value, so tests run commands without spawning a process. */
export function createProgram(io: Io = defaultIo()): Command {
  const program = new Command('newshound')
    .description('Tracks who moves where in the tech industry, from the news.')
    .version(VERSION)
    .option('--db <path>', 'SQLite database file (env NEWSHOUND_DB, default storage/newshound.db)')
    .option('-q, --quiet', 'no progress output; only warnings and errors on stderr')
    .option('-v, --verbose', 'debug logging on stderr')

  const commands = [
    makeCrawlCommand(io),
    makeScheduleCommand(io),
    makeStatusCommand(io),
    makeSourcesCommand(io),
    makeFeedCommand(io),
    makeExtractCommand(io),
    makeAnalyzeCommand(io),
    makeEnrichCommand(io),
    makeEntityCommand(io),
    makeEntitiesCommand(io),
    makeTrendsCommand(io),
    makeTimelineCommand(io),
    makeCoCommand(io),
    makeSearchCommand(io),
    makeStatsCommand(io),
    makeExportCommand(io),
    makeReportCommand(io),
    makeMovesCommand(io),
    makeFlowsCommand(io),
    makePersonCommand(io),
    makeRunsCommand(io),
    makeErrorsCommand(io),
    makeDbCommand(io),
    makeConfigCommand(io),
  ]
  for (const command of commands) program.addCommand(command)
  // addCommand() does not copy settings to commands built elsewhere: apply them to the whole tree,
  // so main.ts maps every parse error to exit 2 and tests can capture help output.
  const configure = (command: Command) => {
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    command.showHelpAfterError()
    for (const sub of command.commands) configure(sub as unknown as Command)
  }
  configure(program as unknown as Command)
  program.addHelpText(
    'after',
    `
Exit codes: 0 success, 1 failure (feed, extract, analyze: any input failed), 2 usage or
configuration error (also an unknown command or option next to --help), 141 stdout closed early.
Docs: README.md (commands, configuration, data model).`,
  )
  return program as unknown as Command
}
