import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { ImportState } from './stores/import-store'
import type { PlaylistsState } from './stores/playlists-store'
import type { SongsState } from './stores/songs-store'
import type { SyncState } from './stores/sync-store'
import type { UiState } from './stores/ui-store'
import type { WindowStores } from './stores/window-stores'

const StoresContext = createContext<WindowStores | null>(null)

/** Gives every screen the stores of this window. */
export function StoresProvider({
  stores,
  children,
}: {
  stores: WindowStores
  children: ReactNode
}) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>
}

export function useStores(): WindowStores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('useStores() needs a <StoresProvider> above it')
  return stores
}

type Selector<S, T> = (state: S) => T

export const useUiStore = <T,>(selector: Selector<UiState, T>): T =>
  useStore(useStores().ui, selector)

export const useSyncStore = <T,>(selector: Selector<SyncState, T>): T =>
  useStore(useStores().sync, selector)

export const usePlaylistsStore = <T,>(selector: Selector<PlaylistsState, T>): T =>
  useStore(useStores().playlists, selector)

export const useSongsStore = <T,>(selector: Selector<SongsState, T>): T =>
  useStore(useStores().songs, selector)

export const useImportStore = <T,>(selector: Selector<ImportState, T>): T =>
  useStore(useStores().imports, selector)
