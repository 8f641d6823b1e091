/** A match score (0..1) as a bar and a percentage; colour says how doubtful it is. */
export function ScoreBar({ score }: { score: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100)
  const level = percent >= 80 ? 'good' : percent >= 50 ? 'fair' : 'poor'
  return (
    <span className={`score score-${level}`} data-testid="candidate-score">
      <span className="score-track" aria-hidden="true">
        <span className="score-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="score-text">{percent}%</span>
    </span>
  )
}
