import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export type ToneFormat = 'mp3' | 'flac' | 'ogg'

export interface ToneSong {
  /** Relative to the library folder. */
  path: string
  title: string
  artist: string
  album: string
  track: number
  year: number
  seconds: number
  frequency: number
}

/** The peers' reference library (see the peer notes), with short tones to stay fast. */
export const LIBRARY: readonly ToneSong[] = [
  song('周杰伦/叶惠美/03 - 晴天.mp3', '晴天', '周杰伦', '叶惠美', 3, 2003, 330),
  song(
    'Beyoncé/I Am... Sasha Fierce/01 - Halo.mp3',
    'Halo',
    'Beyoncé',
    'I Am... Sasha Fierce',
    1,
    2008,
    350,
  ),
  song('Adele/25/01 - Hello.mp3', 'Hello', 'Adele', '25', 1, 2015, 370),
  song(
    "Lionel Richie/Can't Slow Down/04 - Hello.mp3",
    'Hello',
    'Lionel Richie',
    "Can't Slow Down",
    4,
    1983,
    390,
    3,
  ),
  song('Björk/Homogenic/02 - Jóga.flac', 'Jóga', 'Björk', 'Homogenic', 2, 1997, 410),
  song(
    'Radiohead/OK Computer/06 - Karma Police.flac',
    'Karma Police',
    'Radiohead',
    'OK Computer',
    6,
    1997,
    430,
  ),
  song('Radiohead/Pablo Honey/02 - Creep.ogg', 'Creep', 'Radiohead', 'Pablo Honey', 2, 1993, 450),
  song('Sigur Rós/Takk.../02 - Hoppípolla.ogg', 'Hoppípolla', 'Sigur Rós', 'Takk...', 2, 2005, 470),
  song(
    "4 Non Blondes/Bigger, Better, Faster, More!/03 - What's Up?.mp3",
    "What's Up?",
    '4 Non Blondes',
    'Bigger, Better, Faster, More!',
    3,
    1992,
    490,
  ),
  song('AC_DC/High Voltage/09 - T.N.T..ogg', 'T.N.T.', 'AC/DC', 'High Voltage', 9, 1976, 510),
]

function song(
  path: string,
  title: string,
  artist: string,
  album: string,
  track: number,
  year: number,
  frequency: number,
  seconds = 2,
): ToneSong {
  return { path, title, artist, album, track, year, seconds, frequency }
}

const CODECS: Record<ToneFormat, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '128k', '-id3v2_version', '3'],
  flac: ['-c:a', 'flac'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '3'],
}

function formatOf(path: string): ToneFormat {
  const ext = path.slice(path.lastIndexOf('.') + 1)
  if (ext === 'mp3' || ext === 'flac' || ext === 'ogg') return ext
  throw new Error(`no tone format for ${path}`)
}

/** Writes one tagged sine tone with ffmpeg. */
export async function makeTone(file: string, tone: Omit<ToneSong, 'path'>): Promise<void> {
  mkdirSync(dirname(file), { recursive: true })
  const tags = {
    title: tone.title,
    artist: tone.artist,
    album_artist: tone.artist,
    album: tone.album,
  }
  const metadata = Object.entries({
    ...tags,
    track: tone.track,
    date: tone.year,
    genre: 'Test',
  }).flatMap(([key, value]) => ['-metadata', `${key}=${value}`])
  const source = `sine=frequency=${tone.frequency}:duration=${tone.seconds}:sample_rate=44100`
  await run('ffmpeg', [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-ac', '2'],
    ...CODECS[formatOf(file)],
    ...metadata,
    file,
  ])
}

/** Writes the whole reference library into `dir`. */
export async function writeLibrary(
  dir: string,
  songs: readonly ToneSong[] = LIBRARY,
): Promise<void> {
  await Promise.all(songs.map((tone) => makeTone(join(dir, tone.path), tone)))
}

let shared: Promise<string> | null = null

/**
 * The reference library, made once and kept in a temporary folder named by what it holds, so
 * later test files and runs reuse it. It is shared: tests that change files use copyLibrary().
 */
export function sharedLibrary(): Promise<string> {
  shared ??= (async () => {
    const key = createHash('sha256').update(JSON.stringify({ LIBRARY, CODECS })).digest('hex')
    const dir = join(tmpdir(), `catalogsync-test-audio-${key.slice(0, 12)}`)
    if (existsSync(dir)) return dir
    // Written aside and renamed into place, so a half-made library is never seen.
    const staging = mkdtempSync(`${dir}.tmp-`)
    await writeLibrary(staging)
    try {
      renameSync(staging, dir)
    } catch {
      rmSync(staging, { recursive: true, force: true })
    }
    return dir
  })()
  return shared
}

/** A private, writable copy of the reference library; remove() deletes it. */
export async function copyLibrary(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-music-'))
  cpSync(await sharedLibrary(), dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
