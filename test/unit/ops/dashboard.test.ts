import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { seedDownloadJob } from '../../support/ops-fixtures'
import { buildDownloadRow, displayText } from '../../../src/main/core/ops/download-rows'
import type { WorkerState } from '../../../src/shared/dashboard'
import { idleWorker } from '../../../src/main/core/sync/worker-board'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

const worker = (over: Partial<WorkerState>): WorkerState => ({
  ...idleWorker('download-1', 'download'),
  ...over,
})

describe('buildDownloadRow', () => {
  it('joins the item with its song and playlist', () => {
    const { catalog, playlists, ops } = temp.service
    const playlist = playlists.createPlaylist({ name: 'Road trip' })
    const song = catalog.upsertSong({
      name: 'Karma Police',
      artists: ['Radiohead'],
      album: 'OK Computer',
      durationMs: 264_000,
      metadata: { location: 'https://127.0.0.1/k.flac' },
    }).song
    const { stages } = ops.createJob({
      kind: 'sync',
      stages: [{ type: 'download', items: [{ songId: song.id, playlistId: playlist.id }] }],
    })
    const item = ops.leases.claimNext(stages[0]!.id, 'resolve-1')!
    const row = buildDownloadRow(temp.db, item.id)
    expect(row).toMatchObject({
      itemId: item.id,
      itemState: 'resolving',
      songId: song.id,
      playlistName: 'Road trip',
      name: 'Karma Police',
      singers: 'Radiohead',
      artists: ['Radiohead'],
      album: 'OK Computer',
      durationMs: 264_000,
      metadata: { location: 'https://127.0.0.1/k.flac' },
    })
    expect(displayText(row!)).toBe('Karma Police / Radiohead')
    expect(buildDownloadRow(temp.db, 424242)).toBeNull()
  })
})

describe('dashboard', () => {
  it('is empty but well formed before any job', () => {
    expect(temp.service.dashboard.snapshot()).toEqual({
      job: null,
      counts: {
        pending: 0,
        resolving: 0,
        ready: 0,
        downloading: 0,
        succeeded: 0,
        failed: 0,
        skipped: 0,
      },
      workers: [],
      transfer_stats: { download_speed_bytes_per_sec: 0, active_downloads: 0, active_resolvers: 0 },
    })
  })

  it('sums download speed over downloader workers only', () => {
    const { job } = seedDownloadJob(temp.service, 3)
    temp.service.dashboard.saveWorkers(job.id, [
      worker({ name: 'resolve-1', role: 'resolve', status: 'resolving', speed_bytes_per_sec: 999 }),
      worker({ name: 'download-1', status: 'downloading', speed_bytes_per_sec: 1000 }),
      worker({ name: 'download-2', status: 'downloading', speed_bytes_per_sec: 500 }),
      worker({ name: 'download-10', status: 'idle' }),
    ])
    const snapshot = temp.service.dashboard.snapshot({ includeTaskRows: false })
    expect(snapshot.job?.id).toBe(job.id)
    expect(snapshot.transfer_stats).toEqual({
      download_speed_bytes_per_sec: 1500,
      active_downloads: 2,
      active_resolvers: 1,
    })
    expect(snapshot.workers.map((w) => w.name)).toEqual([
      'download-1',
      'download-2',
      'download-10',
      'resolve-1',
    ])
    expect(snapshot.task_rows).toBeUndefined()
  })

  it('replaces the worker rows with each saved snapshot', () => {
    const { job } = seedDownloadJob(temp.service, 1)
    temp.service.dashboard.saveWorkers(job.id, [
      worker({ name: 'download-1' }),
      worker({ name: 'download-2' }),
    ])
    temp.service.dashboard.saveWorkers(job.id, [
      worker({ name: 'download-1', progress_text: '1.00MB/2.00MB' }),
    ])
    expect(temp.service.dashboard.workers(job.id)).toEqual([
      worker({ name: 'download-1', progress_text: '1.00MB/2.00MB' }),
    ])
  })

  it('pages task rows and filters them by state', () => {
    const { job, stage } = seedDownloadJob(temp.service, 25)
    const { ops, dashboard } = temp.service
    const failed = ops.leases.claimNext(stage.id, 'resolve-1')!
    ops.markItemFailed(failed.id, 'not found on any source')
    const page = dashboard.snapshot({ jobId: job.id, includeTaskRows: true, offset: 20, limit: 10 })
    expect(page.total_task_rows).toBe(25)
    expect(page.task_rows).toHaveLength(5)
    expect(page.counts).toMatchObject({ pending: 24, failed: 1 })
    const failures = dashboard.snapshot({ includeTaskRows: true, states: ['failed'] })
    expect(failures.task_rows).toEqual([
      expect.objectContaining({
        item_id: failed.id,
        state: 'failed',
        message: 'not found on any source',
        display_text: 'Song 0 / Artist 0',
        attempts: 1,
      }),
    ])
  })
})
