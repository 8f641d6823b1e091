import { errorMessage } from '../../shared/error-message'
import { CliUsageError, type CliIo } from './cli-io'
import type { Command } from './command'
import { demoCommand } from './commands/demo'
import { importCommand } from './commands/import'
import { inspectCommand } from './commands/inspect'
import { playlistsCommand } from './commands/playlists'
import { serveCommand } from './commands/serve'
import { settingsCommand } from './commands/settings'
import { statusCommand } from './commands/status'
import { syncCommand } from './commands/sync'
import { verifyCommand } from './commands/verify'
import { buildProgram, HelpShown } from './program'

export const COMMANDS: readonly Command[] = [
  inspectCommand,
  importCommand,
  syncCommand,
  demoCommand,
  playlistsCommand,
  settingsCommand,
  statusCommand,
  verifyCommand,
  serveCommand,
]

const EXIT_USAGE = 2

/** Where to read more after a usage error: the command's help, or the program's. */
const helpHint = (command: string | undefined): string =>
  `See "catalogsync ${command ? `${command} ` : ''}--help".`

/** Parses argv (without node and script) and runs one command; returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0
  const program = buildProgram(COMMANDS, io, (code) => (status = code))
  if (argv.length === 0) {
    program.outputHelp()
    return 0
  }
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return status
  } catch (error) {
    if (error instanceof HelpShown) return 0
    if (error instanceof CliUsageError) {
      io.err(`catalogsync: ${error.message}`)
      io.err(helpHint(error.command))
      return EXIT_USAGE
    }
    io.err(`catalogsync: ${errorMessage(error)}`)
    return 1
  }
}
