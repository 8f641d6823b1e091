import { PASSWORD_MASK } from '../../../shared/settings'
import type { SyncSettings } from '../config'
import type { SourceConfig } from '../sources'
/** Settings as a window shows them: source passwords never leave the core. */
export function maskSettings(settings: SyncSettings): SyncSettings {
  return {
    ...settings,
    sources: settings.sources.map((source) =>
      'password' in source ? { ...source, password: PASSWORD_MASK } : source,
    ),
  }
}

/**
 * A window sends back the masked settings it was given; a masked password means "unchanged",
 * so it is swapped for the stored one of the same source.
 */
export function unmaskSources(
  incoming: readonly SourceConfig[],
  current: readonly SourceConfig[],
): SourceConfig[] {
  return incoming.map((source) => {
    if (!('password' in source) || source.password !== PASSWORD_MASK) return source
    const stored = current.find((c) => c.id === source.id)
    return stored && 'password' in stored ? { ...source, password: stored.password } : source
  })
}
