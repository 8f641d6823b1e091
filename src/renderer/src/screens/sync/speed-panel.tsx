import { memo } from 'react'
import { formatSpeed } from '../../../../shared/format'
import type { SpeedSample } from '../../stores/speed-history'
import { speedChart } from '../../stores/speed-history'
import { useSyncStore } from '../../store-context'
import { currentSpeed } from '../../stores/sync-store'

const WIDTH = 240
const HEIGHT = 56

const SpeedGraph = memo(function SpeedGraph({
  samples,
  speed,
}: {
  samples: readonly SpeedSample[]
  speed: number
}) {
  const chart = speedChart(samples, WIDTH, HEIGHT)
  return (
    <svg
      className="speed-graph"
      data-testid="speed-graph"
      role="img"
      aria-label={`Download speed over the last 2 minutes, now ${formatSpeed(speed)}; the top of the graph is ${formatSpeed(chart.scaleBytesPerSec)}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
    >
      <line className="speed-graph-mid" x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
      <path className="speed-graph-area" d={chart.area} />
      <path className="speed-graph-line" d={chart.line} vectorEffect="non-scaling-stroke" />
    </svg>
  )
})

/** The total download speed, as a number and as its last two minutes. */
export function SpeedPanel() {
  const speed = useSyncStore(currentSpeed)
  const samples = useSyncStore((state) => state.speedHistory)
  const scale = speedChart(samples, WIDTH, HEIGHT).scaleBytesPerSec
  return (
    <div className="speed-panel">
      <div className="figure">
        <span className="figure-label">Total speed</span>
        <span className="figure-value" data-testid="total-speed">
          {formatSpeed(speed)}
        </span>
      </div>
      <div className="speed-graph-box">
        <SpeedGraph samples={samples} speed={speed} />
        <span className="speed-graph-scale" aria-hidden="true">
          {formatSpeed(scale)}
        </span>
      </div>
    </div>
  )
}
