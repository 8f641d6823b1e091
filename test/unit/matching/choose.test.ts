import { describe, expect, it } from 'vitest'
import {
  chooseMatch,
  describeCandidate,
  toScoredCandidates,
} from '../../../src/main/core/matching/choose'
import type { Candidate } from '../../../src/main/core/matching/candidate'

const query = (title: string, artists: string[], durationMs: number | null = null) => ({
  title,
  artists,
  durationMs,
  isrc: null,
})
const song = (
  trackId: string,
  title: string,
  artists: string[],
  durationMs: number | null = null,
) => ({
  trackId,
  title,
  artists,
  album: null,
  durationMs,
  extra: `data for ${trackId}`,
})
const hellos = [
  song('richie', 'Hello', ['Lionel Richie'], 248_000),
  song('adele', 'Hello', ['Adele'], 295_000),
]

describe('chooseMatch', () => {
  it('picks the right artist among two songs with the same title, in either order', () => {
    for (const candidates of [hellos, [...hellos].reverse()]) {
      const adele = chooseMatch(query('Hello', ['Adele']), candidates)
      expect(adele.kind).toBe('match')
      if (adele.kind === 'match') expect(adele.candidate.trackId).toBe('adele')
      const richie = chooseMatch(query('Hello', ['Lionel Richie']), candidates)
      if (richie.kind !== 'match') throw new Error(`expected a match, got ${richie.kind}`)
      expect(richie.candidate.trackId).toBe('richie')
    }
  })

  it('keeps source-specific fields on the chosen candidate', () => {
    const choice = chooseMatch(query('Hello', ['Adele']), hellos)
    if (choice.kind !== 'match') throw new Error('expected a match')
    expect(choice.candidate.extra).toBe('data for adele')
    expect(choice.candidate.score).toBe(1)
  })

  it('sends the same title by another artist to review, never to a match', () => {
    const choice = chooseMatch(query('Hello', ['Adele']), [hellos[0]!])
    expect(choice.kind).toBe('review')
    if (choice.kind === 'review') {
      expect(choice.reason).toMatch(/weak match.*Hello \/ Lionel Richie/)
      expect(choice.candidates.map((c) => c.trackId)).toEqual(['richie'])
    }
  })

  it('asks a person when two different songs match equally well', () => {
    const choice = chooseMatch(query('Hello', []), hellos)
    expect(choice.kind).toBe('review')
    if (choice.kind === 'review') {
      expect(choice.reason).toMatch(/^ambiguous: /)
      expect(choice.candidates).toHaveLength(2)
    }
  })

  it('is not ambiguous about one song offered twice (two albums)', () => {
    const twice = [song('a', 'Hello', ['Adele']), song('b', 'Hello', ['ADELE'])]
    expect(chooseMatch(query('Hello', []), twice).kind).toBe('match')
  })

  it('says none, with the best score, when nothing is close', () => {
    const choice = chooseMatch(query('Karma Police', ['Radiohead']), hellos)
    expect(choice.kind).toBe('none')
    if (choice.kind === 'none')
      expect(choice.reason).toMatch(/no close match: best candidate "Hello/)
    expect(chooseMatch(query('Hello', ['Adele']), [])).toMatchObject({
      kind: 'none',
      reason: 'no candidates found',
    })
  })

  it('honours the thresholds it is given', () => {
    const live = [song('live', 'Hello (Live)', ['Adele'])]
    expect(chooseMatch(query('Hello', ['Adele']), live).kind).toBe('review')
    expect(chooseMatch(query('Hello', ['Adele']), live, { threshold: 0.7 }).kind).toBe('match')
    expect(
      chooseMatch(query('Hello', ['Adele']), live, { reviewThreshold: 0.9, threshold: 0.95 }).kind,
    ).toBe('none')
  })
})

describe('describeCandidate and toScoredCandidates', () => {
  it('show a song as Title / Artists and keep only the common fields', () => {
    expect(describeCandidate(hellos[1]!)).toBe('Hello / Adele')
    const plain: Candidate = {
      trackId: 'x',
      title: 'Untitled',
      artists: [],
      album: null,
      durationMs: null,
    }
    expect(describeCandidate(plain)).toBe('Untitled')
    expect(toScoredCandidates([{ ...hellos[1]!, score: 0.5 }])).toEqual([
      {
        trackId: 'adele',
        title: 'Hello',
        artists: ['Adele'],
        album: null,
        durationMs: 295_000,
        isrc: null,
        score: 0.5,
      },
    ])
  })
})

describe('an exact title and artist among near misses', () => {
  it('is a match, not a coin toss', () => {
    const query = {
      title: 'Amber Amber Song',
      artists: ['Delta Band'],
      durationMs: null,
      isrc: null,
    }
    const near = {
      trackId: '2',
      title: 'Amber Ember Song',
      artists: ['Delta Band'],
      album: null,
      durationMs: null,
    }
    const exact = {
      trackId: '1',
      title: 'Amber Amber Song',
      artists: ['Delta Band'],
      album: null,
      durationMs: null,
    }
    const choice = chooseMatch(query, [near, exact])
    expect(choice.kind).toBe('match')
    expect(choice.kind === 'match' && choice.candidate.trackId).toBe('1')
  })

  it('takes the candidate a person chose in review, whatever its score', () => {
    const weak = chooseMatch(query('Hello', []), hellos)
    expect(weak.kind).not.toBe('match')
    const chosen = chooseMatch(query('Hello', []), hellos, { chosenTrackId: 'adele' })
    expect(chosen).toMatchObject({ kind: 'match', candidate: { trackId: 'adele' } })
    const gone = chooseMatch(query('Hello', []), hellos, { chosenTrackId: 'vanished' })
    expect(gone.kind).toBe(weak.kind)
  })
})
