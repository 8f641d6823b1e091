import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { chooseMatch, type MatchOptions } from '../../src/main/core/matching/choose'
import { videoCandidate, videoResultSchema } from '../../src/main/core/matching/video-result'

export const MATCHING_CASES_DIR = join(import.meta.dirname, '..', 'fixtures', 'matching')

const labelledCaseSchema = z.object({
  id: z.string(),
  kind: z.string(),
  query: z.object({
    title: z.string(),
    artists: z.array(z.string()),
    album: z.string().nullable(),
    durationMs: z.number().nullable(),
  }),
  results: z
    .array(videoResultSchema.extend({ label: z.enum(['right', 'wrong']) }))
    .min(3)
    .max(8),
})
export type LabelledCase = z.infer<typeof labelledCaseSchema>

/** Every case of every `.jsonl` file in the fixtures folder, in file and line order. */
export function loadLabelledCases(dir = MATCHING_CASES_DIR): LabelledCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          const parsed = labelledCaseSchema.safeParse(JSON.parse(line))
          if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.message}`)
          return parsed.data
        }),
    )
}

/**
 * One case in four is held out of threshold tuning, chosen by a hash of its id so that adding
 * cases does not move the others between the two parts.
 */
export function isHeldOut(labelled: Pick<LabelledCase, 'id'>): boolean {
  let hash = 2166136261
  for (const char of labelled.id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619)
  return (hash >>> 0) % 4 === 0
}

export type Outcome = 'correct' | 'wrong' | 'review' | 'none'

export function outcomeOf(labelled: LabelledCase, options: MatchOptions = {}): Outcome {
  const query = { ...labelled.query, isrc: null }
  const candidates = labelled.results.map((result) => ({
    ...videoCandidate(result),
    label: result.label,
  }))
  const choice = chooseMatch(query, candidates, options)
  if (choice.kind === 'match') return choice.candidate.label === 'right' ? 'correct' : 'wrong'
  return choice.kind
}

export interface Tally {
  cases: number
  answerable: number
  correct: number
  wrong: number
  review: number
  none: number
}

export function tally(cases: readonly LabelledCase[], options: MatchOptions = {}): Tally {
  const counts: Tally = { cases: 0, answerable: 0, correct: 0, wrong: 0, review: 0, none: 0 }
  for (const labelled of cases) {
    counts.cases += 1
    if (labelled.results.some((result) => result.label === 'right')) counts.answerable += 1
    counts[outcomeOf(labelled, options)] += 1
  }
  return counts
}
