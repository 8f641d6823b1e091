import { Command as Program, Option, type CommanderError } from 'commander'
import { catalogsyncHome, defaultDatabasePath } from '../core/service'
import { CliUsageError, type CliIo } from './cli-io'
import type { Command, CommandOption, OptionValue, ParsedCommandLine } from './command'
import { usageErrorMessage } from './usage-errors'
import { CLI_VERSION } from './version'

/** Help is wrapped at 80 columns whatever the terminal says, so it reads the same everywhere. */
export const HELP_WIDTH = 80

/** Help or the version was printed, as asked: the run ends there, exit status 0. */
export class HelpShown extends Error {
  constructor() {
    super('help shown')
    this.name = 'HelpShown'
  }
}

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
]

function optionOf(spec: CommandOption): Option {
  const description = spec.defaultText
    ? `${spec.description} (default: ${spec.defaultText})`
    : spec.description
  const option = new Option(spec.flags, description)
  return spec.repeatable ? option.argParser(collect) : option
}

function isOptionValue(value: unknown): value is OptionValue {
  return (
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  )
}

/** Commander's option values, checked: every option we declare yields one of these. */
function valuesOf(command: Program): ParsedCommandLine['values'] {
  const values: ParsedCommandLine['values'] = {}
  for (const [key, value] of Object.entries(command.opts())) {
    if (!isOptionValue(value)) throw new Error(`option ${key} parsed to ${typeof value}`)
    values[key] = value
  }
  return values
}

const examplesText = (examples: readonly string[]): string =>
  ['', 'Examples:', ...examples.map((line) => `  ${line}`)].join('\n')

/** Commander reports through exceptions, never by exiting the process. */
function throwingExit(command: Program): (error: CommanderError) => never {
  return (error) => {
    if (error.exitCode === 0) throw new HelpShown()
    throw new CliUsageError(
      usageErrorMessage(error, command),
      command.parent ? command.name() : undefined,
    )
  }
}

/**
 * The whole command line as commander sees it: the global options, then each command with its
 * options, arguments and examples. Output goes through `io`; `onStatus` receives the exit
 * status of the command that ran.
 */
export function buildProgram(
  commands: readonly Command[],
  io: CliIo,
  onStatus: (status: number) => void,
): Program {
  const program = new Program('catalogsync')
  program
    .usage('[--db PATH] <command> [options]')
    .description('Turns playlist exports into a local music library.')
    .configureHelp({
      helpWidth: HELP_WIDTH,
      showGlobalOptions: true,
      // Names only: a command's arguments and options are in its own help.
      subcommandTerm: (command) => command.name(),
    })
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      // Every error is reworded by runCli; commander's own wording is never printed.
      writeErr: () => undefined,
      outputError: () => undefined,
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showSuggestionAfterError()
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', "show a command's help")
    .option(
      '--db <path>',
      `the catalog database (default: ${defaultDatabasePath(io.env)}; ` +
        '$CATALOGSYNC_HOME sets the folder)',
    )
  program.exitOverride(throwingExit(program))
  program.addHelpText(
    'after',
    ['', 'Run "catalogsync <command> --help" for its options and examples.'].join('\n'),
  )

  for (const spec of commands) {
    const command = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.description ?? spec.summary)
      .helpOption('-h, --help', 'show this help')
      .addHelpText('after', examplesText(spec.examples))
    if (spec.usage) command.usage(spec.usage)
    for (const argument of spec.arguments) command.argument(argument.name, argument.description)
    for (const option of spec.options) command.addOption(optionOf(option))
    command.exitOverride(throwingExit(command))
    command.action(async () => {
      const db: unknown = program.opts().db
      if (db === '') throw new CliUsageError('--db needs a path')
      const args: ParsedCommandLine = {
        values: valuesOf(command),
        positionals: command.args,
        databasePath: typeof db === 'string' ? db : defaultDatabasePath(io.env),
        databaseGiven: typeof db === 'string',
        home: catalogsyncHome(io.env),
      }
      try {
        onStatus(await spec.run(args, io))
      } catch (error) {
        if (error instanceof CliUsageError && error.command === undefined) {
          throw new CliUsageError(error.message, spec.name)
        }
        throw error
      }
    })
  }
  return program
}
