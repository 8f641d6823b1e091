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
