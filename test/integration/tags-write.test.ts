import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import {
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { IAudioMetadata } from 'music-metadata'
import { hashFile } from '../../src/main/core/transfer/content-hash'
import { readTags } from '../../src/main/core/sources/local/read-tags'
import { FileTagger } from '../../src/main/core/tags/file-tagger'
import type { SongTags } from '../../src/main/core/tags/song-tags'

const run = promisify(execFile)

const CODECS = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '96k'],
  flac: ['-c:a', 'flac'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '2'],
  opus: ['-c:a', 'libopus', '-b:a', '48k'],
  m4a: ['-c:a', 'aac', '-b:a', '96k'],
  wav: ['-c:a', 'pcm_s16le'],
} as const
type Ext = keyof typeof CODECS

let dir: string
let server: Server
let base: string
let jpeg: Buffer
let png: Buffer

/** A one-second tone with a title and genre already in its tags, as a source would serve. */
async function tone(name: string, ext: Ext): Promise<string> {
  const file = join(dir, `${name}.${ext}`)
  await run('ffmpeg', [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi'],
    ...['-i', 'sine=frequency=440:duration=1:sample_rate=48000', '-ac', '2'],
    ...CODECS[ext],
    ...['-metadata', 'title=Old title', '-metadata', 'genre=Test'],
    file,
  ])
  return file
}

async function picture(ext: 'jpg' | 'png'): Promise<Buffer> {
  const file = join(dir, `cover.${ext}`)
  await run('ffmpeg', [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=red:s=64x64'],
    ...['-frames:v', '1', file],
  ])
  return readFileSync(file)
}

/** The audio packets' md5: equal before and after means the audio was not re-encoded. */
async function audioDigest(file: string): Promise<string> {
  const args = [
    '-nostdin',
    '-v',
    'error',
    '-i',
    file,
    '-map',
    '0:a',
    '-c',
    'copy',
    '-f',
    'md5',
    '-',
  ]
  return (await run('ffmpeg', args)).stdout.trim()
}

async function readBack(file: string): Promise<IAudioMetadata> {
  const { parseFile } = await import('music-metadata')
  return parseFile(file)
}

function serveCovers(): Promise<void> {
  server = createServer((request, response) => {
    const send = (status: number, type: string, body: Buffer | string) =>
      response.writeHead(status, { 'content-type': type }).end(body)
    switch (request.url) {
      case '/cover.jpg':
        return send(200, 'image/jpeg', jpeg)
      case '/moved':
        return response.writeHead(302, { location: '/cover.png' }).end()
      case '/cover.png':
        return send(200, 'image/png; charset=binary', png)
      case '/page':
        return send(200, 'text/html', '<html>cover</html>')
      case '/lying.jpg':
        return send(200, 'image/jpeg', '<html>not a picture</html>')
      case '/silent.jpg':
        return undefined
      case '/huge.jpg':
        return send(200, 'image/jpeg', Buffer.concat([jpeg, Buffer.alloc(4096)]))
      default:
        return send(404, 'text/plain', 'not found')
    }
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', done))
}

function tagsFor(cover: string | null): SongTags {
  return {
    title: '晴天 (Live)',
    artists: ['周杰伦', 'AC/DC'],
    album: '叶惠美',
    isrc: 'TWK970300203',
    sourceTag: 'spotify:4iV5W9uYEdYUVa79Axb7Rh',
    track: 3,
    trackCount: 11,
    disc: 1,
    discCount: 2,
    coverUrls: cover ? [`${base}${cover}`] : [],
  }
}

const signal = new AbortController().signal

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'catalogsync-tags-'))
  jpeg = await picture('jpg')
  png = await picture('png')
  await serveCovers()
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('writing tags into a downloaded file', () => {
  const formats: Ext[] = ['mp3', 'flac', 'ogg', 'opus', 'm4a']
  it.each(formats)('%s: reads back what was written, audio untouched', async (ext) => {
    const file = await tone(`song-${ext}`, ext)
    const audioBefore = await audioDigest(file)
    const outcome = await new FileTagger().tag(file, tagsFor('/cover.jpg'), signal)
    expect(outcome.problems).toEqual([])
    expect(outcome.file).toEqual({
      sizeBytes: statSync(file).size,
      contentHash: await hashFile(file),
    })
    const { common } = await readBack(file)
    expect(common.title).toBe('晴天 (Live)')
    // MP4 keeps one artist text: the names are written joined.
    expect(common.artists).toEqual(ext === 'm4a' ? ['周杰伦; AC/DC'] : ['周杰伦', 'AC/DC'])
    expect(common.album).toBe('叶惠美')
    expect(common.isrc).toEqual(['TWK970300203'])
    expect(common.track).toEqual({ no: 3, of: 11 })
    expect(common.disk).toEqual({ no: 1, of: 2 })
    expect(common.genre).toEqual(['Test'])
    // The library check finds the file again by the export's id.
    expect((await readTags(file)).sourceTag).toBe('spotify:4iV5W9uYEdYUVa79Axb7Rh')
    expect(common.picture).toHaveLength(1)
    expect(common.picture?.[0]?.format).toBe('image/jpeg')
    expect(Buffer.from(common.picture![0]!.data).equals(jpeg)).toBe(true)
    expect(await audioDigest(file)).toBe(audioBefore)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tagging'))).toEqual([])
  })

  it('keeps what the file says where the song knows nothing', async () => {
    const file = await tone('unknown', 'mp3')
    const tags = { ...tagsFor(null), title: null, album: null, isrc: null, track: null }
    const outcome = await new FileTagger().tag(file, tags, signal)
    expect(outcome.problems).toEqual([])
    const { common } = await readBack(file)
    expect(common.title).toBe('Old title')
    expect(common.album).toBeUndefined()
    expect(common.picture).toBeUndefined()
  })

  it('follows a redirect to a PNG cover', async () => {
    const file = await tone('png', 'flac')
    const outcome = await new FileTagger().tag(file, tagsFor('/moved'), signal)
    expect(outcome.problems).toEqual([])
    const { common } = await readBack(file)
    expect(common.picture?.[0]?.format).toBe('image/png')
    expect(Buffer.from(common.picture![0]!.data).equals(png)).toBe(true)
  })

  it.each([
    ['/page', /text\/html, not a picture/],
    ['/lying.jpg', /is not a JPEG or PNG picture/],
    ['/huge.jpg', /larger than|more than/],
    ['/missing.jpg', /HTTP 404/],
  ])('a cover at %s is refused and reported, the tags still written', async (path, reason) => {
    const file = await tone(`cover-${path.replace(/\W/g, '')}`, 'ogg')
    const tagger = new FileTagger({ coverMaxBytes: jpeg.length + 1024 })
    const outcome = await tagger.tag(file, tagsFor(path), signal)
    expect(outcome.problems).toHaveLength(1)
    expect(outcome.problems[0]).toMatch(/^no cover picture: cover http:\/\/127\.0\.0\.1/)
    expect(outcome.problems[0]).toMatch(reason)
    expect(outcome.file?.contentHash).toBe(await hashFile(file))
    const { common } = await readBack(file)
    expect(common.title).toBe('晴天 (Live)')
    expect(common.picture).toBeUndefined()
  })

  it('gives up on a cover server that does not answer in time', async () => {
    const file = await tone('silent-cover', 'mp3')
    const tagger = new FileTagger({ coverTimeoutMs: 300 })
    const outcome = await tagger.tag(file, tagsFor('/silent.jpg'), signal)
    expect(outcome.problems).toEqual([expect.stringMatching(/silent\.jpg: timed out$/)])
    expect((await readBack(file)).common.title).toBe('晴天 (Live)')
  })

  it('tries the next cover when the first cannot be fetched', async () => {
    const file = await tone('second-cover', 'mp3')
    const tags = { ...tagsFor(null), coverUrls: [`${base}/page`, `${base}/cover.jpg`] }
    const outcome = await new FileTagger().tag(file, tags, signal)
    expect(outcome.problems).toEqual([])
    expect((await readBack(file)).common.picture).toHaveLength(1)
  })

  it('replaces a hard link instead of changing the file it shares bytes with', async () => {
    const original = await tone('linked-original', 'flac')
    const before = readFileSync(original)
    const linked = join(dir, 'linked-in-library.flac')
    linkSync(original, linked)
    const outcome = await new FileTagger().tag(linked, tagsFor(null), signal)
    expect(outcome.problems).toEqual([])
    expect(readFileSync(original).equals(before)).toBe(true)
    expect(statSync(linked).ino).not.toBe(statSync(original).ino)
    expect((await readBack(linked)).common.title).toBe('晴天 (Live)')
  })

  it('leaves a file it cannot tag exactly as it was and reports why', async () => {
    const file = join(dir, 'broken.ogg')
    // An Ogg page that names Vorbis at byte 28, so it is taken as audio, then garbage.
    const page = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(22)])
    const vorbis = Buffer.from('\x01vorbis', 'latin1')
    writeFileSync(file, Buffer.concat([page, vorbis, Buffer.alloc(2048, 7)]))
    const before = readFileSync(file)
    const outcome = await new FileTagger().tag(file, tagsFor('/cover.jpg'), signal)
    expect(outcome.file).toBeNull()
    expect(outcome.problems).toEqual([expect.stringMatching(/^tags not written: /)])
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(`${file}.tagging`)).toBe(false)
  })

  it('leaves formats it does not tag (wav) alone', async () => {
    const file = await tone('plain', 'wav')
    const before = readFileSync(file)
    const outcome = await new FileTagger().tag(file, tagsFor('/cover.jpg'), signal)
    expect(outcome).toEqual({ file: null, problems: [] })
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
