import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { AppService } from '../../src/main/core/app/app-service'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import { EventBus } from '../../src/main/core/events/event-bus'
import type { CoreEvents } from '../../src/shared/events'
import { useDemoSync } from '../helpers/demo-sync'

const context = useDemoSync()

describe('a weak match reviewed by a person', () => {
  it('is downloaded as the candidate chosen, from the source that offered it', async () => {
    const { temp, server } = context
    const app = new AppService({
      service: temp.service,
      home: temp.dir,
      bus: new EventBus<CoreEvents>(),
    })
    try {
      const library = join(temp.dir, 'music')
      app.updateSettings({
        libraryRoots: [library],
        sources: [
          { id: 'demo', type: 'subsonic', url: server.url, user: 'demo', password: 'demo' },
        ],
        downloaders: 1,
      })
      const wanted = DEMO_SONGS[3]!
      // The right title by an artist the server does not know: a weak match, not a download.
      const { song } = temp.service.catalog.upsertSong({
        name: wanted.title,
        artists: ['Nobody Known'],
      })
      const playlist = temp.service.playlists.createPlaylist({ name: 'Review me' })
      temp.service.playlists.setSongs(playlist.id, [song.id])

      app.startJob([playlist.id])
      await app.sync.idle()
      const page = app.problems({ kind: 'review', offset: 0, limit: 10 })
      expect(page.total).toBe(1)
      const [item] = page.items
      expect(item).toMatchObject({ songId: song.id, sourceId: 'demo' })
      expect(item!.message).toMatch(/needs review/)
      const choice = item!.candidates.find((c) => c.title === wanted.title)
      expect(choice).toBeDefined()
      expect(choice!.score).toBeLessThan(0.8)

      expect(app.reviewItem(item!.itemId, choice!.trackId)).toEqual({
        itemId: item!.itemId,
        state: 'pending',
      })
      await app.sync.idle()
      expect(temp.service.ops.getItem(item!.itemId)!.state).toBe('succeeded')
      const [row] = app.playlistSongs({ playlistId: playlist.id, offset: 0, limit: 1 }).songs
      expect(row).toMatchObject({ state: 'in_library', source: 'demo' })
      expect(row!.localPath).toContain(wanted.title)
      expect(app.problems({ kind: 'review', offset: 0, limit: 10 }).total).toBe(0)
    } finally {
      await app.shutdown()
    }
  })
})
