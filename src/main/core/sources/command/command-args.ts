import type { SongQuery } from '../../matching'
import { PLACEHOLDERS } from '../config'

export type Placeholder = (typeof PLACEHOLDERS)[number]

const PLACEHOLDER = /\{([a-z]+)\}/g
const CONTROL = /[\u0000-\u001f\u007f]+/g // eslint-disable-line no-control-regex

export type Expansion = { ok: true; argv: string[] } | { ok: false; reason: string }

/** What each placeholder stands for; control characters become spaces. */
export function placeholderValues(query: SongQuery): Record<Placeholder, string> {
  const clean = (text: string | null) => (text ?? '').replace(CONTROL, ' ').trim()
  const title = clean(query.title)
  const artist = clean(query.artists.join(', '))
  return {
    query: artist ? `${artist} - ${title}` : title,
    title,
    artist,
    album: clean(query.album),
    location: clean(query.location),
  }
}

export function usesPlaceholder(command: readonly string[], name: Placeholder): boolean {
  return command.slice(1).some((argument) => argument.includes(`{${name}}`))
}

/**
 * Fills the placeholders, each argument in one pass (a title containing "{artist}" stays as
 * written). The program runs without a shell, so `;`, `$(…)` and backticks are plain text.
 * What is left is the program's own option parsing: a value must never be what makes an
 * argument start with "-" (a title "--exec rm" would become an option), so such a song is
 * refused unless the argument comes after a "--" end-of-options marker in the command.
 */
export function expandArguments(
  command: readonly string[],
  values: Readonly<Record<Placeholder, string>>,
): Expansion {
  const [program, ...template] = command
  if (program === undefined) return { ok: false, reason: 'the command is empty' }
  const argv = [program]
  let optionsEnded = false
  for (const argument of template) {
    const used: string[] = []
    const expanded = argument.replace(PLACEHOLDER, (match, name: string) => {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) return match
      used.push(name)
      return values[name as Placeholder]
    })
    const empty = used.find((name) => values[name as Placeholder] === '')
    if (empty) return { ok: false, reason: `the track has no ${empty} for {${empty}}` }
    if (!optionsEnded && used.length > 0 && expanded.startsWith('-') && !argument.startsWith('-')) {
      return {
        ok: false,
        reason: `refusing to pass "${expanded.slice(0, 40)}" where an option could be read; put "--" before placeholders in the command`,
      }
    }
    if (argument === '--') optionsEnded = true
    argv.push(expanded)
  }
  return { ok: true, argv }
}
