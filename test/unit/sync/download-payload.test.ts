import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ItemChange } from '../../../src/shared/events'
import { readDownloadPayload } from '../../../src/main/core/sync/download-payload'
import type { ResolvedDownloadPayload } from '../../../src/main/core/sync/download-types'
import { runnerHarness, SETTINGS } from '../../support/runner-harness'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

/** Resolves the first `count` items with the fake downloader and saves them as `ready`. */
async function readyItems(h: ReturnType<typeof runnerHarness>, count: number) {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const item = temp.service.ops.leases.claimNext(h.stage.id, 'resolve-1')!
    const row = temp.service.ops.downloadRow(item.id)!
    const resolved = await h.scheduler.runUntil(
      h.downloader.resolveSongRow(row, null, SETTINGS.downloadSources, () => {}),
    )
    const payload = resolved.payload!
    temp.service.ops.markItemReady(item.id, { ...payload }, payload.song.expiresAt)
    ids.push(item.id)
  }
  h.downloader.resolves.length = 0
  return ids
}

/** Damages saved payloads from outside, through a second connection to the catalog file. */
function corrupt(path: string, payloads: Map<number, string>) {
  const db = new Database(path)
  try {
    const update = db.prepare('UPDATE stage_items SET resolved_payload_json = ? WHERE id = ?')
    for (const [id, json] of payloads) update.run(json, id)
  } finally {
    db.close()
  }
}

function validPayload(): ResolvedDownloadPayload {
  return {
    row: {
      itemId: 1,
      stageId: 1,
      jobId: 1,
      itemState: 'ready',
      attempts: 0,
      songId: 7,
      playlistId: null,
      playlistName: null,
      name: 'Song',
      singers: 'Artist',
      artists: ['Artist'],
      album: null,
      durationMs: 180_000,
      isrc: null,
      platform: 'spotify',
      externalId: 'spotify:track:1',
      ext: null,
      fileSizeBytes: null,
      metadata: { location: 'x' },
    },
    displayText: 'Song / Artist',
    defaultRoot: '/library',
    targetRoot: '/library',
    backendId: 1,
    expectedBytes: null,
    sourceIndex: 0,
    song: {
      sourceId: 'subsonic',
      sourceType: 'subsonic',
      trackId: 't1',
      url: 'http://127.0.0.1:9/stream?id=t1',
      filePath: null,
      headers: { authorization: 'x' },
      ext: 'flac',
      sizeBytes: 12,
      expiresAt: 1_700_000_000_000,
      score: 0.93,
      link: false,
      coverUrl: null,
      matchedTitle: 'Song',
      matchedArtists: ['Artist'],
    },
  }
}

describe('reading a saved download payload back', () => {
  it('accepts the payload as it was saved', () => {
    const payload = validPayload()
    expect(readDownloadPayload(JSON.parse(JSON.stringify(payload)))).toEqual({
      ok: true,
      payload,
    })
  })

  it('names the first field that is wrong', () => {
    const payload = validPayload()
    const read = readDownloadPayload({ ...payload, song: { ...payload.song, url: 5 } })
    expect(read.ok).toBe(false)
    expect(!read.ok && read.reason).toMatch(
      /^saved download details were unreadable \(song\.url: .+\); resolving again$/,
    )
  })

  it('refuses what is not a payload at all', () => {
    for (const stored of ['{"row": 1', 42, [], { sourceIndex: -1 }]) {
      const read = readDownloadPayload(stored)
      expect(read.ok).toBe(false)
      expect(!read.ok && read.reason).toMatch(/^saved download details were unreadable/)
    }
  })
})

describe('a corrupted payload in the catalog', () => {
  it.each(['adaptive', 'single'] as const)(
    '%s: re-queues the item with the reason and resolves it again, without crashing',
    async (mode) => {
      const h = runnerHarness(temp, 4)
      const [intact, broken, misshapen] = await readyItems(h, 3)
      corrupt(
        temp.path,
        new Map([
          [broken!, '{"row": {"itemId": 2'],
          [misshapen!, JSON.stringify({ song: { url: 'http://127.0.0.1:9/x' } })],
        ]),
      )
      const changes: ItemChange[] = []
      h.bus.on('items', (event) => changes.push(...event.changes))

      const summary = await h.scheduler.runUntil(
        h.start({ mode, workers: 2, resolverCap: 2 }).run(),
      )

      expect(summary.state).toBe('succeeded')
      expect(summary.counts.succeeded).toBe(4)
      for (const id of [broken, misshapen]) {
        const requeued = changes.find((c) => c.itemId === id && c.state === 'pending')
        expect(requeued?.message).toMatch(
          /^saved download details were unreadable \(.+\); resolving again$/,
        )
      }
      expect(changes.some((c) => c.itemId === intact && c.state === 'pending')).toBe(false)
      const resolved = h.downloader.resolves.map((r) => r.song).sort()
      expect(resolved).toEqual(['Song 1', 'Song 2', 'Song 3'])
      expect(h.downloader.downloads.map((d) => d.song).sort()).toEqual([
        'Song 0',
        'Song 1',
        'Song 2',
        'Song 3',
      ])
    },
  )
})
