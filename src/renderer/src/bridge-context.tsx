import { createContext, useContext, type ReactNode } from 'react'
import type { Bridge } from './bridge'

const BridgeContext = createContext<Bridge | null>(null)

/** Gives every screen the one Bridge of this window (Electron IPC or HTTP). */
export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>
}

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext)
  if (!bridge) throw new Error('useBridge() needs a <BridgeProvider> above it')
  return bridge
}
