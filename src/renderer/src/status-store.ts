import { create } from 'zustand'
import type { CatalogStatus } from '../../shared/status'
import type { Bridge } from './bridge'

interface StatusState {
  status: CatalogStatus | null
  error: string | null
  api: { refresh(bridge: Bridge | null): Promise<void> }
}

/** A cache of the service's catalog status; the service stays the source of truth. */
export const useStatusStore = create<StatusState>()((set) => ({
  status: null,
  error: null,
  api: {
    async refresh(bridge) {
      if (!bridge) {
        set({ error: 'Not connected to a CatalogSync service.' })
        return
      }
      const result = await bridge.invoke('status:get')
      set(result.ok ? { status: result.value, error: null } : { error: result.error })
    },
  },
}))
