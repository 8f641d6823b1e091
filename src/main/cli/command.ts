import type { ParseArgsConfig } from 'node:util'
import type { CliIo } from './cli-io'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

export interface ParsedCommandLine {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>
  positionals: string[]
  databasePath: string
  /** Whether --db was given (the demo keeps its own catalog otherwise). */
  databaseGiven: boolean
}

export interface Command {
  name: string
  usage: string
  summary: string
  options: OptionSpec
  /** Positional arguments accepted: [min, max]. */
  positionals: [number, number]
  run(args: ParsedCommandLine, io: CliIo): Promise<number> | number
}
