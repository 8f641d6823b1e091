import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppService } from '../../../src/main/core/service/app-service'
import { buildHandlers, type Handlers } from '../../../src/main/core/service/handlers'
import { EventBus } from '../../../src/main/core/events/event-bus'
import { INVOKE_CHANNELS, type Result } from '../../../src/shared/contract'
import { INVOKE_ARG_SCHEMAS } from '../../../src/shared/contract-schemas'
import type { CoreEvents } from '../../../src/shared/events'
import { seedDownloadJob } from '../../support/ops-fixtures'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
let app: AppService
let handlers: Handlers
beforeEach(() => {
  temp = tempCatalog()
  app = new AppService(temp.service, { home: temp.dir, bus: new EventBus<CoreEvents>() })
  handlers = buildHandlers(app)
})
afterEach(async () => {
  await app.shutdown()
  temp.cleanup()
})

const upload = (name: string) => ({
  fileName: name,
  contentBase64: readFileSync(join('test/fixtures/import', name)).toString('base64'),
})

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error)
  return result.value
}

/** A finished sync job whose first item failed with two candidates to review. */
function failedWithReview() {
  const { job, stage } = seedDownloadJob(temp.service, 2)
  const { ops } = temp.service
  ops.transitionJob(job.id, 'running')
  const [first, second] = ops.itemsInState(stage.id, 'pending')
  ops.leases.claimNext(stage.id, 'w', 1000)
  ops.leases.claimNext(stage.id, 'w', 1000)
  const review = [
    { trackId: 't-1', title: 'Song 0 (Live)', artists: ['Artist 0'], score: 0.6 },
    { trackId: 't-2', title: 'Song 0', artists: ['Someone'], score: 0.5 },
  ]
  ops.markItemFailed(first!.id, 'needs review: weak match', { review, reviewSourceId: 'nas' })
  ops.markItemFailed(second!.id, 'demo: not found')
  ops.transitionJob(job.id, 'failed', 'some items failed')
  return { job, items: [first!, second!] }
}

describe('the contract', () => {
  it('has one argument schema per invoke channel', () => {
    expect(Object.keys(INVOKE_ARG_SCHEMAS).sort()).toEqual([...INVOKE_CHANNELS].sort())
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })
})

describe('the handlers', () => {
  it('answer status, playlists, songs and the dashboard', async () => {
    value(await handlers['import:apply'](upload('road-trip-v1.m3u8')))
    expect(value(await handlers['status:get']()).catalog.playlists).toBe(1)
    const [playlist] = value(await handlers['playlists:list']())
    expect(playlist).toMatchObject({
      name: expect.any(String),
      counts: { not_synced: playlist!.songs },
    })
    const page = value(
      await handlers['playlists:songs']({ playlistId: playlist!.id, offset: 0, limit: 2 }),
    )
    expect(page.total).toBe(playlist!.songs)
    expect(page.songs).toHaveLength(2)
    expect(page.songs[0]).toMatchObject({ position: 0, state: 'not_synced', localPath: null })
    const none = value(
      await handlers['playlists:songs']({
        playlistId: playlist!.id,
        offset: 0,
        limit: 5,
        search: 'zzz%',
      }),
    )
    expect(none).toEqual({ total: 0, songs: [] })
    const dashboard = value(await handlers['dashboard:get']({ includeTaskRows: true }))
    expect(dashboard).toMatchObject({ job: null, stages: [], workers: [] })
  })

  it('sets a playlist removal policy, and refuses an unknown policy or playlist', async () => {
    value(await handlers['import:apply'](upload('road-trip-v1.m3u8')))
    const [playlist] = value(await handlers['playlists:list']())
    expect(playlist?.removalPolicy).toBe('keep')
    const updated = value(
      await handlers['playlists:set-removal-policy']({
        playlistId: playlist!.id,
        policy: 'archive',
      }),
    )
    expect(updated).toMatchObject({ id: playlist!.id, removalPolicy: 'archive' })
    expect(value(await handlers['playlists:list']())[0]?.removalPolicy).toBe('archive')
    const bad = await handlers['playlists:set-removal-policy']({
      playlistId: playlist!.id,
      policy: 'shred',
    })
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^playlists:set-removal-policy: argument 0\.policy/),
    })
    const missing = await handlers['playlists:set-removal-policy']({
      playlistId: 999,
      policy: 'keep',
    })
    expect(missing).toEqual({
      ok: false,
      error: 'playlists:set-removal-policy: No playlist with id 999',
    })
  })

  it('previews an upload without changing the catalog, then applies it', async () => {
    const preview = value(await handlers['import:preview'](upload('weekend.csv')))
    expect(preview.playlists[0]).toMatchObject({ created: true })
    expect(temp.app.status().catalog.playlists).toBe(0)
    const applied = value(await handlers['import:apply'](upload('weekend.csv')))
    expect(applied.playlists[0]!.added).toBe(preview.playlists[0]!.added)
    expect(temp.app.status().catalog.playlists).toBe(1)
  })

  it('starts, pauses, resumes and cancels a sync', async () => {
    const { job } = seedDownloadJob(temp.service, 3)
    const started = value(await handlers['jobs:start']({ playlistIds: [] }))
    expect(started).toEqual({ jobId: job.id, changed: true })
    expect(value(await handlers['jobs:start']())).toEqual({ jobId: job.id, changed: false })
    expect(value(await handlers['jobs:pause']())).toEqual({ jobId: job.id, changed: true })
    await app.sync.idle()
    expect(temp.service.ops.getJob(job.id)!.state).toBe('paused')
    expect(value(await handlers['jobs:pause']())).toBeNull()
    // Resume runs the paused job again on its own selection.
    expect(value(await handlers['jobs:resume']())).toEqual({ jobId: job.id, changed: true })
    expect(value(await handlers['jobs:cancel']())).toEqual({ jobId: job.id, changed: true })
    await app.sync.idle()
    expect(temp.service.ops.getJob(job.id)!.state).toMatch(/^(canceled|failed|succeeded)$/)
    expect(value(await handlers['jobs:resume']())).toBeNull()
    expect(value(await handlers['jobs:cancel']())).toBeNull()
  })

  it('cancels a paused job that no run holds', async () => {
    const { job } = seedDownloadJob(temp.service, 1)
    temp.service.ops.transitionJob(job.id, 'running')
    temp.service.ops.transitionJob(job.id, 'paused', 'paused by the user')
    expect(value(await handlers['jobs:cancel']())).toEqual({ jobId: job.id, changed: true })
    expect(temp.service.ops.getJob(job.id)!.state).toBe('canceled')
  })

  it('retries the failed items of the latest job by running it again', async () => {
    const { job } = failedWithReview()
    const retried = value(await handlers['items:retry']())
    expect(retried).toEqual({ jobId: job.id, changed: true })
    await app.sync.idle()
    // No source can download "Song 0": the items fail again, in the same job.
    expect(temp.service.stats.jobItems(job.id).failed).toBe(2)
    expect(value(await handlers['items:retry']({ itemIds: [] }))).toBeNull()
  })

  it('records a skip in review: the item stays failed, without its candidates', async () => {
    const { items } = failedWithReview()
    const skipped = value(await handlers['items:review']({ itemId: items[0]!.id, trackId: null }))
    expect(skipped).toEqual({ itemId: items[0]!.id, state: 'failed' })
    expect(temp.service.ops.getItem(items[0]!.id)!.message).toBe('skipped in review')
    const again = await handlers['items:review']({ itemId: items[0]!.id, trackId: 't-1' })
    expect(again).toEqual({
      ok: false,
      error: `items:review: Item ${items[0]!.id} has no candidates to review`,
    })
  })

  it('requeues a reviewed item with the chosen track and runs its job again', async () => {
    const { items, job } = failedWithReview()
    const unknown = await handlers['items:review']({ itemId: items[0]!.id, trackId: 'nope' })
    expect(unknown).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no candidate with track id "nope"/),
    })
    const chosen = value(await handlers['items:review']({ itemId: items[0]!.id, trackId: 't-2' }))
    expect(chosen).toEqual({ itemId: items[0]!.id, state: 'pending' })
    expect(temp.service.ops.getItem(items[0]!.id)!.result).toMatchObject({
      chosen: { trackId: 't-2' },
    })
    await app.sync.idle()
    expect(temp.service.ops.getJob(job.id)!.state).not.toBe('running')
  })

  it('lists the items to review with their candidates apart from the other failures', async () => {
    const { items, job } = failedWithReview()
    const review = value(await handlers['items:problems']({ kind: 'review', offset: 0, limit: 10 }))
    expect(review.total).toBe(1)
    expect(review.items[0]).toMatchObject({
      itemId: items[0]!.id,
      jobId: job.id,
      message: 'needs review: weak match',
      sourceId: 'nas',
      candidates: [
        { trackId: 't-1', title: 'Song 0 (Live)', artists: ['Artist 0'], score: 0.6 },
        { trackId: 't-2', album: null, durationMs: null, score: 0.5 },
      ],
    })
    const failed = value(await handlers['items:problems']({ kind: 'failed', offset: 0, limit: 10 }))
    expect(failed).toMatchObject({
      total: 1,
      items: [{ itemId: items[1]!.id, message: 'demo: not found', candidates: [] }],
    })
    value(await handlers['items:review']({ itemId: items[0]!.id, trackId: null }))
    const after = value(await handlers['items:problems']({ kind: 'review', offset: 0, limit: 10 }))
    expect(after.total).toBe(0)
  })

  it('keeps the source of the candidates next to the choice made in review', async () => {
    const { items } = failedWithReview()
    value(await handlers['items:review']({ itemId: items[0]!.id, trackId: 't-1' }))
    expect(temp.service.ops.getItem(items[0]!.id)!.result).toMatchObject({
      reviewSourceId: 'nas',
      chosen: { trackId: 't-1' },
    })
    await app.sync.idle()
  })

  it('shows where a song would land under a layout template, or why it cannot', async () => {
    const example = value(
      await handlers['settings:layout-example']({
        layout: '{artist}/{album}/{track} {title}.{ext}',
      }),
    )
    expect(example.path).toBe(
      join(temp.dir, 'library', 'Daft Punk/Discovery/01 One More Time.flac'),
    )
    expect(await handlers['settings:layout-example']({ layout: '{artist}/{album}' })).toMatchObject(
      {
        ok: false,
        error: expect.stringMatching(/must contain \{title\}/),
      },
    )
  })

  it('tests a source as configured and says what it found or why it fails', async () => {
    expect(value(await handlers['sources:test']({ id: 'web', type: 'direct' }))).toMatchObject({
      ok: true,
    })
    const folders = value(
      await handlers['sources:test']({ id: 'disk', type: 'local', roots: [temp.dir], link: false }),
    )
    expect(folders).toMatchObject({ ok: true, message: expect.stringMatching(/1 folder readable/) })
    const missing = value(
      await handlers['sources:test']({
        id: 'disk',
        type: 'local',
        roots: [join(temp.dir, 'nope')],
        link: false,
      }),
    )
    expect(missing).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot read .*nope/),
    })
    const program = value(
      await handlers['sources:test']({
        id: 'x',
        type: 'command',
        command: ['no-such-program-here', '{query}'],
        timeoutMs: 1000,
      }),
    )
    expect(program).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not found on the PATH/),
    })
    const node = value(
      await handlers['sources:test']({
        id: 'n',
        type: 'command',
        command: ['node'],
        timeoutMs: 1000,
      }),
    )
    expect(node).toMatchObject({ ok: true, message: expect.stringMatching(/runs \/.*node/) })
    const bad = value(await handlers['sources:test']({ id: 'b', type: 'ftp' } as never))
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/unknown type "ftp"/) })
  })

  it('tests a Subsonic source and never shows its password', async () => {
    const result = value(
      await handlers['sources:test']({
        id: 'nas',
        type: 'subsonic',
        url: 'http://127.0.0.1:9/rest',
        user: 'me',
        password: 'hunter2',
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.message).toMatch(/^nas: /)
    expect(result.message).not.toContain('hunter2')
  })

  it('masks source passwords and keeps them when the mask comes back', async () => {
    const source = {
      id: 'nas',
      type: 'subsonic',
      url: 'http://nas.local',
      user: 'me',
      password: 'secret',
    }
    const set = value(await handlers['settings:set']({ sources: [source], downloaders: 2 }))
    expect(set).toMatchObject({ downloaders: 2, sources: [{ id: 'nas', password: '***' }] })
    const got = value(await handlers['settings:get']())
    value(await handlers['settings:set']({ sources: got.sources }))
    expect(app.settings().sources[0]).toMatchObject({ password: 'secret' })
    const bad = await handlers['settings:set']({ downloaders: 0, colour: 'red' })
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^settings:set: .*"colour"/),
    })
  })
})

describe('invalid payloads', () => {
  it.each([
    ['jobs:start', [{ playlistIds: ['1'] }], /argument 0\.playlistIds\.0/],
    ['jobs:pause', [1], /jobs:pause: /],
    ['playlists:songs', [{ playlistId: 1, offset: -1, limit: 10 }], /argument 0\.offset/],
    ['playlists:songs', [], /playlists:songs: /],
    ['import:apply', [{ fileName: '../etc/passwd', contentBase64: '' }], /must be a file name/],
    ['import:preview', [{ fileName: 'a.m3u', contentBase64: '%%%' }], /must be base64/],
    ['import:preview', [{ fileName: 'a.m3u', contentBase64: '', path: '/etc' }], /path/],
    ['items:review', [{ itemId: 1 }], /argument 0\.trackId/],
    ['items:retry', [{ itemIds: 'all' }], /argument 0\.itemIds/],
    ['settings:set', ['downloaders=2'], /settings:set: /],
    ['dashboard:get', [{ states: ['lost'] }], /argument 0\.states\.0/],
  ] as const)('%s rejects %j', async (channel, args, error) => {
    const result = await (handlers[channel] as (...a: unknown[]) => Promise<Result<unknown>>)(
      ...args,
    )
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error).toMatch(new RegExp(`^${channel}: `))
    expect(result.ok ? '' : result.error).toMatch(error)
  })

  it('rejects a malformed export with the file name', async () => {
    const bad = {
      fileName: 'broken.xspf',
      contentBase64: Buffer.from('<playlist').toString('base64'),
    }
    const result = await handlers['import:apply'](bad)
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^import:apply: .*broken\.xspf/),
    })
  })
})
