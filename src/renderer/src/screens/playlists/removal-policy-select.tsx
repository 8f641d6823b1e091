import { useId } from 'react'
import type { PlaylistSummary } from '../../../../shared/contract'
import {
  isRemovalPolicy,
  REMOVAL_POLICIES,
  type RemovalPolicy,
} from '../../../../shared/removal-policy'
import { usePlaylistsStore } from '../../store-context'

const LABELS: Record<RemovalPolicy, string> = {
  keep: 'Keep the file',
  archive: 'Move it to the archive folder',
  delete: 'Delete it',
}

/** What a sync does with a song a re-import dropped from this playlist. */
export function RemovalPolicySelect({ playlist }: { playlist: PlaylistSummary }) {
  const id = useId()
  const setPolicy = usePlaylistsStore((state) => state.api.setRemovalPolicy)
  return (
    <p className="removal-policy">
      <label htmlFor={id}>When a re-import drops a song: </label>
      <select
        id={id}
        data-testid="removal-policy"
        value={playlist.removalPolicy}
        onChange={(event) => {
          const policy = event.currentTarget.value
          if (isRemovalPolicy(policy)) void setPolicy(playlist.id, policy)
        }}
      >
        {REMOVAL_POLICIES.map((policy) => (
          <option key={policy} value={policy}>
            {LABELS[policy]}
          </option>
        ))}
      </select>
      <span className="muted"> (never while another playlist still has it)</span>
    </p>
  )
}
