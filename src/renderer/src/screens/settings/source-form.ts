import { PASSWORD_MASK, type SourceKind, type SourceSettings } from '../../../../shared/settings'
import { lines } from '../../model/settings-draft'

/** One source as its editor's fields hold it; lists are one item per line. */
export interface SourceForm {
  type: SourceKind
  id: string
  url: string
  user: string
  password: string
  /** The program and its arguments, one per line. */
  command: string
  timeoutMs: string
  /** Folders, one per line. */
  roots: string
  link: boolean
}

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  subsonic: 'Subsonic server',
  command: 'Command (e.g. yt-dlp)',
  local: 'Local folders',
  direct: 'Direct (the export’s own links)',
}

const DEFAULT_TIMEOUT_MS = 120_000
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function emptySourceForm(type: SourceKind): SourceForm {
  return {
    type,
    id: '',
    url: '',
    user: '',
    password: '',
    command: '',
    timeoutMs: String(DEFAULT_TIMEOUT_MS),
    roots: '',
    link: false,
  }
}

export function formFromSource(entry: SourceSettings): SourceForm {
  const form = { ...emptySourceForm(entry.type), id: entry.id }
  switch (entry.type) {
    case 'direct':
      return form
    case 'local':
      return { ...form, roots: entry.roots.join('\n'), link: entry.link }
    case 'subsonic':
      return { ...form, url: entry.url, user: entry.user, password: entry.password }
    case 'command':
      return { ...form, command: entry.command.join('\n'), timeoutMs: String(entry.timeoutMs) }
  }
}

function entryOf(form: SourceForm, id: string): SourceSettings | string {
  switch (form.type) {
    case 'direct':
      return { id, type: 'direct' }
    case 'local': {
      const roots = lines(form.roots)
      if (roots.length === 0) return 'give at least one folder'
      return { id, type: 'local', roots, link: form.link }
    }
    case 'subsonic':
      if (!/^https?:\/\/\S+$/.test(form.url.trim())) return 'the URL must start with http(s)://'
      if (form.user.trim() === '') return 'give the user name'
      return {
        id,
        type: 'subsonic',
        url: form.url.trim(),
        user: form.user.trim(),
        password: form.password,
      }
    case 'command': {
      const command = form.command.split('\n').filter((line) => line.trim() !== '')
      const timeoutMs = Number(form.timeoutMs)
      if (command.length === 0) return 'give the program to run on the first line'
      if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 3_600_000)
        return 'the timeout is a whole number of milliseconds from 100 to 3,600,000'
      return { id, type: 'command', command, timeoutMs }
    }
  }
}

/**
 * The edited source, or what is wrong with it. `base` is the entry being edited: keys the form
 * does not show (a concurrency cap) are kept when the type stays the same.
 */
export function sourceFromForm(
  form: SourceForm,
  base: SourceSettings | null,
  otherIds: readonly string[],
): { entry: SourceSettings } | { error: string } {
  const id = form.id.trim()
  if (!ID_PATTERN.test(id)) return { error: 'the id is 1–64 letters, digits, “.”, “_” or “-”' }
  if (otherIds.includes(id)) return { error: `another source already has the id “${id}”` }
  // The stored password is found by id, so a renamed source needs it typed again.
  if (form.type === 'subsonic' && form.password === PASSWORD_MASK && base && base.id !== id)
    return { error: 'type the password again when changing the id' }
  const entry = entryOf(form, id)
  if (typeof entry === 'string') return { error: entry }
  const cap = base?.type === form.type ? base.maxConcurrency : undefined
  return { entry: cap === undefined ? entry : { ...entry, maxConcurrency: cap } }
}

/** One line saying what a source is, for its row in the list. */
export function describeSource(entry: SourceSettings): string {
  switch (entry.type) {
    case 'direct':
      return 'each song’s own link or file from the export'
    case 'local':
      return `${entry.roots.join(', ')}${entry.link ? ' (hard links)' : ''}`
    case 'subsonic':
      return `${entry.user} at ${entry.url}`
    case 'command':
      return entry.command.join(' ')
  }
}
