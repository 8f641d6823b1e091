import type { Command as Program, CommanderError } from 'commander'

/** The first 'quoted' name in commander's message: the flag, argument or command it is about. */
const quoted = (message: string): string => /'([^']*)'/.exec(message)?.[1] ?? ''

/** Commander's "(Did you mean X?)", in our words. */
function suggestion(message: string): string {
  const similar = /Did you mean (?:one of )?([^?]+)\?/.exec(message)?.[1]
  return similar ? ` (did you mean ${similar.trim()}?)` : ''
}

function argumentCount(command: Program): string {
  const names = command.registeredArguments.map((arg) => arg.name().toUpperCase())
  if (names.length === 0) return 'takes no arguments'
  return `takes at most ${names.length} (${names.join(' ')})`
}

/** An option before the command name that is not a global one. */
function globalOptionMessage(flag: string, program: Program): string {
  const name = program.args.find((arg) => program.commands.some((c) => c.name() === arg))
  if (!name) return 'no command given'
  return `${flag} is an option of ${name}: put it after the command name`
}

/**
 * Commander's parse errors, reworded: one line naming what was wrong. `command` is the command
 * that was parsing (the program itself for the global part of the line).
 */
export function usageErrorMessage(error: CommanderError, command: Program): string {
  const where = command.parent ? ` for ${command.name()}` : ''
  switch (error.code) {
    case 'commander.unknownCommand':
      return `unknown command "${quoted(error.message)}"${suggestion(error.message)}`
    case 'commander.unknownOption':
      if (!command.parent) return globalOptionMessage(quoted(error.message), command)
      return `unknown option "${quoted(error.message)}"${where}${suggestion(error.message)}`
    case 'commander.missingArgument':
      return `${command.name()} needs ${quoted(error.message).toUpperCase()}`
    case 'commander.optionMissingArgument':
      return `${quoted(error.message).replace(/ .*/, '')} needs a value (${quoted(error.message)})`
    case 'commander.excessArguments': {
      const extra = command.args.slice(command.registeredArguments.length)
      return `${command.name()} ${argumentCount(command)}; "${extra.join(' ')}" is too many`
    }
    case 'commander.help': {
      // The program asks for help on its own when no command, or `help <unknown>`, was given.
      const [first, second] = command.args
      return first === 'help' && second ? `unknown command "${second}"` : 'no command given'
    }
    default:
      return error.message.replace(/^error: /, '')
  }
}
