import { describe, expect, it } from 'vitest'
import {
  importFiles,
  MAX_EXPORT_BYTES,
  toBase64,
} from '../../../src/renderer/src/model/import-files'
import { summarise } from '../../../src/renderer/src/screens/import/import-summary'
import type { ImportSummary, ImportUpload } from '../../../src/shared/contract'
import { fakeBridge } from '../../support/renderer/fake-bridge'

const summary = (file: string, added = 2, created = true): ImportSummary => ({
  file,
  format: 'm3u',
  playlists: [
    {
      playlistId: 1,
      name: file,
      created,
      tracks: 2,
      added,
      kept: 0,
      removed: 0,
      moved: 0,
      unresolved: 0,
    },
  ],
})

describe('reading files for an import', () => {
  it('encodes bytes as base64, large ones too', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256)
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })

  it('uploads each file in a browser and names every file the service refuses', async () => {
    const { bridge, calls } = fakeBridge(async (_channel, args) => {
      const upload = args[0] as ImportUpload
      return upload.fileName === 'good.m3u8'
        ? { ok: true, value: summary('good.m3u8') }
        : { ok: false, error: 'import:preview: not a playlist export I know' }
    })
    const files = [
      new File(['#EXTM3U\n'], 'good.m3u8'),
      new File(['<html>'], 'page.html'),
      { name: 'huge.csv', size: MAX_EXPORT_BYTES + 1 } as File,
    ]
    const outcome = await importFiles(bridge, 'preview', files)
    expect(outcome.accepted).toEqual([summary('good.m3u8')])
    expect(outcome.problems).toEqual([
      'page.html: import:preview: not a playlist export I know',
      expect.stringMatching(/^huge\.csv: is larger than 64 MB/),
    ])
    expect(calls[0]).toEqual({
      channel: 'import:preview',
      args: [{ fileName: 'good.m3u8', contentBase64: Buffer.from('#EXTM3U\n').toString('base64') }],
    })
    expect(calls).toHaveLength(2)
  })

  it('hands the files to the desktop drop channels when the bridge has them', async () => {
    const { bridge, calls } = fakeBridge(async () => ({ ok: true, value: null }))
    const seen: string[] = []
    bridge.dropFiles = async (channel, files) => {
      seen.push(`${channel} ${files.length}`)
      return {
        ok: true,
        value: { accepted: [summary('a.m3u8')], problems: ['b.txt: is a folder'] },
      }
    }
    const outcome = await importFiles(bridge, 'apply', [new File([''], 'a.m3u8')])
    expect(seen).toEqual(['drop:apply 1'])
    expect(calls).toEqual([])
    expect(outcome.problems).toEqual(['b.txt: is a folder'])
  })
})

describe('the import summary', () => {
  it('says what changed in one sentence', () => {
    const updated: ImportSummary = {
      file: 'b.csv',
      format: 'csv',
      playlists: [
        {
          playlistId: 2,
          name: 'B',
          created: false,
          tracks: 9,
          added: 1,
          kept: 7,
          removed: 2,
          moved: 1,
          unresolved: 0,
        },
      ],
    }
    expect(summarise([summary('a.m3u8', 1200), updated])).toBe(
      '2 playlists (1 new): 1,201 songs added, 2 removed, 1 moved.',
    )
    expect(summarise([])).toBe('Nothing was imported.')
  })
})
