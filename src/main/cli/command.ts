import type { CliIo } from './cli-io'

export type OptionValue = string | boolean | string[] | undefined

export interface ParsedCommandLine {
  values: Record<string, OptionValue>
  positionals: string[]
  databasePath: string
  /** Whether --db was given (the demo keeps its own catalog otherwise). */
  databaseGiven: boolean
  /** $CATALOGSYNC_HOME, or its default: the default library and the demo live under it. */
  home: string
}

export interface CommandOption {
  /** As commander reads them: `--json`, `--library <dir>`. */
  flags: string
  description: string
  /** What applies when the option is not given, shown in the help as "(default: …)". */
  defaultText?: string
  /** May be given more than once; the values are collected in order. */
  repeatable?: boolean
}

export interface CommandArgument {
  /** As commander reads them: `<file>`, `<file...>`, `[action]`. */
  name: string
  description: string
}

export interface Command {
  name: string
  /** One line in `catalogsync --help`. */
  summary: string
  /** More about the command, shown in its own help; defaults to the summary. */
  description?: string
  /** Replaces commander's generated usage where the arguments need explaining. */
  usage?: string
  arguments: CommandArgument[]
  options: CommandOption[]
  /** Command lines shown under "Examples:" in the command's help. */
  examples: readonly [string, ...string[]]
  run(args: ParsedCommandLine, io: CliIo): Promise<number> | number
}
