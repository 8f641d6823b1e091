import type { Migration } from '../migration'
import { catalogAndOps } from './0001-catalog-and-ops'
import { playlistRemovals } from './0002-playlist-removals'
import { localIndex } from './0003-local-index'
import { songItemIndex } from './0004-song-item-index'
import { libraryPolicies } from './0005-library-policies'
import { chineseDedupeKeys } from './0006-chinese-dedupe-keys'

/** Every schema step, oldest first. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  catalogAndOps,
  playlistRemovals,
  localIndex,
  songItemIndex,
  libraryPolicies,
  chineseDedupeKeys,
]
