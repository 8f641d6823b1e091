import { formatCount } from '../../../../shared/format'
import type { PlaylistSummary, SongState } from '../../../../shared/contract'

export const STATE_LABELS: Record<SongState, string> = {
  in_library: 'In library',
  not_synced: 'Not synced',
  pending: 'Waiting',
  resolving: 'Resolving',
  ready: 'Resolved',
  downloading: 'Downloading',
  succeeded: 'Downloaded',
  failed: 'Failed',
  skipped: 'Skipped',
}

/** The order people read states in: done first, then in progress, then trouble, then untouched. */
export const STATE_ORDER: readonly SongState[] = [
  'in_library',
  'succeeded',
  'skipped',
  'downloading',
  'ready',
  'resolving',
  'pending',
  'failed',
  'not_synced',
]

/** `120 songs · 80 in library · 3 failed`: only the states that have songs. */
export function countsText(playlist: Pick<PlaylistSummary, 'songs' | 'counts'>): string {
  const songs = `${formatCount(playlist.songs)} song${playlist.songs === 1 ? '' : 's'}`
  const parts = STATE_ORDER.flatMap((state) => {
    const n = playlist.counts[state] ?? 0
    return n > 0 ? [`${formatCount(n)} ${STATE_LABELS[state].toLowerCase()}`] : []
  })
  return [songs, ...parts].join(' · ')
}
