import { formatCount } from '../../../../shared/format'
import type { ImportSummary } from '../../../../shared/contract'
import { playlistsOf } from '../../model/import-files'

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`

/** One sentence for what an import did, e.g. `2 playlists (1 new): 40 songs added, 3 removed.` */
export function summarise(summaries: readonly ImportSummary[]): string {
  const playlists = playlistsOf(summaries).map((entry) => entry.playlist)
  if (playlists.length === 0) return 'Nothing was imported.'
  const created = playlists.filter((p) => p.created).length
  const sum = (key: 'added' | 'removed' | 'moved' | 'unresolved') =>
    playlists.reduce((total, p) => total + p[key], 0)
  const parts = [`${plural(sum('added'), 'song')} added`]
  if (sum('removed') > 0) parts.push(`${formatCount(sum('removed'))} removed`)
  if (sum('moved') > 0) parts.push(`${formatCount(sum('moved'))} moved`)
  if (sum('unresolved') > 0) parts.push(`${formatCount(sum('unresolved'))} without a title`)
  const news = created > 0 ? ` (${formatCount(created)} new)` : ''
  return `${plural(playlists.length, 'playlist')}${news}: ${parts.join(', ')}.`
}
