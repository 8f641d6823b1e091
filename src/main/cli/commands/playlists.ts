import type { AppService } from '../../core/service'
import type { Playlist } from '../../core/catalog'
import { isRemovalPolicy, REMOVAL_POLICIES } from '../../../shared/removal-policy'
import { CliUsageError } from '../cli-io'
import type { Command } from '../command'
import { withService } from '../with-service'

function formatPlaylists(app: AppService, playlists: readonly Playlist[]): string {
  if (playlists.length === 0) return 'No playlists in the catalog.'
  const rows = playlists.map((p) => ({
    id: String(p.id),
    songs: String(app.songCount(p.id)),
    policy: p.removalPolicy,
    name: p.name,
  }))
  const width = (key: 'id' | 'songs' | 'policy') =>
    Math.max(key.length, ...rows.map((row) => row[key].length))
  const line = (r: { id: string; songs: string; policy: string; name: string }) =>
    `${r.id.padStart(width('id'))}  ${r.songs.padStart(width('songs'))}  ${r.policy.padEnd(width('policy'))}  ${r.name}`
  return [
    line({ id: 'id', songs: 'songs', policy: 'policy', name: 'name' }),
    ...rows.map(line),
  ].join('\n')
}

/** Sets the policy for the files of songs a re-import drops from the playlist. */
function setPolicy(app: AppService, wanted: string, policy: string): Playlist {
  if (!isRemovalPolicy(policy)) {
    throw new CliUsageError(`the removal policy must be one of ${REMOVAL_POLICIES.join(', ')}`)
  }
  const playlist = app.findPlaylist(wanted)
  if (!playlist) throw new CliUsageError(`no playlist "${wanted}" in the catalog`)
  return app.storeRemovalPolicy(playlist.id, policy)
}

export const playlistsCommand: Command = {
  name: 'playlists',
  summary: 'list the playlists, or set what a sync does with dropped songs',
  description:
    'List the playlists with their song counts and removal policies, or, with "policy", set ' +
    'what the next sync does with the files of songs a re-import dropped: keep them, move ' +
    'them to the archive folder, or delete them.',
  usage: `[policy ID|NAME ${REMOVAL_POLICIES.join('|')}] [options]`,
  arguments: [
    { name: '[action]', description: '"policy" to set a removal policy' },
    { name: '[playlist]', description: 'the playlist, by id or name' },
    { name: '[policy]', description: `the removal policy: ${REMOVAL_POLICIES.join(', ')}` },
  ],
  options: [{ flags: '--json', description: 'print JSON' }],
  examples: ['catalogsync playlists', 'catalogsync playlists policy "Road Trip" archive'],
  run(args, io) {
    const [action, wanted, policy] = args.positionals
    const setting = action === 'policy' && wanted !== undefined && policy !== undefined
    if (action !== undefined && !setting) {
      throw new CliUsageError(`playlists takes nothing, or "policy ID|NAME POLICY"`)
    }
    return withService(args, (app) => {
      if (setting) {
        const updated = setPolicy(app, wanted, policy)
        if (args.values.json) io.out(JSON.stringify(updated))
        else
          io.out(`Playlist #${updated.id} ${updated.name}: removal policy ${updated.removalPolicy}`)
        return 0
      }
      const playlists = app.catalogPlaylists()
      io.out(args.values.json ? JSON.stringify(playlists) : formatPlaylists(app, playlists))
      return 0
    })
  },
}
