import type {
  DashboardView,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  Result,
} from '../../../src/shared/contract'
import type { JobState } from '../../../src/shared/states'

/**
 * The server's own API, for the tests to learn when the service has settled (a sync ended)
 * before they look at the window; what the tests check is always read from the window.
 */
export async function invoke<C extends InvokeChannel>(
  url: string,
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  const response = await fetch(`${url}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  })
  const result = (await response.json()) as Result<InvokeResult<C>>
  if (!result.ok) throw new Error(`${channel}: ${result.error}`)
  return result.value
}

export async function dashboard(url: string): Promise<DashboardView> {
  const response = await fetch(`${url}/api/dashboard?include_task_rows=false`)
  if (!response.ok) throw new Error(`GET /api/dashboard: HTTP ${response.status}`)
  return (await response.json()) as DashboardView
}

const SETTLED: ReadonlySet<JobState> = new Set(['paused', 'canceled', 'succeeded', 'failed'])

/** The newest job's state, or null before the first sync. */
export async function jobState(url: string): Promise<JobState | null> {
  return (await dashboard(url)).job?.state ?? null
}

export const isSettled = (state: JobState | null): boolean => state === null || SETTLED.has(state)
