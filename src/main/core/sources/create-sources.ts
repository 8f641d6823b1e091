import type { Dispatcher } from 'undici'
import type { Clock } from '../util'
import type { LocalIndexRepository } from '../catalog'
import type { MatchOptions } from '../matching'
import { CommandSource } from './command/command-source'
import { parseSourcesConfig, type SourceConfig } from './config'
import { DirectSource } from './direct/direct-source'
import { LocalSource } from './local/local-source'
import { SubsonicSource } from './subsonic/subsonic-source'
import type { Source, SourceType } from './types'

export interface SourceDependencies {
  /** The catalog's table where a local source keeps its tag index. */
  localIndex: LocalIndexRepository
  clock?: Clock
  dispatcher?: Dispatcher
  match?: MatchOptions
}

/**
 * Resolves at once per source unless configured: a file or a URL is cheap to check, a server
 * should not see a crowd from one client, and an extractor is a whole process per song.
 */
export const DEFAULT_MAX_CONCURRENCY: Record<SourceType, number> = {
  direct: 4,
  local: 4,
  subsonic: 2,
  command: 1,
}

function createSource(config: SourceConfig, deps: SourceDependencies): Source {
  const maxConcurrency = config.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY[config.type]
  const match = deps.match ? { match: deps.match } : {}
  switch (config.type) {
    case 'direct':
      return new DirectSource(config.id, maxConcurrency)
    case 'local':
      return new LocalSource(
        { ...config, maxConcurrency },
        { index: deps.localIndex, ...match, ...(deps.clock ? { clock: deps.clock } : {}) },
      )
    case 'subsonic':
      return new SubsonicSource(
        { ...config, maxConcurrency },
        { ...match, ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}) },
      )
    case 'command':
      return new CommandSource({ ...config, maxConcurrency }, match)
  }
}

/** The configured sources, in order; throws SourceConfigError when the configuration is bad. */
export function createSources(sources: unknown, deps: SourceDependencies): Source[] {
  return parseSourcesConfig(sources).map((config) => createSource(config, deps))
}
