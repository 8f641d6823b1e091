import { memo } from 'react'
import { useStore } from 'zustand'
import type { ProblemItem, ReviewCandidate } from '../../../../shared/contract'
import { formatDuration } from '../../../../shared/format'
import type { ProblemsStore } from '../../stores/problems-store'
import { ScoreBar } from './score-bar'

interface RowProps {
  item: ProblemItem
  store: ProblemsStore
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000)

function CandidateRow({
  candidate,
  disabled,
  onChoose,
}: {
  candidate: ReviewCandidate
  disabled: boolean
  onChoose: (trackId: string) => void
}) {
  const artists = candidate.artists.join(', ')
  return (
    <tr data-testid="candidate-row" data-track-id={candidate.trackId}>
      <td className="candidate-title">{candidate.title}</td>
      <td>{artists || '—'}</td>
      <td>{candidate.album ?? '—'}</td>
      <td className="numeric">{formatDuration(seconds(candidate.durationMs))}</td>
      <td>
        <ScoreBar score={candidate.score} />
      </td>
      <td>
        <button
          type="button"
          data-testid="candidate-choose"
          aria-label={`Choose ${candidate.title}${artists ? ` by ${artists}` : ''}`}
          disabled={disabled}
          onClick={() => onChoose(candidate.trackId)}
        >
          Choose
        </button>
      </td>
    </tr>
  )
}

/** A weak match: the song, why it was refused, and the candidates a person can pick from. */
export const ReviewRow = memo(function ReviewRow({ item, store }: RowProps) {
  const busy = useStore(store, (s) => s.busy)
  const review = useStore(store, (s) => s.api.review)
  const headingId = `problem-${item.itemId}`
  return (
    <li className="problem" data-testid="problem-row" data-item-id={item.itemId}>
      <div className="problem-head">
        <h2 id={headingId} className="problem-song" data-testid="problem-song">
          {item.displayText}
        </h2>
        <button
          type="button"
          data-testid="review-skip"
          aria-label={`Skip ${item.displayText}`}
          disabled={busy}
          onClick={() => void review(item.itemId, null)}
        >
          Skip
        </button>
      </div>
      <p className="problem-reason" data-testid="problem-reason">
        {item.message ?? 'No reason was recorded'}
      </p>
      <table className="candidates" aria-describedby={headingId}>
        <caption>Candidates{item.sourceId ? ` from ${item.sourceId}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Artists</th>
            <th scope="col">Album</th>
            <th scope="col" className="numeric">
              Length
            </th>
            <th scope="col">Match</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {item.candidates.map((candidate) => (
            <CandidateRow
              key={candidate.trackId}
              candidate={candidate}
              disabled={busy}
              onChoose={(trackId) => void review(item.itemId, trackId)}
            />
          ))}
        </tbody>
      </table>
    </li>
  )
})
