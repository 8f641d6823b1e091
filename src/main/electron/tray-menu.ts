import { formatSpeed } from '../../shared/format'
import type { ItemState, JobState, StateCounts } from '../../shared/states'

/** What the tray shows: the latest job's state, the download speed and the item progress. */
export interface TrayStatus {
  jobState: JobState | null
  speed: number
  done: number
  total: number
}

export type TrayAction = 'start' | 'pause' | 'resume' | 'open' | 'quit'

export type TrayItem =
  { type: 'normal'; label: string; enabled: boolean; action?: TrayAction } | { type: 'separator' }

export interface TrayView {
  tooltip: string
  items: TrayItem[]
}

const ACTIVE: readonly JobState[] = ['pending', 'running']

/** Done items are those in a final state, as the CLI counts them. */
export function progressOf(counts: StateCounts<ItemState>): { done: number; total: number } {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  return { done: counts.succeeded + counts.failed + counts.skipped, total }
}

export function trayTooltip(status: TrayStatus): string {
  const progress = `${status.done.toLocaleString('en-US')}/${status.total.toLocaleString('en-US')}`
  if (status.jobState && ACTIVE.includes(status.jobState)) {
    return `CatalogSync — ${formatSpeed(status.speed)} · ${progress}`
  }
  if (status.jobState === 'pause_requested') return `CatalogSync — pausing · ${progress}`
  if (status.jobState === 'paused') return `CatalogSync — paused · ${progress}`
  return 'CatalogSync — idle'
}

/** The one sync item follows the job: start when idle, pause while running, resume when paused. */
function syncItem(jobState: JobState | null): TrayItem {
  if (jobState && ACTIVE.includes(jobState)) {
    return { type: 'normal', label: 'Pause all', enabled: true, action: 'pause' }
  }
  if (jobState === 'pause_requested') return { type: 'normal', label: 'Pausing…', enabled: false }
  if (jobState === 'paused') {
    return { type: 'normal', label: 'Resume', enabled: true, action: 'resume' }
  }
  return { type: 'normal', label: 'Start', enabled: true, action: 'start' }
}

export function trayMenu(status: TrayStatus): TrayView {
  const tooltip = trayTooltip(status)
  return {
    tooltip,
    items: [
      { type: 'normal', label: tooltip.replace('CatalogSync — ', ''), enabled: false },
      syncItem(status.jobState),
      { type: 'separator' },
      { type: 'normal', label: 'Open window', enabled: true, action: 'open' },
      { type: 'normal', label: 'Quit', enabled: true, action: 'quit' },
    ],
  }
}
