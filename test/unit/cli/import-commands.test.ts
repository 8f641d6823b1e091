import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../../src/main/cli/run-cli'
import type { CliIo } from '../../../src/main/cli/cli-io'

const fixtures = join(__dirname, '..', '..', 'fixtures', 'import')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-import-cli-'))
  dirs.push(dir)
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} }
  return { dir, db: join(dir, 'catalog.db'), io, out, err }
}

describe('catalogsync inspect', () => {
  it('prints the contracted JSON shape and touches no catalog', async () => {
    const { db, io, out, err } = setup()
    const file = join(fixtures, 'weekend.csv')
    expect(await runCli(['--db', db, 'inspect', file, '--json'], io)).toBe(0)
    expect(err).toEqual([])
    expect(JSON.parse(out.join(''))).toEqual({
      file,
      format: 'exportify_csv',
      playlists: [
        {
          name: null,
          tracks: [
            expect.objectContaining({ title: 'Bohemian Rhapsody', artists: ['Queen'] }),
            {
              title: 'bad guy',
              artists: ['Billie Eilish'],
              album: 'WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?',
              durationMs: 194087,
              location: null,
              localPath: null,
              sourceId: 'spotify:track:2Fxmhks0bxGSBdJ92vM42m',
            },
          ],
        },
      ],
    })
    expect(existsSync(db)).toBe(false)
  })

  it('prints a readable table without --json', async () => {
    const { io, out } = setup()
    expect(await runCli(['inspect', join(fixtures, 'road-trip-v1.m3u8')], io)).toBe(0)
    expect(out.join('\n')).toMatch(/Road Trip — 4 track\(s\)/)
    expect(out.join('\n')).toMatch(/ 5:55 /)
  })

  it('shows track lengths clock-style as the window does, hours included, blank when unknown', async () => {
    const { dir, io, out } = setup()
    const file = join(dir, 'long.m3u8')
    writeFileSync(
      file,
      '#EXTM3U\n#EXTINF:4500,Band - Long Mix\nlong.mp3\n#EXTINF:-1,Band - Stream\nstream.mp3\n',
    )
    expect(await runCli(['inspect', file], io)).toBe(0)
    const rows = out.join('\n').split('\n')
    expect(rows.find((row) => row.includes('Long Mix'))).toMatch(/ {2}1:15:00 {2}long\.mp3$/)
    expect(rows.find((row) => row.includes('Stream'))).toMatch(/ {2} {6} {2}stream\.mp3$/)
  })

  it('names the file and the problem in one line, exit status 1', async () => {
    const { dir, io, out, err } = setup()
    const bad = join(dir, 'broken.json')
    writeFileSync(bad, '{"code": 401, "message": "token expired"}')
    expect(await runCli(['inspect', bad, '--json'], io)).toBe(1)
    expect(out).toEqual([])
    expect(err).toHaveLength(1)
    expect(err[0]).toContain(`catalogsync: ${bad}: `)
    expect(err[0]).not.toMatch(/\n|at .*\(/)
  })
})

describe('catalogsync import', () => {
  it('imports each file in its own transaction and reports the diff per playlist', async () => {
    const { dir, db, io, out, err } = setup()
    const bad = join(dir, 'empty.m3u8')
    writeFileSync(bad, '')
    const files = [join(fixtures, 'road-trip-v1.m3u8'), bad, join(fixtures, 'weekend.csv')]
    expect(await runCli(['--db', db, 'import', ...files], io)).toBe(1)
    expect(out).toEqual([
      expect.stringMatching(
        /^#1 Road Trip \(new\): 4 tracks — 4 added, 0 kept, 0 removed, 0 moved$/,
      ),
      expect.stringMatching(/^#2 weekend \(new\): 2 tracks — 2 added/),
    ])
    expect(err).toEqual([expect.stringContaining(`${bad}: `)])
  })

  it('prints one JSON object with --json and exits 0 when every file imported', async () => {
    const { db, io, out } = setup()
    const file = join(fixtures, 'road-trip-v1.m3u8')
    expect(await runCli(['--db', db, 'import', file, '--json'], io)).toBe(0)
    expect(await runCli(['--db', db, 'import', file, '--json'], io)).toBe(0)
    const second = JSON.parse(out[1]!)
    expect(second.errors).toEqual([])
    expect(second.imported[0].playlists[0]).toMatchObject({
      playlistId: 1,
      created: false,
      added: 0,
      kept: 4,
      removed: 0,
      moved: 0,
    })
  })

  it('needs at least one file', async () => {
    const { io, err } = setup()
    expect(await runCli(['import'], io)).toBe(2)
    expect(err).toEqual(['catalogsync: import needs FILE', 'See "catalogsync import --help".'])
  })
})

describe('catalogsync settings', () => {
  it('stores a config file in the catalog and shows it without passwords', async () => {
    const { dir, db, io, out } = setup()
    const config = join(dir, 'sync.json')
    writeFileSync(
      config,
      JSON.stringify({
        downloaders: 6,
        sources: [
          {
            id: 'nd',
            type: 'subsonic',
            url: 'http://127.0.0.1:4533',
            user: 'me',
            password: 'hunter2',
          },
        ],
      }),
    )
    expect(await runCli(['--db', db, 'settings', 'import', config, '--json'], io)).toBe(0)
    expect(await runCli(['--db', db, 'settings', '--json'], io)).toBe(0)
    const shown = JSON.parse(out[1]!)
    expect(shown).toMatchObject({ downloaders: 6, sources: [{ id: 'nd', password: '***' }] })
    expect(out.join('')).not.toContain('hunter2')
  })
})
