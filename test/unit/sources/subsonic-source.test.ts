import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { RateLimitedError } from '../../../src/main/core/net/http-errors'
import { supportsTokenAuth } from '../../../src/main/core/sources/subsonic/subsonic-client'
import {
  SubsonicSource,
  searchTexts,
} from '../../../src/main/core/sources/subsonic/subsonic-source'
import type { ResolveOutcome } from '../../../src/main/core/sources/types'
import {
  envelope,
  failed,
  FAKE_PASSWORD,
  startFakeSubsonic,
  type FakeSubsonic,
} from '../../support/peers/fake-subsonic-server'
import { songQuery } from '../../support/peers/song-query'

const PASSWORD_HEX = Buffer.from(FAKE_PASSWORD).toString('hex')
const adele = {
  id: 'a1',
  title: 'Hello',
  artist: 'Adele',
  album: '25',
  duration: 295,
  size: 4321,
  suffix: 'mp3',
  coverArt: 'al-25',
}
const richie = { id: 7, title: 'Hello', artist: 'Lionel Richie', duration: 248, suffix: 'MP3' }

const query = songQuery

let fake: FakeSubsonic
beforeEach(async () => {
  fake = await startFakeSubsonic()
  fake.songs.push(adele, richie)
})
afterEach(() => fake.stop())

function source(password = FAKE_PASSWORD, timeoutMs = 5000): SubsonicSource {
  const config = { id: 'home', type: 'subsonic' as const, url: fake.url, user: 'alice', password }
  return new SubsonicSource({ ...config, maxConcurrency: 2 }, { timeoutMs })
}

async function resolve(title: string, artists: string[], subject = source()) {
  const progress: string[] = []
  const outcome = await subject.resolve(query(title, artists), {
    signal: new AbortController().signal,
    onProgress: (text) => progress.push(text),
  })
  return { outcome, progress }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(FAKE_PASSWORD)
  expect(text).not.toContain(PASSWORD_HEX)
}

describe('subsonic source: auth', () => {
  it('uses p=enc:<hex> below API 1.13.0, after an unauthenticated ping for the version', async () => {
    const { outcome } = await resolve('Hello', ['Adele'])
    expect(outcome.kind).toBe('match')
    const [probe, ...rest] = fake.requests
    expect(probe?.method).toBe('ping')
    expect(probe?.params.has('p')).toBe(false)
    for (const { params } of fake.requests) {
      expect([params.get('u'), params.get('c'), params.get('f')]).toEqual([
        'alice',
        'catalogsync',
        'json',
      ])
      expect(params.get('v')).toBe('1.10.2')
      expect(params.has('t') || params.has('s')).toBe(false)
    }
    for (const { params } of rest) expect(params.get('p')).toBe(`enc:${PASSWORD_HEX}`)
  })

  it('uses token auth from API 1.13.0: t = md5(password + salt), never p', async () => {
    fake.version = '1.16.1'
    const { outcome } = await resolve('Hello', ['Adele'])
    if (outcome.kind !== 'match') throw new Error(outcome.kind)
    const url = new URL(outcome.song.url!)
    const salt = url.searchParams.get('s')!
    expect(url.searchParams.get('t')).toBe(
      createHash('md5')
        .update(FAKE_PASSWORD + salt)
        .digest('hex'),
    )
    expect(url.searchParams.get('v')).toBe('1.16.1')
    expect(fake.requests.some(({ params }) => params.has('p'))).toBe(false)
    expectNoSecret(outcome.song.url!)
  })

  it('falls back to p=enc when the server refuses tokens (error 41)', async () => {
    fake.version = '1.16.1'
    fake.overrides.set('ping', (params, response) => {
      if (!params.has('t')) return false
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(failed(41, 'Token authentication not supported', '1.16.1'))
      return true
    })
    expect((await resolve('Hello', ['Adele'])).outcome.kind).toBe('match')
    expect(fake.requests.at(-1)?.params.get('p')).toBe(`enc:${PASSWORD_HEX}`)
  })

  it('reports a wrong password clearly and without the password', async () => {
    const error = await failure(resolve('Hello', ['Adele'], source('wrong')))
    expect(error.message).toBe('subsonic: wrong username or password (error 40)')
    expectNoSecret(error.message)
  })

  it('reads an XML error envelope from a server that ignores f=json', async () => {
    fake.overrides.set('ping', (params, response) => {
      if (!params.has('p')) return false
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
      response.end(
        '<subsonic-response status="failed" version="1.10.2" xmlns="http://subsonic.org/restapi">' +
          '<error code="40" message="Wrong username or password." /></subsonic-response>',
      )
      return true
    })
    const error = await failure(resolve('Hello', ['Adele']))
    expect(error.message).toBe('subsonic: wrong username or password (error 40)')
  })

  it('compares API versions numerically', () => {
    expect(['1.9.0', '1.12.9', '1.13.0', '1.16.1', '2.0'].map(supportsTokenAuth)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ])
  })
})

describe('subsonic source: search and download', () => {
  it('searches "title artist", then "title", and picks the right artist', async () => {
    const { outcome, progress } = await resolve('Hello', ['Lionel Richie'])
    expect(outcome).toMatchObject({
      kind: 'match',
      song: { trackId: '7', ext: 'mp3', matchedArtists: ['Lionel Richie'], sizeBytes: 4321 },
    })
    const searches = fake.requests
      .filter((r) => r.method === 'search3')
      .map((r) => r.params.get('query'))
    expect(searches).toEqual(['Hello Lionel Richie', 'Hello'])
    expect(progress).toEqual([
      'connecting to subsonic',
      'searching subsonic (1/2)',
      'searching subsonic (2/2)',
      'checking subsonic download',
    ])
  })

  it('builds the download URL with auth params, no headers, ext and size from search3', async () => {
    const { outcome } = await resolve('Hello', ['Adele'])
    if (outcome.kind !== 'match') throw new Error(outcome.kind)
    const url = new URL(outcome.song.url!)
    expect(url.pathname).toBe('/rest/download.view')
    expect(url.searchParams.get('id')).toBe('a1')
    expect(url.searchParams.get('p')).toBe(`enc:${PASSWORD_HEX}`)
    expect(outcome.song).toMatchObject({ headers: {}, ext: 'mp3', sizeBytes: 4321, filePath: null })
  })

  it("offers the song's cover through getCoverArt, and none when it has no coverArt", async () => {
    const { outcome } = await resolve('Hello', ['Adele'])
    if (outcome.kind !== 'match') throw new Error(outcome.kind)
    const cover = new URL(outcome.song.coverUrl!)
    expect(cover.pathname).toBe('/rest/getCoverArt.view')
    expect(cover.searchParams.get('id')).toBe('al-25')
    expect(cover.searchParams.get('p')).toBe(`enc:${PASSWORD_HEX}`)
    const other = await resolve('Hello', ['Lionel Richie'])
    expect(other.outcome).toMatchObject({ kind: 'match', song: { coverUrl: null } })
  })

  it('stops searching once a search yields a match', async () => {
    fake.overrides.set('search3', (_params, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(envelope({ searchResult3: { song: [adele] } }))
      return true
    })
    await resolve('Hello', ['Adele'])
    expect(fake.requests.filter((r) => r.method === 'search3')).toHaveLength(1)
  })

  it('treats omitted lists as empty, and skips folders and malformed songs', async () => {
    fake.songs.splice(0, fake.songs.length, { id: 'd', title: 'Hello', isDir: true }, {
      id: 'x',
      title: 3,
    } as never)
    expect((await resolve('Hello', ['Adele'])).outcome).toEqual({
      kind: 'none',
      reason: 'no candidates found',
    })
    fake.overrides.set('search3', (_params, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(envelope({}))
      return true
    })
    expect((await resolve('Hello', ['Adele'])).outcome.kind).toBe('none')
  })

  it('uses OpenSubsonic artists and sends a weak match to review', async () => {
    fake.songs.splice(0, fake.songs.length, {
      id: 'os',
      title: 'Hello',
      artist: 'Adele & Someone',
      artists: [{ id: '1', name: 'Lionel Richie' }],
    })
    const { outcome } = await resolve('Hello', ['Adele'])
    expect(outcome).toMatchObject({
      kind: 'review',
      candidates: [{ trackId: 'os', artists: ['Lionel Richie'] }],
    })
  })

  it('turns an error envelope on download into an error, never audio', async () => {
    fake.overrides.set('download', (_params, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(failed(70, 'Track or Album not found'))
      return true
    })
    const error = await failure(resolve('Hello', ['Adele']))
    expect(error.message).toBe('subsonic: not found: Track or Album not found (error 70)')
  })

  it('refuses an HTML page or an XML body as a download', async () => {
    for (const type of ['text/html; charset=utf-8', 'application/xml']) {
      fake.overrides.set('download', (_params, response) => {
        response.writeHead(200, { 'content-type': type }).end('<html>login</html>')
        return true
      })
      const error = await failure(resolve('Hello', ['Adele']))
      expect(error.message).toBe(`subsonic: the download answered ${type}, not audio`)
    }
  })
})

describe('subsonic source: server trouble', () => {
  it('turns 429 and 503 into RateLimitedError with Retry-After, URL redacted', async () => {
    for (const status of [429, 503]) {
      fake.overrides.set('search3', (_params, response) => {
        response
          .writeHead(status, { 'retry-after': '2', 'content-type': 'text/plain' })
          .end('slow down')
        return true
      })
      const error = await failure(resolve('Hello', ['Adele']))
      expect(error).toBeInstanceOf(RateLimitedError)
      expect((error as RateLimitedError).retryAfterMs).toBe(2000)
      expect((error as RateLimitedError).status).toBe(status)
      expect(error.message).toContain('p=***')
      expectNoSecret(error.message)
    }
  })

  it('says so when the URL is not a Subsonic server', async () => {
    fake.overrides.set('ping', (_params, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body>router login</body></html>')
      return true
    })
    const error = await failure(resolve('Hello', ['Adele']))
    expect(error.message).toMatch(
      /^subsonic: http:\/\/127\.0\.0\.1:\d+\/rest\/ping\.view\?.* did not answer like a Subsonic server$/,
    )
  })

  it('times out on a server that never answers, and retries the handshake next time', async () => {
    fake.overrides.set('ping', () => true)
    const subject = source(FAKE_PASSWORD, 300)
    const error = await failure(resolve('Hello', ['Adele'], subject))
    expect(error.message).toMatch(/^subsonic: no answer from .* within 300ms$/)
    fake.overrides.delete('ping')
    expect((await resolve('Hello', ['Adele'], subject)).outcome.kind).toBe('match')
  })

  it('gives up at once when the caller aborts', async () => {
    fake.overrides.set('search3', () => true)
    const controller = new AbortController()
    const pending = source().resolve(query('Hello', ['Adele']), { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('paused')), 100)
    await expect(pending).rejects.toThrow('paused')
  })

  it('never puts the password in progress text or outcomes', async () => {
    const { outcome, progress } = await resolve('Hello', [])
    expectNoSecret(JSON.stringify({ outcome, progress }))
    expect(outcome.kind).toBe('review')
  })
})

describe('searchTexts', () => {
  it('tries title with artist, the title, then the title without extras', () => {
    expect(searchTexts(query('Hello (Live)', ['Adele', 'X']))).toEqual([
      'Hello (Live) Adele',
      'Hello (Live)',
      'Hello',
    ])
    expect(searchTexts(query('晴天', []))).toEqual(['晴天'])
    expect(searchTexts(query(' ', []))).toEqual([])
  })

  it('leaves a song without a title unresolved', async () => {
    const outcome: ResolveOutcome = (await resolve('', ['Adele'])).outcome
    expect(outcome).toEqual({ kind: 'none', reason: 'the track has no title to search for' })
    expect(fake.requests).toEqual([])
  })
})
