import { readFileSync } from 'node:fs'
import type { SettingsRepository } from '../catalog'
import {
  defaultSyncSettings,
  parseSettingsPatch,
  resolveSettings,
  SettingsError,
  type SettingsPatch,
  type SyncSettings,
} from './sync-settings'

const SETTING_KEYS = Object.keys(defaultSyncSettings('/')) as (keyof SyncSettings)[]

/** Reads a JSON config file as a settings patch; errors name the file and the key. */
export function readConfigFile(path: string): SettingsPatch {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new SettingsError(
      `${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new SettingsError(`${path}: not valid JSON (${(error as Error).message})`)
  }
  return parseSettingsPatch(json, path)
}

/** The sync settings stored in the catalog (other keys of the settings table are ignored). */
export function storedSettings(settings: SettingsRepository): SettingsPatch {
  const all = settings.all()
  const picked = Object.fromEntries(SETTING_KEYS.filter((k) => k in all).map((k) => [k, all[k]]))
  return parseSettingsPatch(picked, 'the catalog settings')
}

/** Saves a patch into the catalog so that the app and later syncs use it. */
export function storeSettings(settings: SettingsRepository, patch: SettingsPatch): void {
  settings.setMany(patch as Record<string, unknown>)
}

/** Defaults ← catalog settings ← config file ← command-line flags. */
export function effectiveSettings(
  home: string,
  settings: SettingsRepository,
  ...patches: SettingsPatch[]
): SyncSettings {
  return resolveSettings(defaultSyncSettings(home), storedSettings(settings), ...patches)
}
