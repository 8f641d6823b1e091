import { formatCount } from '../../../../shared/format'
import type { ImportSummary } from '../../../../shared/contract'
import { playlistsOf } from '../../model/import-files'

const COUNTS = {
  added: 'Added',
  kept: 'Kept',
  removed: 'Removed',
  moved: 'Moved',
  unresolved: 'No title',
} as const
const COUNT_KEYS = Object.keys(COUNTS) as (keyof typeof COUNTS)[]

/** Per playlist of the files: new or updated, and how many tracks each change touches. */
export function ImportPreviewTable({ summaries }: { summaries: readonly ImportSummary[] }) {
  return (
    <table className="import-table">
      <thead>
        <tr>
          <th scope="col">Playlist</th>
          <th scope="col">File</th>
          <th scope="col">Change</th>
          {COUNT_KEYS.map((name) => (
            <th key={name} scope="col" className="number">
              {COUNTS[name]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {playlistsOf(summaries).map(({ file, playlist }, index) => (
          <tr key={`${file}:${playlist.playlistId}:${index}`} data-testid="import-preview-playlist">
            <th scope="row">{playlist.name}</th>
            <td className="muted">{file}</td>
            <td>{playlist.created ? 'New' : 'Update'}</td>
            {COUNT_KEYS.map((name) => (
              <td key={name} className="number" data-count={name}>
                {formatCount(playlist[name])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
