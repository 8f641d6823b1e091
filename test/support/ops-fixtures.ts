import type { CatalogStore } from '../../src/main/core/service/catalog-store'

/** A download job over `count` new songs in one playlist; returns the job and its stage. */
export function seedDownloadJob(service: CatalogStore, count: number) {
  const playlist = service.playlists.createPlaylist({ name: 'Mix' })
  const songIds = service.transaction(() =>
    Array.from(
      { length: count },
      (_, i) => service.catalog.upsertSong({ name: `Song ${i}`, artists: [`Artist ${i}`] }).song.id,
    ),
  )
  service.playlists.setSongs(playlist.id, songIds)
  const { job, stages } = service.ops.createJob({
    kind: 'sync',
    stages: [
      { type: 'download', items: songIds.map((songId) => ({ songId, playlistId: playlist.id })) },
    ],
  })
  return { job, stage: stages[0]!, playlist, songIds }
}
