// Writes test/fixtures/matching/generated.jsonl: labelled matching cases, each a query from an
// export and 3-8 search results shaped like `yt-dlp -j` answers, tagged with the trap they set.
// Deterministic (seeded), so the file only changes when this script does.
// Run: npx tsx bench/matching-cases.ts
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface Song {
  /** Title and artist as the export writes them. */
  title: string
  artist: string
  album: string
  seconds: number
  script: 'latin' | 'zh' | 'ja' | 'ko'
  /** The other Chinese form of title and artist (traditional for simplified and back). */
  other?: { title: string; artist: string }
  /** The artist's name in Latin letters, as CJK channels add it. */
  latin?: string
}

interface Result {
  id: string
  title: string
  channel: string
  uploader: string
  duration: number
  track?: string
  artist?: string
  album?: string
  label: 'right' | 'wrong'
}

interface Case {
  id: string
  kind: string
  query: { title: string; artists: string[]; album: string | null; durationMs: number | null }
  results: Result[]
}

const latin = (title: string, artist: string, album: string, seconds: number): Song => ({
  title,
  artist,
  album,
  seconds,
  script: 'latin',
})
const zh = (
  title: string,
  artist: string,
  other: [string, string],
  latinName: string,
  album: string,
  seconds: number,
): Song => ({
  title,
  artist,
  album,
  seconds,
  script: 'zh',
  other: { title: other[0], artist: other[1] },
  latin: latinName,
})
const ja = (title: string, artist: string, latinName: string, seconds: number): Song => ({
  title,
  artist,
  album: title,
  seconds,
  script: 'ja',
  latin: latinName,
})
const ko = (title: string, artist: string, latinName: string, seconds: number): Song => ({
  title,
  artist,
  album: title,
  seconds,
  script: 'ko',
  latin: latinName,
})

const SONGS: Song[] = [
  latin('Hello', 'Adele', '25', 295),
  latin('Someone Like You', 'Adele', '21', 285),
  latin('Blinding Lights', 'The Weeknd', 'After Hours', 200),
  latin('Levitating', 'Dua Lipa', 'Future Nostalgia', 203),
  latin('Bad Guy', 'Billie Eilish', 'When We All Fall Asleep', 194),
  latin('Shape of You', 'Ed Sheeran', 'Divide', 233),
  latin('Mr. Brightside', 'The Killers', 'Hot Fuss', 222),
  latin('Take On Me', 'a-ha', 'Hunting High and Low', 225),
  latin('Africa', 'Toto', 'Toto IV', 295),
  latin('Dreams', 'Fleetwood Mac', 'Rumours', 257),
  latin('Creep', 'Radiohead', 'Pablo Honey', 238),
  latin('Yellow', 'Coldplay', 'Parachutes', 269),
  latin('Halo', 'Beyoncé', 'I Am... Sasha Fierce', 261),
  latin('Rolling in the Deep', 'Adele', '21', 228),
  latin('Uptown Funk', 'Mark Ronson, Bruno Mars', 'Uptown Special', 270),
  latin('Get Lucky', 'Daft Punk, Pharrell Williams', 'Random Access Memories', 369),
  latin('Seven Nation Army', 'The White Stripes', 'Elephant', 232),
  latin('Heroes', 'David Bowie', 'Heroes', 371),
  latin('Jóga', 'Björk', 'Homogenic', 305),
  latin('Hoppípolla', 'Sigur Rós', 'Takk...', 268),
  latin('Despacito', 'Luis Fonsi, Daddy Yankee', 'Vida', 229),
  latin('Wonderwall', 'Oasis', "(What's the Story) Morning Glory?", 258),
  latin('Live Forever', 'Oasis', 'Definitely Maybe', 276),
  latin('Piano Man', 'Billy Joel', 'Piano Man', 337),
  latin('Cover Me', 'Bruce Springsteen', 'Born in the U.S.A.', 206),
  latin('Live and Let Die', 'Wings', 'Live and Let Die', 192),
  latin('Heat Waves', 'Glass Animals', 'Dreamland', 238),
  latin('As It Was', 'Harry Styles', "Harry's House", 167),
  latin('Titanium', 'David Guetta, Sia', 'Nothing but the Beat', 245),
  latin('Lose Yourself', 'Eminem', '8 Mile', 326),
  latin('Bohemian Rhapsody', 'Queen', 'A Night at the Opera', 355),
  latin('Smells Like Teen Spirit', 'Nirvana', 'Nevermind', 301),
  latin('Clocks', 'Coldplay', 'A Rush of Blood to the Head', 307),
  latin('Hallelujah', 'Jeff Buckley', 'Grace', 413),
  latin('Running Up That Hill', 'Kate Bush', 'Hounds of Love', 298),
  latin('Stay', 'The Kid LAROI, Justin Bieber', 'F*ck Love 3', 141),
  zh('晴天', '周杰伦', ['晴天', '周杰倫'], 'Jay Chou', '叶惠美', 269),
  zh('七里香', '周杰伦', ['七里香', '周杰倫'], 'Jay Chou', '七里香', 299),
  zh('稻香', '周杰伦', ['稻香', '周杰倫'], 'Jay Chou', '魔杰座', 223),
  zh('爱情转移', '陈奕迅', ['愛情轉移', '陳奕迅'], 'Eason Chan', '认了吧', 260),
  zh('十年', '陈奕迅', ['十年', '陳奕迅'], 'Eason Chan', '黑白灰', 205),
  zh('后来', '刘若英', ['後來', '劉若英'], 'Rene Liu', '我等你', 341),
  zh('吻别', '张学友', ['吻別', '張學友'], 'Jacky Cheung', '吻别', 298),
  zh('童话', '光良', ['童話', '光良'], 'Michael Wong', '童话', 246),
  zh('小幸运', '田馥甄', ['小幸運', '田馥甄'], 'Hebe Tien', '我的少女时代', 265),
  zh('倔强', '五月天', ['倔強', '五月天'], 'Mayday', '神的孩子都在跳舞', 260),
  zh('突然好想你', '五月天', ['突然好想你', '五月天'], 'Mayday', '后青春期的诗', 265),
  zh('演员', '薛之谦', ['演員', '薛之謙'], 'Joker Xue', '绅士', 261),
  zh('光年之外', '邓紫棋', ['光年之外', '鄧紫棋'], 'G.E.M.', '光年之外', 235),
  zh('红豆', '王菲', ['紅豆', '王菲'], 'Faye Wong', '唱游', 253),
  zh('月亮代表我的心', '邓丽君', ['月亮代表我的心', '鄧麗君'], 'Teresa Teng', '岛国之情歌', 209),
  zh('说好的幸福呢', '周杰伦', ['說好的幸福呢', '周杰倫'], 'Jay Chou', '魔杰座', 255),
  ja('夜に駆ける', 'YOASOBI', 'YOASOBI', 261),
  ja('アイドル', 'YOASOBI', 'YOASOBI', 213),
  ja('Lemon', '米津玄師', 'Kenshi Yonezu', 256),
  ja('紅蓮華', 'LiSA', 'LiSA', 239),
  ja('残響散歌', 'Aimer', 'Aimer', 185),
  ja('白日', 'King Gnu', 'King Gnu', 278),
  ja('マリーゴールド', 'あいみょん', 'Aimyon', 304),
  ja('丸の内サディスティック', '椎名林檎', 'Sheena Ringo', 233),
  ja('怪獣の花唄', 'Vaundy', 'Vaundy', 217),
  ko('좋은 날', '아이유', 'IU', 233),
  ko('밤편지', '아이유', 'IU', 253),
  ko('Dynamite', '방탄소년단', 'BTS', 199),
  ko('봄날', '방탄소년단', 'BTS', 274),
  ko('Next Level', 'aespa', 'aespa', 221),
  ko('Ditto', 'NewJeans', 'NewJeans', 185),
  ko('사건의 지평선', '윤하', 'YOUNHA', 300),
  ko('Love Dive', 'IVE', 'IVE', 177),
]

// Mulberry32: a small seeded generator, so every run writes the same cases.
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(14)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
const between = (low: number, high: number) => low + Math.round(random() * (high - low))

let resultCount = 0
function result(
  label: Result['label'],
  title: string,
  channel: string,
  duration: number,
  music?: { track: string; artist: string; album: string },
): Result {
  resultCount += 1
  const id = resultCount.toString(36).padStart(11, 'x')
  return { id, title, channel, uploader: channel, duration, ...music, label }
}

const mainArtist = (song: Song) => song.artist.split(', ')[0] ?? song.artist
const squash = (name: string) => name.replace(/[^\p{L}\p{N}]/gu, '')
const LYRIC_CHANNELS = ['7clouds', 'Vibe Music', 'Dan Music', 'Taj Tracks', 'SyrebralVibes']
const COVER_SINGERS = ['Jane Ash', 'Kurt Hugo Schneider', 'Alex Goot', 'Luna Park', 'Mia Vale']
const DJS = ['R3HAB', 'Kygo', 'Alle Farben', 'Felix Jaehn', 'Purple Disco Machine']
const VENUES = ['Wembley Stadium', 'Glastonbury 2019', 'the BBC', 'Madison Square Garden']

/** The uploads of the song itself: YouTube Music's Topic track and the official video. */
function topic(song: Song, seconds = song.seconds, title = song.title): Result {
  return result('right', title, `${mainArtist(song)} - Topic`, seconds + between(-1, 1), {
    track: title,
    artist: song.artist,
    album: song.album,
  })
}

function officialVideo(song: Song): Result {
  const artist = mainArtist(song)
  const seconds = song.seconds + between(0, 4)
  switch (song.script) {
    case 'zh':
      return result(
        'right',
        `${song.other?.artist ?? artist} ${song.latin}【${song.title}】Official MV`,
        `${song.other?.artist ?? artist} ${song.latin}`,
        seconds,
      )
    case 'ja':
      return result('right', `${artist}「${song.title}」Official Music Video`, artist, seconds)
    case 'ko':
      return result(
        'right',
        `[MV] ${artist}(${song.latin}) _ ${song.title}`,
        '1theK (원더케이)',
        seconds,
      )
    case 'latin':
      return result(
        'right',
        `${song.artist} - ${song.title} (Official Music Video)`,
        pick([`${squash(artist)}VEVO`, artist]),
        seconds,
      )
  }
}

function lyricVideo(song: Song): Result {
  const title =
    song.script === 'zh'
      ? `${mainArtist(song)} - ${song.title}【动态歌词】`
      : `${mainArtist(song)} - ${song.title} (Lyrics)`
  return result('right', title, pick(LYRIC_CHANNELS), song.seconds + between(-2, 2))
}

/** Another recording of the song, in the words its script uses for that kind. */
type Variant = (song: Song) => Result
const wrong = (title: string, channel: string, seconds: number) =>
  result('wrong', title, channel, Math.max(30, Math.round(seconds)))

const VARIANTS: Record<string, Variant> = {
  live: (song) => {
    const artist = mainArtist(song)
    const seconds = song.seconds + between(8, 45)
    if (song.script === 'zh') {
      return wrong(
        pick([
          `${song.title} (现场版) - ${artist}`,
          `${artist} ${song.title} 演唱会 Live`,
          `${song.other?.title} 現場`,
        ]),
        pick([artist, '音乐现场']),
        seconds,
      )
    }
    if (song.script === 'ja') return wrong(`${artist} - ${song.title} (ライブ)`, artist, seconds)
    if (song.script === 'ko')
      return wrong(`${artist} - ${song.title} 라이브 | 직캠`, 'KBS Kpop', seconds)
    return wrong(`${song.artist} - ${song.title} (Live at ${pick(VENUES)})`, artist, seconds)
  },
  remix: (song) =>
    wrong(
      `${mainArtist(song)} - ${song.title} (${pick(DJS)} Remix)`,
      pick(['Spinnin Records', 'Proximity', `${mainArtist(song)}`]),
      song.seconds + between(-50, 60),
    ),
  extended: (song) =>
    wrong(`${song.title} (Extended Mix)`, 'Club Edits', song.seconds + between(60, 150)),
  cover: (song) => {
    const singer = pick(COVER_SINGERS)
    const seconds = song.seconds + between(-6, 6)
    if (song.script === 'zh')
      return wrong(`【翻唱】${song.title} - ${mainArtist(song)}`, singer, seconds)
    if (song.script === 'ja')
      return wrong(`${song.title} / ${mainArtist(song)} 歌ってみた`, singer, seconds)
    if (song.script === 'ko')
      return wrong(`${song.title} (${mainArtist(song)}) 커버`, singer, seconds)
    return wrong(`${song.title} - ${song.artist} (Cover by ${singer})`, singer, seconds)
  },
  karaoke: (song) =>
    wrong(
      pick([
        `${song.artist} - ${song.title} (Karaoke Version)`,
        `${song.title} - ${mainArtist(song)} | Karaoke`,
        song.script === 'ja' ? `${song.title} カラオケ` : `${song.title} KTV 卡拉OK`,
      ]),
      pick(['Sing King', 'KaraFun Karaoke', 'Zoom Karaoke']),
      song.seconds + between(-1, 2),
    ),
  instrumental: (song) =>
    wrong(
      song.script === 'zh'
        ? `${song.title} 伴奏 - ${mainArtist(song)}`
        : song.script === 'ja'
          ? `${song.title} (off vocal)`
          : `${song.title} (Instrumental)`,
      pick(['Instrumentals', mainArtist(song)]),
      song.seconds + between(-1, 1),
    ),
  acoustic: (song) =>
    wrong(
      `${song.title} (Acoustic) - ${mainArtist(song)}`,
      mainArtist(song),
      song.seconds + between(-20, 20),
    ),
  spedUp: (song) =>
    wrong(
      pick([
        `${song.title} (sped up)`,
        `${mainArtist(song)} - ${song.title} - Sped Up`,
        `${song.title} 加速版`,
      ]),
      pick(['sped up sounds', 'fast songs']),
      song.seconds * 0.8,
    ),
  nightcore: (song) => wrong(`Nightcore - ${song.title}`, 'NightcoreReality', song.seconds * 0.82),
  slowed: (song) =>
    wrong(
      `${song.title} (slowed + reverb)`,
      pick(['slowed vibes', 'reverb dreams']),
      song.seconds * 1.2,
    ),
  spatial: (song) =>
    wrong(
      `${mainArtist(song)} - ${song.title} (8D Audio)`,
      '8D Tunes',
      song.seconds + between(-1, 1),
    ),
  loop: (song) =>
    wrong(
      pick([
        `${mainArtist(song)} - ${song.title} [1 Hour]`,
        `${song.title} 1 hour loop`,
        `${song.title} 一小时循环`,
      ]),
      'Loop Land',
      3600,
    ),
  piano: (song) =>
    wrong(
      song.script === 'zh'
        ? `${song.title} 钢琴版`
        : song.script === 'ja'
          ? `${song.title} ピアノ 弾いてみた`
          : `${song.title} - ${mainArtist(song)} (Piano Version)`,
      'Piano Tutorials',
      song.seconds + between(-15, 15),
    ),
  guitar: (song) =>
    wrong(
      `${song.title} - Guitar Cover`,
      pick(['Guitar Hub', 'Fingerstyle Club']),
      song.seconds + between(-10, 10),
    ),
}

/** The same title by another artist, with its own Topic track. */
function otherArtist(song: Song, seconds = song.seconds + between(-40, 40)): Result {
  const other = pick([
    'Lionel Richie',
    'Luna Park',
    'The Echoes',
    '林宥嘉',
    'Various Artists',
    'Kyle Ray',
  ])
  return result('wrong', song.title, `${other} - Topic`, seconds, {
    track: song.title,
    artist: other,
    album: `${song.title} (Single)`,
  })
}

/** Another song by the same artist. */
function otherSong(song: Song): Result {
  const sibling = pick(SONGS.filter((s) => s.artist === song.artist && s !== song))
  if (!sibling) return otherArtist(song)
  return result('wrong', sibling.title, `${mainArtist(song)} - Topic`, sibling.seconds, {
    track: sibling.title,
    artist: sibling.artist,
    album: sibling.album,
  })
}

function queryOf(song: Song, title = song.title, artist = song.artist, seconds = song.seconds) {
  return { title, artists: artist.split(', '), album: song.album, durationMs: seconds * 1000 }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

function variants(song: Song, kind: string, count: number): Result[] {
  const variant = VARIANTS[kind]
  if (!variant) throw new Error(`no variant ${kind}`)
  return Array.from({ length: count }, () => variant(song))
}

function fillers(song: Song, count: number): Result[] {
  const kinds = Object.keys(VARIANTS)
  return Array.from({ length: count }, () =>
    random() < 0.3 ? otherSong(song) : (variants(song, pick(kinds), 1)[0] as Result),
  )
}

const cases: Case[] = []
function add(kind: string, song: Song, query: Case['query'], results: Result[]): void {
  if (results.length < 3) results.push(...fillers(song, 3 - results.length))
  cases.push({
    id: `${kind}-${cases.length + 1}`,
    kind,
    query,
    results: shuffled(results).slice(0, 8),
  })
}

const everyN = (step: number, offset = 0) => SONGS.filter((_, index) => index % step === offset)

// One case per trap kind and song, on a rotating share of the songs, so each kind has ~12-25.
for (const kind of Object.keys(VARIANTS)) {
  const offset = Object.keys(VARIANTS).indexOf(kind) % 5
  for (const song of everyN(5, offset)) {
    const right = random() < 0.6 ? topic(song) : officialVideo(song)
    add(kind, song, queryOf(song), [
      right,
      ...variants(song, kind, between(2, 3)),
      ...fillers(song, between(0, 2)),
    ])
  }
}

// Remasters and radio edits are the recording asked for: the only right uploads carry the tag.
for (const song of everyN(3, 0).filter((s) => s.script === 'latin')) {
  const tag = pick([' (2011 Remaster)', ' - Remastered 2009', ' - 2015 Remaster', ' (Remastered)'])
  add('remaster', song, queryOf(song), [
    topic(song, song.seconds, song.title + tag),
    ...variants(song, 'live', 1),
    ...fillers(song, 2),
  ])
}
for (const song of everyN(3, 1).filter((s) => s.script === 'latin')) {
  const edit = song.seconds - between(25, 50)
  add('radio-edit', song, queryOf(song, song.title, song.artist, edit), [
    topic(song, edit, `${song.title} - Radio Edit`),
    ...variants(song, 'extended', 1),
    ...variants(song, 'remix', 1),
    ...fillers(song, 1),
  ])
}

// The same title by other artists, with and without the right one among them.
for (const song of everyN(2, 0)) {
  add('other-artist', song, queryOf(song), [
    topic(song),
    otherArtist(song),
    otherArtist(song, song.seconds + between(-2, 2)),
    ...fillers(song, 1),
  ])
}
for (const song of everyN(4, 1)) {
  add('other-artist-only', song, queryOf(song), [
    otherArtist(song),
    otherArtist(song, song.seconds + between(-1, 1)),
    otherSong(song),
  ])
}

// No right candidate at all: only covers, live takes and other versions.
for (const song of everyN(2, 1)) {
  const kinds = shuffled(['live', 'cover', 'karaoke', 'piano', 'instrumental', 'remix', 'acoustic'])
  add(
    'no-right',
    song,
    queryOf(song),
    kinds.slice(0, between(3, 5)).flatMap((kind) => variants(song, kind, 1)),
  )
}

// Only the official video or a lyric upload, no Topic track.
for (const song of everyN(3, 2)) {
  add('official-channel', song, queryOf(song), [
    officialVideo(song),
    lyricVideo(song),
    ...variants(song, 'cover', 1),
    ...fillers(song, 2),
  ])
}

// Traditional against simplified, both ways, with the other form on one side only.
for (const song of SONGS.filter((s) => s.script === 'zh' && s.other)) {
  const other = song.other ?? { title: song.title, artist: song.artist }
  add('chinese-forms', song, queryOf(song, other.title, other.artist), [
    topic(song),
    ...variants(song, 'live', 1),
    ...variants(song, 'cover', 1),
    ...fillers(song, 1),
  ])
  add('chinese-forms', song, queryOf(song), [
    result('right', other.title, `${other.artist} - Topic`, song.seconds, {
      track: other.title,
      artist: other.artist,
      album: song.album,
    }),
    ...variants(song, 'piano', 1),
    ...variants(song, 'instrumental', 1),
  ])
}

// The export asks for a live take: the live upload is right and the studio track is not.
for (const song of everyN(6, 3).filter((s) => s.script === 'latin')) {
  const seconds = song.seconds + 30
  const live = result('right', `${song.title} (Live)`, `${mainArtist(song)} - Topic`, seconds, {
    track: `${song.title} (Live)`,
    artist: song.artist,
    album: `${song.album} (Live)`,
  })
  add('query-live', song, queryOf(song, `${song.title} (Live)`, song.artist, seconds), [
    live,
    { ...topic(song), label: 'wrong' },
    ...variants(song, 'cover', 1),
  ])
}

const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'matching', 'generated.jsonl')
writeFileSync(out, cases.map((c) => JSON.stringify(c)).join('\n') + '\n')
console.log(`${cases.length} cases -> ${out}`)
