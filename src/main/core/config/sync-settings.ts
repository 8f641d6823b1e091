import { join } from 'node:path'
import { z } from 'zod'
import { parseSourcesConfig, SourceConfigError, type SourceConfig } from '../sources'
import { DEFAULT_LAYOUT, DEFAULT_PLAYLIST_FOLDER } from '../library'
import { RUN_MODES, type SettingsView } from '../../../shared/settings'

/**
 * Everything a sync needs to know; the config file and the catalog's settings hold the same keys.
 * The shape is the window's settings view (src/shared), with each source as the core parsed it.
 */
export type SyncSettings = Omit<SettingsView, 'sources'> & { sources: SourceConfig[] }

export const DEFAULT_ARCHIVE_FOLDER = 'Archive'

export class SettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SettingsError'
  }
}

export function defaultSyncSettings(home: string): SyncSettings {
  return {
    libraryRoots: [join(home, 'library')],
    sources: [{ id: 'direct', type: 'direct' }],
    downloadSources: [],
    downloaders: 4,
    resolvers: 'auto',
    mode: 'adaptive',
    layout: DEFAULT_LAYOUT,
    speedLimitBytesPerSec: null,
    writeTags: true,
    finishTransfersOnPause: true,
    maxDownloadAttempts: 3,
    keepInTray: true,
    checkLibraryFirst: true,
    archiveFolder: DEFAULT_ARCHIVE_FOLDER,
    playlistFolder: DEFAULT_PLAYLIST_FOLDER,
  }
}

const absolutePath = z.string().refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), {
  message: 'must be an absolute path',
})

/** A folder under the library root, or an absolute one; never one that climbs out with `..`. */
const folder = z
  .string()
  .trim()
  .min(1)
  .refine((p) => !p.split(/[/\\]/).includes('..'), { message: 'must not contain ".."' })

/** The keys a config file may set; `sources` is checked by its own schema for clearer errors. */
const settingsSchema = z
  .strictObject({
    libraryRoots: z.array(absolutePath).min(1),
    sources: z.array(z.unknown()),
    downloadSources: z.array(z.string()),
    downloaders: z.int().min(1).max(64),
    resolvers: z.union([z.int().min(1).max(32), z.literal('auto')]),
    mode: z.enum(RUN_MODES),
    layout: z.string().min(1).includes('{title}', { message: 'must contain {title}' }),
    speedLimitBytesPerSec: z.int().min(1024).nullable(),
    writeTags: z.boolean(),
    finishTransfersOnPause: z.boolean(),
    maxDownloadAttempts: z.int().min(1).max(10),
    keepInTray: z.boolean(),
    checkLibraryFirst: z.boolean(),
    archiveFolder: folder,
    playlistFolder: folder,
  })
  .partial()

export type SettingsPatch = Partial<SyncSettings>

/** Checks a settings object (a parsed config file, or stored settings); names every bad key. */
export function parseSettingsPatch(input: unknown, origin: string): SettingsPatch {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SettingsError(`${origin}: must be a JSON object`)
  }
  const result = settingsSchema.safeParse(input)
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `${issue.path.join('.') || 'settings'}: ${issue.message}`,
    )
    throw new SettingsError(`${origin}: ${problems.join('; ')}`)
  }
  const { sources, ...rest } = result.data
  if (sources === undefined) return rest
  try {
    return { ...rest, sources: parseSourcesConfig(sources) }
  } catch (error) {
    if (!(error instanceof SourceConfigError)) throw error
    throw new SettingsError(`${origin}: ${error.problems.join('; ')}`)
  }
}

/** Layers patches over the defaults and checks that the source order names real sources. */
export function resolveSettings(base: SyncSettings, ...patches: SettingsPatch[]): SyncSettings {
  const settings = Object.assign({}, base, ...patches) as SyncSettings
  const ids = settings.sources.map((source) => source.id)
  const unknown = settings.downloadSources.filter((id) => !ids.includes(id))
  if (unknown.length > 0) {
    throw new SettingsError(
      `downloadSources names ${unknown.map((id) => `"${id}"`).join(', ')}, which no entry of sources has`,
    )
  }
  return settings
}

/** The source ids to try, in order. */
export function sourceOrder(settings: SyncSettings): string[] {
  return settings.downloadSources.length > 0
    ? settings.downloadSources
    : settings.sources.map((source) => source.id)
}
