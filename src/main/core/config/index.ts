/** The config folder's public face: other folders import only this. */
export { effectiveSettings, readConfigFile, storeSettings } from './load-settings'
export {
  defaultSyncSettings,
  parseSettingsPatch,
  resolveSettings,
  sourceOrder,
} from './sync-settings'
export type { SettingsPatch, SyncSettings } from './sync-settings'
