import type { Migration } from '../migration'
import { catalogAndOps } from './0001-catalog-and-ops'
import { playlistRemovals } from './0002-playlist-removals'
import { localIndex } from './0003-local-index'
import { libraryPolicies } from './0004-library-policies'

/** Every schema step, oldest first. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  catalogAndOps,
  playlistRemovals,
  localIndex,
  libraryPolicies,
]
