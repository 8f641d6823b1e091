import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CatalogDatabase } from '../../src/main/core/db/catalog-database'
import { LocalIndexRepository } from '../../src/main/core/catalog/local-index-repository'
import { LocalSource } from '../../src/main/core/sources/local/local-source'
import type { ResolvedSong, ResolveOutcome } from '../../src/main/core/sources/types'
import { copyLibrary, LIBRARY, makeTone } from '../support/peers/audio'
import { noAbort, songQuery } from '../support/peers/song-query'

let library: { dir: string; remove(): void }
let dbDir: string
let db: CatalogDatabase
beforeAll(async () => {
  library = await copyLibrary()
  dbDir = mkdtempSync(join(tmpdir(), 'catalogsync-local-db-'))
  db = new CatalogDatabase(join(dbDir, 'catalog.db'))
}, 60_000)
// Every source is closed before the catalog: a scan left running would write to a closed db.
const opened: LocalSource[] = []
afterAll(async () => {
  await Promise.all(opened.map((subject) => subject.close()))
  db?.close()
  library?.remove()
  rmSync(dbDir, { recursive: true, force: true })
})

function source(link = false): LocalSource {
  const config = {
    id: 'nas',
    type: 'local' as const,
    roots: [library.dir],
    link,
    maxConcurrency: 4,
  }
  const subject = new LocalSource(config, { index: new LocalIndexRepository(db) })
  opened.push(subject)
  return subject
}

function matched(outcome: ResolveOutcome): ResolvedSong {
  if (outcome.kind !== 'match') throw new Error(`expected a match, got ${JSON.stringify(outcome)}`)
  return outcome.song
}

const pathOf = (title: string, artist: string) =>
  join(library.dir, LIBRARY.find((song) => song.title === title && song.artist === artist)!.path)

describe('local source on a generated music folder', () => {
  it('indexes every file by its tags on the first resolve, reporting progress', async () => {
    const progress: string[] = []
    const subject = source(true)
    const song = matched(
      await subject.resolve(songQuery('Hello', ['Adele']), {
        signal: noAbort(),
        onProgress: (text) => progress.push(text),
      }),
    )
    expect(song).toMatchObject({
      sourceId: 'nas',
      sourceType: 'local',
      filePath: pathOf('Hello', 'Adele'),
      url: null,
      ext: 'mp3',
      link: true,
      matchedArtists: ['Adele'],
    })
    expect(progress[0]).toBe('scanning local folders')
    expect(progress.at(-1)).toBe(`indexing local files (${LIBRARY.length}/${LIBRARY.length})`)
    expect(new LocalIndexRepository(db).files('nas')).toHaveLength(LIBRARY.length)
  })

  it('tells the two "Hello" songs apart and reads tags of every format', async () => {
    const subject = source()
    const cases = [
      ['Hello', 'Lionel Richie'],
      ['晴天', '周杰伦'],
      ['Jóga', 'Björk'],
      ['Hoppípolla', 'Sigur Rós'],
      ['T.N.T.', 'AC/DC'],
      ["What's Up?", '4 Non Blondes'],
    ] as const
    for (const [title, artist] of cases) {
      const song = matched(await subject.resolve(songQuery(title, [artist]), { signal: noAbort() }))
      expect(song.filePath).toBe(pathOf(title, artist))
      expect(song.link).toBe(false)
    }
    const bySpelling = await subject.resolve(songQuery('JOGA', ['Bjork'], { durationMs: 2000 }), {
      signal: noAbort(),
    })
    expect(matched(bySpelling).filePath).toBe(pathOf('Jóga', 'Björk'))
  })

  it('sends an ambiguous or a weak match to review, and says none for a missing song', async () => {
    const subject = source()
    expect((await subject.resolve(songQuery('Hello', []), { signal: noAbort() })).kind).toBe(
      'review',
    )
    expect(
      (await subject.resolve(songQuery('Hello', ['Metallica']), { signal: noAbort() })).kind,
    ).toBe('review')
    const missing = await subject.resolve(songQuery('Paranoid Android', ['Radiohead']), {
      signal: noAbort(),
    })
    expect(missing).toMatchObject({ kind: 'none' })
  })

  it('re-reads only files whose size or time changed, across source instances', async () => {
    expect(await source().refresh()).toEqual({ files: LIBRARY.length, read: 0, removed: 0 })

    const creep = LIBRARY.find((song) => song.title === 'Creep')!
    await makeTone(join(library.dir, creep.path), {
      ...creep,
      title: 'Creep (Acoustic)',
      seconds: 3,
    })
    unlinkSync(pathOf('Karma Police', 'Radiohead'))
    const added = { ...creep, title: 'Exit Music', album: 'OK Computer', frequency: 600 }
    await makeTone(join(library.dir, 'Radiohead/OK Computer/04 - Exit Music.flac'), added)

    const subject = source()
    expect(await subject.refresh()).toEqual({ files: LIBRARY.length, read: 2, removed: 1 })
    const gone = await subject.resolve(songQuery('Karma Police', ['Radiohead']), {
      signal: noAbort(),
    })
    expect(gone.kind).toBe('none')
    const retagged = await subject.resolve(songQuery('Creep', ['Radiohead']), { signal: noAbort() })
    expect(retagged.kind).toBe('review')
    const fresh = await subject.resolve(songQuery('Exit Music', ['Radiohead']), {
      signal: noAbort(),
    })
    expect(matched(fresh).ext).toBe('flac')
  })

  it('keeps each source id to its own rows', async () => {
    const other = new LocalSource(
      {
        id: 'other',
        type: 'local',
        roots: [join(library.dir, 'Adele')],
        link: false,
        maxConcurrency: 1,
      },
      { index: new LocalIndexRepository(db) },
    )
    expect(await other.refresh()).toEqual({ files: 1, read: 1, removed: 0 })
    expect(new LocalIndexRepository(db).files('nas').length).toBeGreaterThan(1)
    await other.close()
  })

  it('stops waiting for the index when the caller aborts', async () => {
    const controller = new AbortController()
    controller.abort(new Error('canceled'))
    await expect(
      source().resolve(songQuery('Hello', ['Adele']), { signal: controller.signal }),
    ).rejects.toThrow('canceled')
  })
})
