import { errorMessage } from '../../shared/error-message'
import { parseArgs } from 'node:util'
import { defaultDatabasePath } from '../core/config/paths'
import { CliUsageError, type CliIo } from './cli-io'
import type { Command, OptionSpec, ParsedCommandLine } from './command'
import { demoCommand } from './commands/demo'
import { importCommand } from './commands/import'
import { inspectCommand } from './commands/inspect'
import { playlistsCommand } from './commands/playlists'
import { serveCommand } from './commands/serve'
import { settingsCommand } from './commands/settings'
import { statusCommand } from './commands/status'
import { syncCommand } from './commands/sync'
import { verifyCommand } from './commands/verify'

const GLOBAL_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
}

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

export function usage(io: CliIo): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length))
  return [
    'Usage: catalogsync [--db PATH] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    `  --db PATH   the catalog database (default: ${defaultDatabasePath(io.env)};`,
    '              $CATALOGSYNC_HOME sets the folder)',
    '  -h, --help  show this help',
  ].join('\n')
}

/** Parses argv (without node and script) and runs one command; returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const invocation = parseCommandLine(argv, io)
    if (!invocation) {
      io.out(usage(io))
      return 0
    }
    return await invocation.command.run(invocation.args, io)
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`catalogsync: ${error.message}\n\n${usage(io)}`)
      return 2
    }
    io.err(`catalogsync: ${errorMessage(error)}`)
    return 1
  }
}

/** The command and its arguments, or null when help was asked for. */
function parseCommandLine(
  argv: readonly string[],
  io: CliIo,
): { command: Command; args: ParsedCommandLine } | null {
  const first = parseOrThrow(argv, GLOBAL_OPTIONS, false)
  const nameToken = first.tokens.find((token) => token.kind === 'positional')
  if (!nameToken) {
    if (first.values.help || argv.length === 0) return null
    throw new CliUsageError('no command given')
  }
  const command = COMMANDS.find((c) => c.name === nameToken.value)
  if (!command) throw new CliUsageError(`unknown command "${nameToken.value}"`)
  const rest = argv.filter((_, index) => index !== nameToken.index)
  const parsed = parseOrThrow(rest, { ...GLOBAL_OPTIONS, ...command.options }, true)
  if (parsed.values.help) return null
  const [min, max] = command.positionals
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new CliUsageError(`usage: catalogsync ${command.usage}`)
  }
  const db = parsed.values.db
  if (db === '') throw new CliUsageError('--db needs a path')
  return {
    command,
    args: {
      values: parsed.values,
      positionals: parsed.positionals,
      databasePath: typeof db === 'string' ? db : defaultDatabasePath(io.env),
      databaseGiven: typeof db === 'string',
    },
  }
}

function parseOrThrow(args: readonly string[], options: OptionSpec, strict: boolean) {
  try {
    return parseArgs({ args: [...args], options, strict, allowPositionals: true, tokens: true })
  } catch (error) {
    throw new CliUsageError(errorMessage(error))
  }
}
