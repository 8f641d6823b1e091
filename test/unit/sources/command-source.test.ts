import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CommandSource } from '../../../src/main/core/sources/command/command-source'
import {
  expandArguments,
  placeholderValues,
} from '../../../src/main/core/sources/command/command-args'
import { parseCommandOutput } from '../../../src/main/core/sources/command/command-output'
import type { SongQuery } from '../../../src/main/core/matching/candidate'
import type { ResolveOutcome } from '../../../src/main/core/sources/types'
import { songQuery } from '../../support/peers/song-query'

const extractor = join(__dirname, '..', '..', 'fixtures', 'sources', 'fake-extractor.mjs')
const work = mkdtempSync(join(tmpdir(), 'catalogsync-command-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const query = (fields: Partial<SongQuery> = {}): SongQuery =>
  songQuery('Hello', ['Adele'], { album: '25', ...fields })

function source(args: string[], timeoutMs = 10_000): CommandSource {
  return new CommandSource({
    id: 'fake',
    type: 'command',
    command: [process.execPath, extractor, ...args],
    timeoutMs,
    maxConcurrency: 1,
  })
}

function resolveWith(
  args: string[],
  fields: Partial<SongQuery> = {},
  signal = new AbortController().signal,
): Promise<ResolveOutcome> {
  return source(args).resolve(query(fields), { signal })
}

/** The arguments the fake extractor received, as it echoed them. */
function echoedArgv(outcome: ResolveOutcome): string[] {
  if (outcome.kind !== 'match') throw new Error(`expected a match, got ${JSON.stringify(outcome)}`)
  return JSON.parse(outcome.song.headers['x-argv'] ?? '[]') as string[]
}

describe('command source: hostile titles', () => {
  const hostile = ['--exec touch pwned', '; rm -rf x', '$(touch x)', '`touch x`', '\' " \\ *']

  it('passes each title as one literal argument after "--", never through a shell', async () => {
    for (const title of hostile) {
      const outcome = await source(['echo', '--', '{title}']).resolve(query({ title }), {
        signal: new AbortController().signal,
      })
      expect(echoedArgv(outcome)).toEqual(['--', title])
    }
    for (const name of ['x', 'pwned']) {
      expect(existsSync(join(process.cwd(), name))).toBe(false)
      expect(existsSync(join(work, name))).toBe(false)
    }
  })

  it('refuses a value that would start an option when no "--" comes before it', async () => {
    const outcome = await resolveWith(['echo', '{title}'], { title: '--exec touch pwned' })
    expect(outcome).toEqual({
      kind: 'none',
      reason: expect.stringMatching(
        /^command source: refusing to pass "--exec touch pwned".*put "--" before placeholders/,
      ),
    })
    expect((await resolveWith(['echo', '{query}'], { artists: ['-rf'] })).kind).toBe('none')
    expect((await resolveWith(['echo', '{title}'], { title: '  -x' })).kind).toBe('none')
  })

  it('allows a dash inside an argument, in an option value, or after "--"', async () => {
    const outcome = await resolveWith(
      ['echo', 'ytsearch1:{query}', '--title={title}', '--', '{title}'],
      { title: '-1', artists: [] },
    )
    expect(echoedArgv(outcome)).toEqual(['ytsearch1:-1', '--title=-1', '--', '-1'])
  })

  it('turns control characters into spaces', async () => {
    const outcome = await resolveWith(['echo', '--', '{title}'], { title: 'a\nb\u0000c' })
    expect(echoedArgv(outcome)).toEqual(['--', 'a b c'])
  })

  it('substitutes in one pass: a title naming a placeholder stays as written', () => {
    const values = placeholderValues(query({ title: '{artist}' }))
    expect(expandArguments(['x', '{title}/{artist}'], values)).toEqual({
      ok: true,
      argv: ['x', '{artist}/Adele'],
    })
    expect(values.query).toBe('Adele - {artist}')
  })

  it('says none when a placeholder has nothing to stand for', async () => {
    expect(await resolveWith(['echo', '--', '{location}'])).toEqual({
      kind: 'none',
      reason: 'command source: the track has no location for {location}',
    })
  })
})

describe('command source: output', () => {
  const entry = (fields: object) => JSON.stringify({ url: 'http://127.0.0.1:9/a.mp3', ...fields })

  it('matches searched entries and keeps url, headers, ext, size and expiry', async () => {
    const outcome = await resolveWith([
      'entries',
      'not json',
      entry({ id: 'r', title: 'Lionel Richie - Hello', duration: 248 }),
      entry({
        id: 'a',
        url: 'https://127.0.0.1:9/v?expire=1800000000',
        title: 'Adele - Hello (Official)',
        track: 'Hello',
        artist: 'Adele',
        ext: 'M4A',
        filesize: 1234,
        http_headers: { Referer: 'x' },
      }),
    ])
    expect(outcome).toMatchObject({
      kind: 'match',
      song: {
        sourceId: 'fake',
        sourceType: 'command',
        trackId: 'a',
        url: 'https://127.0.0.1:9/v?expire=1800000000',
        headers: { Referer: 'x' },
        ext: 'm4a',
        sizeBytes: 1234,
        expiresAt: 1_800_000_000_000,
        matchedTitle: 'Hello',
        matchedArtists: ['Adele'],
      },
    })
  })

  it('reads a playlist object and finds the artist in an "Artist - Title" title', async () => {
    const outcome = await resolveWith([
      'playlist',
      entry({ id: '1', title: 'Lionel Richie - Hello' }),
      entry({ id: '2', title: 'Adele - Hello' }),
    ])
    expect(outcome).toMatchObject({ kind: 'match', song: { trackId: '2' } })
  })

  it('names the artist after a " - Topic" or "VEVO" channel when the site tagged none', () => {
    for (const channel of ['Adele - Topic', 'AdeleVEVO']) {
      const [candidate] = parseCommandOutput(entry({ id: 't', title: 'Hello', channel }))
      expect(candidate).toMatchObject({
        title: 'Hello',
        artists: [],
        channel,
        shown: { title: 'Hello', artists: ['Adele'] },
      })
    }
  })

  it('offers a weak result for review, and says none when nothing usable came out', async () => {
    const review = await resolveWith([
      'entries',
      entry({ id: 'r', title: 'Lionel Richie - Hello' }),
    ])
    expect(review).toMatchObject({ kind: 'review', candidates: [{ trackId: 'r' }] })
    const none = await resolveWith([
      'entries',
      entry({ url: 'file:///etc/passwd', title: 'Hello' }),
    ])
    expect(none).toEqual({
      kind: 'none',
      reason: expect.stringMatching(/no entry with an http\(s\) url/),
    })
  })

  it('takes the first entry for a {location} command, under the export names', async () => {
    const outcome = await resolveWith(['echo', '--', '{location}'], {
      location: 'http://127.0.0.1:9/song.mp3',
    })
    expect(outcome).toMatchObject({
      kind: 'match',
      song: { score: 1, matchedTitle: 'Hello', matchedArtists: ['Adele'] },
    })
  })
})

describe('command source: failures', () => {
  it('reports a failed run with its stderr error lines, credentials redacted', async () => {
    const error = await resolveWith(['fail']).then(
      () => new Error('expected a failure'),
      (caught: unknown) => caught as Error,
    )
    expect(error.message).toMatch(/exited with code 2: ERROR: Unable to download/)
    expect(error.message).not.toContain('enc:736563726574')
    expect(error.message).not.toContain('WARNING')
  })

  it('kills the process group on timeout, grandchildren included', async () => {
    const pidFile = join(work, 'grandchild.pid')
    const started = Date.now()
    const error = await source(['hang', pidFile], 1500)
      .resolve(query(), { signal: new AbortController().signal })
      .then(
        () => new Error('expected a failure'),
        (caught: unknown) => caught as Error,
      )
    expect(error.message).toMatch(/took longer than 1500ms/)
    expect(Date.now() - started).toBeLessThan(5000)
    await expectGone(Number(readFileSync(pidFile, 'utf8')))
    rmSync(pidFile)
  })

  it('stops at once when the signal aborts', async () => {
    const controller = new AbortController()
    const pending = source(['hang', join(work, 'abort.pid')]).resolve(query(), {
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(new Error('canceled by test')), 300)
    await expect(pending).rejects.toThrow('canceled by test')
    rmSync(join(work, 'abort.pid'), { force: true })
  })

  it('refuses an endless output and a program that does not exist', async () => {
    await expect(resolveWith(['flood', String(20 * 1024 * 1024)])).rejects.toThrow(
      /printed more than/,
    )
    const missing = new CommandSource({
      id: 'missing',
      type: 'command',
      command: ['/nonexistent/yt-dlp', '--', '{title}'],
      timeoutMs: 5000,
      maxConcurrency: 1,
    })
    await expect(
      missing.resolve(query(), { signal: new AbortController().signal }),
    ).rejects.toThrow(/cannot run "\/nonexistent\/yt-dlp": .*ENOENT/)
  })

  it('leaves nothing behind in its working folder', () => {
    expect(readdirSync(work)).toEqual([])
  })
})

/** Gone, or a zombie nobody reaped yet (a container's init may never reap it). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
}

async function expectGone(pid: number): Promise<void> {
  const deadline = Date.now() + 3000
  while (running(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} is still running`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
