import type { SettingsView, SourceSettings } from '../../../shared/settings'
import { jsonEqual } from './json-equal'

/** A source as the form edits it: `key` survives id changes, `originalId` is its saved id. */
export interface DraftSource {
  key: string
  originalId: string | null
  entry: SourceSettings
}

/** The settings as typed: numbers stay text until saved, so a half-typed value is allowed. */
export interface SettingsDraft {
  libraryRoots: string
  layout: string
  sources: DraftSource[]
  downloaders: string
  /** `auto` or a number. */
  resolvers: string
  mode: SettingsView['mode']
  /** MB/s; empty means no limit. */
  speedLimit: string
  maxDownloadAttempts: string
  writeTags: boolean
  keepInTray: boolean
  finishTransfersOnPause: boolean
  checkLibraryFirst: boolean
  playlistFolder: string
  archiveFolder: string
}

export type DraftErrors = Partial<Record<keyof SettingsDraft, string>>

const BYTES_PER_MB = 1_000_000
// The service refuses limits under 1 KiB/s.
const MIN_SPEED_LIMIT = 1024

let keys = 0
/** A key for a source row that is not tied to its (editable) id. */
export const newSourceKey = (): string => `source-${++keys}`

export function draftFromSettings(
  settings: SettingsView,
  sourceKeys: string[] = [],
): SettingsDraft {
  return {
    libraryRoots: settings.libraryRoots.join('\n'),
    layout: settings.layout,
    sources: settings.sources.map((entry, index) => ({
      key: sourceKeys[index] ?? newSourceKey(),
      originalId: entry.id,
      entry,
    })),
    downloaders: String(settings.downloaders),
    resolvers: String(settings.resolvers),
    mode: settings.mode,
    speedLimit:
      settings.speedLimitBytesPerSec === null
        ? ''
        : String(settings.speedLimitBytesPerSec / BYTES_PER_MB),
    maxDownloadAttempts: String(settings.maxDownloadAttempts),
    writeTags: settings.writeTags,
    keepInTray: settings.keepInTray,
    finishTransfersOnPause: settings.finishTransfersOnPause,
    checkLibraryFirst: settings.checkLibraryFirst,
    playlistFolder: settings.playlistFolder,
    archiveFolder: settings.archiveFolder,
  }
}

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')

type Parsed<T> = { value: T } | { error: string }

function integer(text: string, min: number, max: number): Parsed<number> {
  const value = Number(text.trim())
  return /^\d+$/.test(text.trim()) && value >= min && value <= max
    ? { value }
    : { error: `a whole number from ${min} to ${max}` }
}

function resolverCount(text: string): Parsed<number | 'auto'> {
  if (text.trim().toLowerCase() === 'auto') return { value: 'auto' }
  const count = integer(text, 1, 32)
  return 'error' in count ? { error: `“auto” or ${count.error}` } : count
}

function speedLimit(text: string): Parsed<number | null> {
  const trimmed = text.trim()
  if (trimmed === '') return { value: null }
  const bytes = Math.round(Number(trimmed) * BYTES_PER_MB)
  return /^\d*\.?\d+$/.test(trimmed) && bytes >= MIN_SPEED_LIMIT
    ? { value: bytes }
    : { error: 'a number of MB/s above 0, or empty for no limit' }
}

type Checked = Omit<SettingsView, 'downloadSources'>

/** The draft as settings, or a message per field that cannot be saved. */
export function checkDraft(draft: SettingsDraft): { settings: Checked } | { errors: DraftErrors } {
  const errors: DraftErrors = {}
  const take = <T>(field: keyof SettingsDraft, parsed: Parsed<T>): T | undefined => {
    if ('value' in parsed) return parsed.value
    errors[field] = parsed.error
    return undefined
  }
  const roots = lines(draft.libraryRoots)
  if (roots.length === 0) errors.libraryRoots = 'give at least one folder'
  if (!draft.layout.includes('{title}')) errors.layout = 'must contain {title}'
  if (draft.playlistFolder.trim() === '') errors.playlistFolder = 'give a folder name'
  if (draft.archiveFolder.trim() === '') errors.archiveFolder = 'give a folder name'
  const downloaders = take('downloaders', integer(draft.downloaders, 1, 64))
  const resolvers = take('resolvers', resolverCount(draft.resolvers))
  const attempts = take('maxDownloadAttempts', integer(draft.maxDownloadAttempts, 1, 10))
  const limit = take('speedLimit', speedLimit(draft.speedLimit))
  if (
    downloaders === undefined ||
    resolvers === undefined ||
    attempts === undefined ||
    limit === undefined ||
    Object.keys(errors).length > 0
  )
    return { errors }
  return {
    settings: {
      libraryRoots: roots,
      layout: draft.layout,
      sources: draft.sources.map((source) => source.entry),
      downloaders,
      resolvers,
      mode: draft.mode,
      speedLimitBytesPerSec: limit,
      maxDownloadAttempts: attempts,
      writeTags: draft.writeTags,
      keepInTray: draft.keepInTray,
      finishTransfersOnPause: draft.finishTransfersOnPause,
      checkLibraryFirst: draft.checkLibraryFirst,
      playlistFolder: draft.playlistFolder.trim(),
      archiveFolder: draft.archiveFolder.trim(),
    },
  }
}

/**
 * A custom download order follows the sources' new order and ids; an empty one (every source,
 * in list order) stays empty, so the list order is the order they are tried.
 */
function downloadOrder(saved: SettingsView, sources: DraftSource[]): string[] {
  if (saved.downloadSources.length === 0) return []
  const chosen = new Set(saved.downloadSources)
  return sources
    .filter((source) => source.originalId !== null && chosen.has(source.originalId))
    .map((source) => source.entry.id)
}

/** Only the keys the draft changed, ready for `settings:set`; or why it cannot be saved. */
export function settingsPatch(
  saved: SettingsView,
  draft: SettingsDraft,
): { patch: Partial<SettingsView> } | { errors: DraftErrors } {
  const checked = checkDraft(draft)
  if ('errors' in checked) return checked
  const patch: Partial<Record<keyof SettingsView, unknown>> = {}
  for (const [key, value] of Object.entries(checked.settings) as [keyof Checked, unknown][]) {
    if (!jsonEqual(saved[key], value)) patch[key] = value
  }
  if (patch.sources) patch.downloadSources = downloadOrder(saved, draft.sources)
  return { patch: patch as Partial<SettingsView> }
}
