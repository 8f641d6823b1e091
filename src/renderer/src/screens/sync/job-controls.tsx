import { useState } from 'react'
import type { Bridge } from '../../bridge'
import { useBridge } from '../../bridge-context'
import { useSyncStore } from '../../store-context'
import { controlRefusal, jobActions, type JobAction } from './job-view'

const LABELS: Record<JobAction, string> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
}
const ACTIONS = Object.keys(LABELS) as JobAction[]

function invokeControl(bridge: Bridge, action: JobAction) {
  switch (action) {
    case 'start':
      return bridge.invoke('jobs:start')
    case 'pause':
      return bridge.invoke('jobs:pause')
    case 'resume':
      return bridge.invoke('jobs:resume')
    case 'cancel':
      return bridge.invoke('jobs:cancel')
  }
}

/** The service's error, or why the button changed nothing; null when it did its job. */
async function control(bridge: Bridge, action: JobAction): Promise<string | null> {
  const result = await invokeControl(bridge, action)
  if (!result.ok) return result.error
  return controlRefusal(action, result.value?.changed ?? null)
}

export function JobControls() {
  const bridge = useBridge()
  const state = useSyncStore((s) => s.job?.state ?? null)
  const refresh = useSyncStore((s) => s.api.refresh)
  const [pending, setPending] = useState<JobAction | null>(null)
  const [error, setError] = useState<string | null>(null)
  const enabled = jobActions(state)

  async function run(action: JobAction) {
    if (action === 'cancel' && !window.confirm('Cancel this sync? Transfers in progress stop.'))
      return
    setPending(action)
    setError(null)
    const refusal = await control(bridge, action)
    setPending(null)
    setError(refusal)
    // Some changes (cancelling a paused sync) publish no event: fetch the job again.
    await refresh('job')
  }

  return (
    <div className="job-controls">
      <div className="job-buttons" role="group" aria-label="Sync controls">
        {ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={`job-button job-button-${action}`}
            data-testid={`job-${action}`}
            disabled={pending !== null || !enabled.includes(action)}
            onClick={() => void run(action)}
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
      {error && (
        <p className="job-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
