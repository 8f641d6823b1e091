import type { SettingsView } from '../../../src/shared/settings'

/** Saved settings as `settings:get` returns them, with a masked password. */
export const SAVED: SettingsView = {
  libraryRoots: ['/music'],
  sources: [
    { id: 'direct', type: 'direct' },
    { id: 'nas', type: 'subsonic', url: 'http://nas:4533', user: 'me', password: '***' },
    { id: 'yt', type: 'command', command: ['yt-dlp', '-j', '{query}'], timeoutMs: 60_000 },
  ],
  downloadSources: [],
  downloaders: 4,
  resolvers: 'auto',
  mode: 'adaptive',
  layout: '{artist}/{album}/{title}.{ext}',
  speedLimitBytesPerSec: 2_500_000,
  writeTags: true,
  checkLibraryFirst: true,
  playlistFolder: 'Playlists',
  archiveFolder: 'Archive',
  finishTransfersOnPause: true,
  maxDownloadAttempts: 3,
  keepInTray: true,
}
