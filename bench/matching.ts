// Scores the labelled matching cases (test/fixtures/matching/*.jsonl) and prints correct picks,
// wrong picks, sent to review and not found, overall and per kind of trap; then tunes the two
// thresholds on the training part and reports them on the held-out part.
// Run: npm run bench:matching
import { DEFAULT_REVIEW_THRESHOLD, DEFAULT_THRESHOLD } from '../src/main/core/matching/choose'
import type { MatchOptions } from '../src/main/core/matching/choose'
import { scoreCandidate } from '../src/main/core/matching/score'
import { videoCandidate } from '../src/main/core/matching/video-result'
import {
  isHeldOut,
  loadLabelledCases,
  tally,
  type LabelledCase,
  type Tally,
} from '../test/support/matching-cases'

const cases = loadLabelledCases()
const training = cases.filter((labelled) => !isHeldOut(labelled))
const heldOut = cases.filter(isHeldOut)

const percent = (part: number, whole: number) =>
  whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`

function row(name: string, counts: Tally): string {
  return [
    name.padEnd(28),
    String(counts.cases).padStart(5),
    String(counts.answerable).padStart(6),
    `${String(counts.correct).padStart(4)} ${percent(counts.correct, counts.answerable)}`,
    `${String(counts.wrong).padStart(4)} ${percent(counts.wrong, counts.cases)}`,
    String(counts.review).padStart(6),
    String(counts.none).padStart(6),
  ].join('  ')
}

const HEADER = [
  'kind'.padEnd(28),
  'cases',
  'answer',
  'correct (of answ.)',
  'wrong (of cases)',
  'review',
  '  none',
].join('  ')

function table(title: string, rows: readonly [string, Tally][]): void {
  console.log(`\n${title}\n${HEADER}`)
  for (const [name, counts] of rows) console.log(row(name, counts))
}

function byKind(set: readonly LabelledCase[], options: MatchOptions): [string, Tally][] {
  const kinds = [...new Set(set.map((labelled) => labelled.kind))].sort()
  return kinds.map((kind) => [
    kind,
    tally(
      set.filter((c) => c.kind === kind),
      options,
    ),
  ])
}

// The tuning: each match threshold is tried on the training part with no review floor. Those
// that download wrongly in at most 1 % of the cases and pick the most right answers form a
// plateau; its middle, rounded to 0.05, is the threshold, so that scores on either edge of it
// (version caps just below, exact matches just above) keep the widest margin. The review
// threshold is the lowest score a right candidate gets in training, rounded down to 0.05 and
// never above the default: below it a person would only be shown wrong songs.
function tune(set: readonly LabelledCase[]): { threshold: number; reviewThreshold: number } {
  console.log(`\nmatch threshold sweep on the training part\n${HEADER}`)
  const sweep = Array.from({ length: 15 }, (_, step) => {
    const threshold = Number((0.6 + step * 0.025).toFixed(3))
    const counts = tally(set, { threshold, reviewThreshold: 0 })
    console.log(row(`>= ${threshold}`, counts))
    return { threshold, counts }
  })
  const safe = sweep.filter(({ counts }) => counts.wrong <= set.length * 0.01)
  const most = Math.max(...safe.map(({ counts }) => counts.correct))
  const plateau = safe.filter(({ counts }) => counts.correct === most).map((s) => s.threshold)
  const low = Math.min(...plateau)
  const high = Math.max(...plateau)
  console.log(`safe plateau: ${low} .. ${high} (${most} correct picks)`)
  const rightScores = set.flatMap((labelled) => {
    const scored = scoreOf(labelled)
    return scored.filter((result) => result.label === 'right').map((result) => result.score)
  })
  const lowestRight = Math.min(...rightScores)
  const reviewThreshold = Math.min(DEFAULT_REVIEW_THRESHOLD, Math.floor(lowestRight * 20) / 20)
  console.log(`lowest score of a right candidate in training: ${lowestRight.toFixed(3)}`)
  return { threshold: Math.round(((low + high) / 2) * 20) / 20, reviewThreshold }
}

function scoreOf(labelled: LabelledCase): { label: string; score: number }[] {
  const query = { ...labelled.query, isrc: null }
  return labelled.results.map((result) => ({
    label: result.label,
    score: scoreCandidate(query, videoCandidate(result)),
  }))
}

const defaults = { threshold: DEFAULT_THRESHOLD, reviewThreshold: DEFAULT_REVIEW_THRESHOLD }
console.log(
  `${cases.length} labelled cases (${training.length} training, ${heldOut.length} held out), ` +
    `thresholds: match >= ${defaults.threshold}, review >= ${defaults.reviewThreshold}`,
)
table('all cases, by kind of trap', [...byKind(cases, defaults), ['ALL', tally(cases, defaults)]])
const handWritten = (labelled: LabelledCase) => labelled.kind.startsWith('hand:')
table('training and held-out parts, generated and hand-written cases', [
  ['training', tally(training, defaults)],
  ['held out', tally(heldOut, defaults)],
  [
    'generated',
    tally(
      cases.filter((c) => !handWritten(c)),
      defaults,
    ),
  ],
  ['hand-written', tally(cases.filter(handWritten), defaults)],
])
const tuned = tune(training)
console.log(
  `tuned on the training part: match >= ${tuned.threshold}, review >= ${tuned.reviewThreshold}`,
)
table('with the tuned thresholds', [
  ['training', tally(training, tuned)],
  ['held out', tally(heldOut, tuned)],
])
