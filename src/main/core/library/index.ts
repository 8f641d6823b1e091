/** The library folder's public face: other folders import only this. */
export { applyRemovalPolicies } from './apply-removals'
export type { RemovalDeps, RemovalReport } from './apply-removals'
export { LibraryFullError, ensureSpace } from './ensure-space'
export { DEFAULT_LAYOUT, renderLayout, resolveInsideRoot } from './layout'
export { LIBRARY_SOURCE_ID, LibraryCheck } from './library-check'
export {
  DEFAULT_PLAYLIST_FOLDER,
  rewriteReimportedPlaylists,
  writePlaylistFiles,
} from './playlist-files'
export type { PlaylistFileDeps, PlaylistFileResult } from './playlist-files'
export { uniqueRelativePath } from './unique-path'
export { verifyLibrary } from './verify-library'
export type { VerifyOptions, VerifyProblem, VerifyReport } from './verify-library'
