import { describe, expect, it } from 'vitest'
import { artistNames } from '../../../src/main/core/matching/artist-names'
import { scoreCandidate, scoreDetails } from '../../../src/main/core/matching/score'
import { similarity } from '../../../src/main/core/matching/similarity'
import { coreTitleText, titleParts } from '../../../src/main/core/matching/title-parts'
import type { Candidate } from '../../../src/main/core/matching/candidate'

const query = (
  title: string,
  artists: string[],
  durationMs: number | null = null,
  isrc = null,
) => ({
  title,
  artists,
  durationMs,
  isrc: isrc as string | null,
})
const candidate = (
  title: string,
  artists: string[],
  durationMs: number | null = null,
  isrc: string | null = null,
): Candidate => ({ trackId: title, title, artists, album: null, durationMs, isrc })

describe('titleParts', () => {
  it('folds width, case, diacritics and punctuation', () => {
    expect(titleParts('ＨＥＬＬＯ!').full).toBe('hello')
    expect(titleParts('Jóga').core).toBe('joga')
    expect(titleParts("What's Up?").core).toBe('what s up')
  })

  it('keeps bracketed, "feat." and version parts out of the core', () => {
    const parts = titleParts('Hello (feat. Jay-Z & Beyoncé) [Live at Wembley] - Remastered 2011')
    expect(parts.core).toBe('hello')
    expect(parts.featured).toEqual(['jay z', 'beyonce'])
    expect([...parts.versions]).toEqual(['live'])
  })

  it('reads full-width and CJK brackets and a trailing "ft."', () => {
    expect(titleParts('晴天（Live）').core).toBe('晴天')
    expect(titleParts('【MV】晴天').core).toBe('晴天')
    expect(titleParts('Umbrella ft. Jay-Z').featured).toEqual(['jay z'])
  })

  it('leaves a dash that is part of the title alone', () => {
    expect(titleParts('Ob-La-Di, Ob-La-Da').core).toBe('ob la di ob la da')
    expect(titleParts('Song 2 - Blur Edit').core).toBe('song 2')
    expect(titleParts('Dancing with Myself').core).toBe('dancing with myself')
  })

  it('keeps a title made only of brackets rather than an empty one', () => {
    expect(titleParts('(Untitled)').core).toBe('untitled')
    expect(coreTitleText('(Untitled)')).toBe('(Untitled)')
    expect(coreTitleText('Hello (feat. X) - Live')).toBe('Hello')
  })
})

describe('artistNames', () => {
  it('splits the usual separators but not a slash', () => {
    expect(artistNames(['Calvin Harris feat. Rihanna', 'A, B & C'])).toEqual([
      'calvin harris',
      'rihanna',
      'a',
      'b',
      'c',
    ])
    expect(artistNames(['AC/DC'])).toEqual(['ac dc'])
    expect(artistNames(['Björk', 'BJORK'])).toEqual(['bjork'])
  })
})

describe('similarity', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(similarity('晴天', '晴天')).toBe(1)
    expect(similarity('😀a', '😀b')).toBe(0.5)
    expect(similarity('', 'x')).toBe(0)
  })
})

describe('scoreCandidate', () => {
  it('scores an exact match 1', () => {
    expect(
      scoreCandidate(query('Hello', ['Adele'], 295_000), candidate('Hello', ['Adele'], 295_500)),
    ).toBe(1)
  })

  it('never lets the same title by another artist reach a match', () => {
    const adele = query('Hello', ['Adele'], 295_000)
    const richie = candidate('Hello', ['Lionel Richie'], 295_000)
    expect(scoreCandidate(adele, richie)).toBeLessThanOrEqual(0.55)
    expect(
      scoreCandidate(query('Hello', ['Lionel Richie']), candidate('Hello', ['Adele'])),
    ).toBeLessThanOrEqual(0.55)
  })

  it('ignores case, accents and width in titles and artists', () => {
    expect(scoreCandidate(query('Jóga', ['Björk']), candidate('JOGA', ['Bjork']))).toBe(1)
    expect(
      scoreCandidate(query('Hoppípolla', ['Sigur Rós']), candidate('Hoppipolla', ['Sigur Ros'])),
    ).toBe(1)
  })

  it('keeps CJK titles apart', () => {
    expect(scoreCandidate(query('晴天', ['周杰伦']), candidate('晴天', ['周杰伦']))).toBe(1)
    expect(scoreCandidate(query('晴天', ['周杰伦']), candidate('七里香', ['周杰伦']))).toBeLessThan(
      0.5,
    )
  })

  it('accepts a featured artist named in the title instead of the artists', () => {
    const score = scoreCandidate(
      query('Umbrella', ['Rihanna', 'Jay-Z']),
      candidate('Umbrella (feat. JAY-Z)', ['Rihanna']),
    )
    expect(score).toBeGreaterThan(0.9)
  })

  it('holds a live take or a remix below a match', () => {
    expect(
      scoreCandidate(
        query('Creep', ['Radiohead'], 238_000),
        candidate('Creep (Live)', ['Radiohead'], 238_000),
      ),
    ).toBe(0.75)
    expect(
      scoreCandidate(
        query('Creep', ['Radiohead']),
        candidate('Creep - Remastered 2009', ['Radiohead']),
      ),
    ).toBeGreaterThan(0.9)
  })

  it('scores duration: close is full, far apart caps the total', () => {
    const near = scoreDetails(
      query('Halo', ['Beyoncé'], 261_000),
      candidate('Halo', ['Beyoncé'], 262_900),
    )
    expect(near.duration).toBe(1)
    const far = scoreDetails(
      query('Halo', ['Beyoncé'], 261_000),
      candidate('Halo', ['Beyoncé'], 400_000),
    )
    expect(far.duration).toBe(0)
    expect(far.score).toBeLessThanOrEqual(0.7)
    expect(
      scoreDetails(query('Halo', ['Beyoncé']), candidate('Halo', ['Beyoncé'], 1)).duration,
    ).toBeNull()
  })

  it('takes an equal ISRC as a strong match, written either way', () => {
    const details = scoreDetails(
      { ...query('Hello', ['Adele']), isrc: 'GB-BKS-15-00214' },
      candidate('Hello (Radio Edit)', ['ADELE & Friends'], null, 'gbbks1500214'),
    )
    expect(details.isrcEqual).toBe(true)
    expect(details.score).toBeGreaterThanOrEqual(0.95)
    const other = scoreDetails(
      { ...query('Hello', ['Adele']), isrc: 'GBBKS1500214' },
      candidate('Hello', ['Adele'], null, 'USXX10000001'),
    )
    expect(other.isrcEqual).toBe(false)
    expect(other.score).toBe(1)
  })

  it('gives a different title a low score', () => {
    expect(
      scoreCandidate(query('Halo', ['Beyoncé']), candidate('Hello', ['Beyoncé'])),
    ).toBeLessThanOrEqual(0.3)
  })
})

const video = (title: string, channel: string, durationMs: number | null = null): Candidate => ({
  trackId: title,
  title,
  artists: [],
  album: null,
  durationMs,
  channel,
})

describe('scoring results from a video site', () => {
  const hello = query('Hello', ['Adele'], 295_000)

  it('reads the artist and title out of "Artist - Title (Official Video)"', () => {
    const details = scoreDetails(
      hello,
      video('Adele - Hello (Official Music Video)', 'AdeleVEVO', 296_000),
    )
    expect(details.official).toBe(true)
    expect(details.score).toBeGreaterThanOrEqual(0.9)
    expect(
      scoreCandidate(hello, video('Hello - Adele (Lyrics)', '7clouds', 295_000)),
    ).toBeGreaterThanOrEqual(0.85)
  })

  it('counts the artist own channel, "- Topic" and VEVO channels as official', () => {
    const official = (channel: string, q = hello) =>
      scoreDetails(q, { ...video('Hello', channel, 295_000), artists: ['Adele'] }).official
    expect(official('Adele - Topic')).toBe(true)
    expect(official('AdeleVEVO')).toBe(true)
    expect(official('Adele')).toBe(true)
    expect(official('7clouds')).toBe(false)
    expect(official('周杰倫 Jay Chou', query('晴天', ['周杰伦']))).toBe(true)
    expect(official('Ayase / YOASOBI', query('夜に駆ける', ['YOASOBI']))).toBe(true)
  })

  it('takes a guest named in a video title for a mention, not for the whole artist list', () => {
    expect(
      scoreCandidate(
        query('Umbrella', ['Rihanna'], 275_000),
        video('Rihanna - Umbrella (Official Music Video) ft. JAY-Z', 'RihannaVEVO', 276_000),
      ),
    ).toBeGreaterThanOrEqual(0.9)
  })

  it('never passes a video that names none of the query artists', () => {
    expect(scoreCandidate(hello, video('Hello', 'Lionel Richie', 295_000))).toBeLessThanOrEqual(
      0.55,
    )
    expect(
      scoreCandidate(hello, video('Lionel Richie - Hello', 'Motown', 295_000)),
    ).toBeLessThanOrEqual(0.55)
  })

  it('holds every version word the query lacks below a match, whatever else agrees', () => {
    for (const title of [
      'Adele - Hello (Live at the BBC)',
      'Hello - Adele (Cover by Jane Ash)',
      'Adele - Hello (Karaoke Version)',
      'Nightcore - Hello (Adele)',
      'Adele - Hello (8D Audio)',
      'Adele - Hello [1 Hour]',
      'Hello - Adele (Piano Version)',
    ]) {
      const details = scoreDetails(hello, video(title, 'Adele', 295_000))
      expect(details.versionMismatch.length, title).toBeGreaterThan(0)
      expect(details.score, title).toBeLessThanOrEqual(0.75)
    }
  })

  it('does not count a version word that is part of the song title', () => {
    const live = scoreDetails(
      query('Live Forever', ['Oasis'], 276_000),
      video('Oasis - Live Forever (Official Video)', 'OasisVEVO', 277_000),
    )
    expect(live.versionMismatch).toEqual([])
    expect(live.score).toBeGreaterThanOrEqual(0.9)
    const cover = scoreDetails(
      query('Live Forever', ['Oasis'], 276_000),
      video('Oasis - Live Forever (Live at Knebworth)', 'Oasis', 277_000),
    )
    expect(cover.versionMismatch).toEqual(['live'])
    const piano = scoreDetails(
      query('Piano Man', ['Billy Joel'], 337_000),
      video('Billy Joel - Piano Man (Piano Cover)', 'Keys', 337_000),
    )
    expect(piano.versionMismatch.sort()).toEqual(['cover', 'piano'])
  })

  it('wants the live take when the export asks for one', () => {
    const liveQuery = query('Creep (Live)', ['Radiohead'], 260_000)
    expect(
      scoreCandidate(
        liveQuery,
        video('Radiohead - Creep (Live at Glastonbury)', 'Radiohead', 261_000),
      ),
    ).toBeGreaterThanOrEqual(0.85)
    expect(
      scoreCandidate(liveQuery, {
        ...video('Creep', 'Radiohead - Topic', 238_000),
        artists: ['Radiohead'],
      }),
    ).toBeLessThanOrEqual(0.75)
  })

  it('takes traditional and simplified Chinese for one name', () => {
    expect(scoreCandidate(query('愛情轉移', ['陳奕迅']), candidate('爱情转移', ['陈奕迅']))).toBe(1)
    const mv = scoreDetails(
      query('晴天', ['周杰伦'], 269_000),
      video('周杰倫 Jay Chou【晴天 Sunny Day】Official MV', '周杰倫 Jay Chou', 270_000),
    )
    expect(mv.official).toBe(true)
    expect(mv.score).toBeGreaterThanOrEqual(0.9)
    expect(
      scoreCandidate(
        query('晴天', ['周杰伦'], 269_000),
        video('晴天 鋼琴版 周杰倫', 'Piano', 269_000),
      ),
    ).toBeLessThanOrEqual(0.75)
  })

  it('weighs duration heavily: a minute off is held below a match', () => {
    const long = scoreDetails(hello, video('Adele - Hello', 'Adele', 355_000))
    expect(long.duration).toBe(0)
    expect(long.score).toBeLessThanOrEqual(0.7)
  })
})
