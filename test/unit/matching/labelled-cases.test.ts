import { describe, expect, it } from 'vitest'
import { isHeldOut, loadLabelledCases, outcomeOf, tally } from '../../support/matching-cases'

const cases = loadLabelledCases()

describe('the labelled matching cases', () => {
  it('are at least 300, each with 3-8 results, covering every trap', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300)
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length)
    const kinds = new Set(cases.map((c) => c.kind))
    for (const kind of [
      'live',
      'remix',
      'cover',
      'karaoke',
      'instrumental',
      'acoustic',
      'spedUp',
      'slowed',
      'nightcore',
      'spatial',
      'loop',
      'piano',
      'guitar',
      'remaster',
      'radio-edit',
      'other-artist',
      'other-artist-only',
      'official-channel',
      'chinese-forms',
      'no-right',
    ]) {
      expect(kinds).toContain(kind)
    }
    expect(cases.filter(isHeldOut).length).toBeGreaterThan(cases.length / 5)
  })

  it('download a wrong song in at most 1 % of the cases', () => {
    const counts = tally(cases)
    expect(counts.wrong).toBeLessThanOrEqual(cases.length * 0.01)
  })

  it('pick the right song by themselves in at least 90 % of the cases that have one', () => {
    const counts = tally(cases)
    expect(counts.correct).toBeGreaterThanOrEqual(counts.answerable * 0.9)
    const heldOut = tally(cases.filter(isHeldOut))
    expect(heldOut.correct).toBeGreaterThanOrEqual(heldOut.answerable * 0.9)
    expect(heldOut.wrong).toBeLessThanOrEqual(heldOut.cases * 0.01)
  })

  it('never download anything when no result is the right song', () => {
    const unanswerable = cases.filter((c) => c.results.every((r) => r.label === 'wrong'))
    expect(unanswerable.length).toBeGreaterThanOrEqual(30)
    const outcomes = unanswerable.map((c) => [c.id, outcomeOf(c)])
    expect(outcomes.filter(([, outcome]) => outcome === 'wrong')).toEqual([])
  })
})
