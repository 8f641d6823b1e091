import type { WorkerState } from '../../shared/dashboard'
import type { TransferEvent } from '../../shared/events'
import type { ItemState, StateCounts } from '../../shared/states'
import { formatBytes, formatDuration, formatSpeed } from '../../shared/format'

export interface LanesModel {
  workers: WorkerState[]
  transfer: TransferEvent | null
  counts: StateCounts<ItemState>
  total: number
}

const fit = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width)

function bar(percent: number | null, width: number): string {
  if (percent === null) return ' '.repeat(width)
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width)
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
}

function workerLine(worker: WorkerState, width: number): string {
  const name = worker.name.padEnd(12)
  if (worker.status === 'idle') return fit(`${name}idle`, width)
  const song = fit(worker.display_text, 34)
  if (worker.status === 'downloading') {
    const speed = formatSpeed(worker.speed_bytes_per_sec).padStart(11)
    return fit(`${name}${song} ${bar(worker.percent, 12)} ${worker.progress_text} ${speed}`, width)
  }
  return fit(`${name}${song} ${worker.progress_text}`, width)
}

/** Done items: everything in a final state. */
export const finishedCount = (counts: StateCounts<ItemState>): number =>
  counts.succeeded + counts.failed + counts.skipped

export function totalsLine(model: LanesModel): string {
  const t = model.transfer
  const parts = [
    `${finishedCount(model.counts)}/${model.total} done`,
    `${model.counts.succeeded} downloaded`,
    `${model.counts.skipped} skipped`,
    `${model.counts.failed} failed`,
  ]
  if (t) {
    parts.push(
      `${formatSpeed(t.downloadSpeedBytesPerSec)}`,
      `${formatBytes(t.bytesDone)}`,
      `queue ${t.queueDepth}/${t.queueCapacity}`,
    )
    if (t.etaSeconds !== null) parts.push(`ETA ${formatDuration(t.etaSeconds)}`)
  }
  return parts.join(' · ')
}

/** The lanes as text: resolvers, then downloaders (or single workers), then the totals. */
export function renderLanes(model: LanesModel, width: number): string[] {
  const resolvers = model.workers.filter((w) => w.role === 'resolve')
  const downloaders = model.workers.filter((w) => w.role !== 'resolve')
  const lines: string[] = []
  if (resolvers.length > 0) {
    lines.push(
      fit(`Resolvers (${resolvers.filter((w) => w.status !== 'idle').length} busy)`, width),
    )
    lines.push(...resolvers.map((w) => `  ${workerLine(w, width - 2)}`))
  }
  lines.push(
    fit(
      `Downloaders (${downloaders.filter((w) => w.status === 'downloading').length} busy)`,
      width,
    ),
  )
  lines.push(...downloaders.map((w) => `  ${workerLine(w, width - 2)}`))
  lines.push(fit(totalsLine(model), width))
  return lines
}
