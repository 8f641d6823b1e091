import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  checkDroppedPaths,
  describeDrop,
  dropHandlers,
  importDropped,
  MAX_DROPPED_FILES,
  parseDroppedPaths,
  previewDropped,
} from '../../../src/main/electron/drop-import'
import { AppService } from '../../../src/main/core/service/app-service'
import { EventBus } from '../../../src/main/core/events/event-bus'
import type { CoreEvents } from '../../../src/shared/events'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

const jspf = (titles: string[]) =>
  JSON.stringify({
    playlist: {
      title: 'Road Mix',
      identifier: 'urn:uuid:0d3c9a4e-5f1b-4c8d-9e2a-7b6f5a4c3d21',
      track: titles.map((title) => ({ title, creator: 'Massive Attack', duration: 200_000 })),
    },
  })

let catalog: TempCatalog
let app: AppService
let dir: string
const file = (name: string, content: string) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

beforeEach(() => {
  catalog = tempCatalog()
  app = new AppService(catalog.service, { home: catalog.dir, bus: new EventBus<CoreEvents>() })
  dir = join(catalog.dir, 'drops')
  mkdirSync(dir)
})
afterEach(() => catalog.cleanup())

describe('checking dropped paths', () => {
  it('accepts regular files and names every refused one with its reason', async () => {
    const good = file('road.jspf', jspf(['Teardrop']))
    const big = file('huge.csv', '')
    truncateSync(big, 64 * 1024 * 1024 + 1)
    const folder = join(dir, 'a folder')
    mkdirSync(folder)
    const missing = join(dir, 'gone.m3u')
    const outcome = await checkDroppedPaths([good, folder, missing, big])
    expect(outcome.accepted).toEqual([good])
    expect(outcome.problems).toEqual([
      `${folder}: is a folder; drop the playlist export files inside it`,
      `${missing}: does not exist`,
      `${big}: is larger than 64 MB, too big for a playlist export`,
    ])
  })

  it('takes only a non-empty list of absolute paths from the renderer', () => {
    expect(parseDroppedPaths(['/a/b.csv'])).toEqual(['/a/b.csv'])
    expect(() => parseDroppedPaths([])).toThrow('Drop at least one file')
    expect(() => parseDroppedPaths('/a/b.csv')).toThrow('Drop at least one file')
    expect(() => parseDroppedPaths(['relative.csv'])).toThrow(
      'Not an absolute file path: relative.csv',
    )
    expect(() => parseDroppedPaths([42])).toThrow('Not an absolute file path: 42')
    const many = Array.from({ length: MAX_DROPPED_FILES + 1 }, (_, i) => `/x/${i}.csv`)
    expect(() => parseDroppedPaths(many)).toThrow(`at most ${MAX_DROPPED_FILES} files`)
  })
})

describe('previewing and importing dropped files', () => {
  it('refuses unsupported content with a message naming the file, and changes nothing', async () => {
    const notes = file('notes.json', '{"shopping": ["milk"]}')
    const outcome = await importDropped(app, [notes])
    expect(outcome.accepted).toEqual([])
    expect(outcome.problems).toHaveLength(1)
    expect(outcome.problems[0]).toContain(notes)
    expect(outcome.problems[0]).toMatch(/not a playlist/)
    expect(catalog.service.playlists.listPlaylists()).toHaveLength(0)
  })

  it('previews a new playlist, imports it, then previews the diff of a changed export', async () => {
    const path = file('road.jspf', jspf(['Teardrop', 'Angel', 'Unfinished Sympathy']))
    const first = await previewDropped(app, [path])
    expect(first.problems).toEqual([])
    expect(first.accepted[0]?.playlists[0]).toMatchObject({
      name: 'Road Mix',
      created: true,
      added: 3,
    })
    expect(catalog.app.status().catalog).toMatchObject({ playlists: 0 })

    const imported = await importDropped(app, [path])
    expect(imported.accepted[0]?.playlists[0]).toMatchObject({ created: true, added: 3 })

    writeFileSync(path, jspf(['Teardrop', 'Angel', 'Safe From Harm']))
    const diff = await previewDropped(app, [path])
    expect(diff.accepted[0]?.playlists[0]).toMatchObject({
      created: false,
      tracks: 3,
      added: 1,
      kept: 2,
      removed: 1,
    })
    expect(describeDrop(diff)).toBe('Road Mix: 3 tracks, +1 added, 2 kept, −1 removed, 0 moved')
  })

  it('imports the good files of a mixed drop and lists the others', async () => {
    const good = file('road.jspf', jspf(['Teardrop']))
    const folder = join(dir, 'exports')
    mkdirSync(folder)
    const outcome = await importDropped(app, [good, folder])
    expect(outcome.accepted).toHaveLength(1)
    expect(describeDrop(outcome)).toBe(
      [
        'Road Mix (new): 1 track, +1 added, 0 kept, −0 removed, 0 moved',
        '',
        'Not imported:',
        `${folder}: is a folder; drop the playlist export files inside it`,
      ].join('\n'),
    )
  })
})

describe('the drop handlers for the preload', () => {
  it('validate the paths, answer with a Result, and never throw', async () => {
    const handlers = dropHandlers(app)
    const path = file('road.jspf', jspf(['Teardrop', 'Angel']))
    const preview = await handlers['drop:preview']({ paths: [path] })
    expect(preview).toMatchObject({ ok: true, value: { problems: [] } })
    expect(catalog.service.playlists.listPlaylists()).toHaveLength(0)
    expect(await handlers['drop:apply']({ paths: [path] })).toMatchObject({ ok: true })
    expect(catalog.service.playlists.listPlaylists()).toHaveLength(1)
    expect(await handlers['drop:apply']({ paths: ['etc/passwd'] })).toEqual({
      ok: false,
      error: 'drop:apply: Not an absolute file path: etc/passwd',
    })
    expect(await handlers['drop:preview']()).toEqual({
      ok: false,
      error: 'drop:preview: Drop at least one file',
    })
  })
})
