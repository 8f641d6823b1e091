import { describe, expect, it } from 'vitest'
import { createImportStore } from '../../../src/renderer/src/stores/import-store'
import type { ImportSummary, ImportUpload, Result } from '../../../src/shared/contract'
import { deferred, fakeBridge } from '../../support/renderer/fake-bridge'

const summary = (file: string): ImportSummary => ({ file, format: 'm3u', playlists: [] })

describe('the import store', () => {
  it('previews, then imports only the files whose preview worked', async () => {
    const { bridge, calls } = fakeBridge(async (channel, args) => {
      const { fileName } = args[0] as ImportUpload
      if (fileName === 'bad.txt') return { ok: false, error: `${channel}: bad.txt: no tracks` }
      return { ok: true, value: summary(fileName) }
    })
    const store = createImportStore(bridge)
    const { preview, confirm } = store.getState().api
    await preview([new File(['x'], 'a.m3u8'), new File(['y'], 'bad.txt')])
    expect(store.getState()).toMatchObject({
      phase: 'preview',
      summaries: [summary('a.m3u8')],
      problems: ['import:preview: bad.txt: no tracks'],
    })
    const imported = await confirm()
    expect(imported).toEqual([summary('a.m3u8')])
    expect(calls.filter((c) => c.channel === 'import:apply')).toHaveLength(1)
    expect(store.getState()).toMatchObject({ phase: 'done', problems: [] })
  })

  it('ignores a preview that finishes after it was cancelled', async () => {
    const reply = deferred<Result<ImportSummary>>()
    const { bridge } = fakeBridge(() => reply.promise)
    const store = createImportStore(bridge)
    const { preview, close } = store.getState().api
    const pending = preview([new File(['x'], 'a.m3u8')])
    expect(store.getState().phase).toBe('previewing')
    close()
    reply.resolve({ ok: true, value: summary('a.m3u8') })
    await pending
    expect(store.getState()).toMatchObject({ phase: 'idle', summaries: [] })
  })
})
