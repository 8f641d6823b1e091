import { create } from 'zustand'

export const SCREENS = ['sync', 'playlists', 'review', 'failed', 'settings'] as const
export type Screen = (typeof SCREENS)[number]

export type ThemeChoice = 'system' | 'light' | 'dark'

interface UiState {
  screen: Screen
  theme: ThemeChoice
  api: {
    show(screen: Screen): void
    setTheme(theme: ThemeChoice): void
  }
}

const THEME_KEY = 'catalogsync.theme'

function storedTheme(): ThemeChoice {
  const value = globalThis.localStorage?.getItem(THEME_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

/** What the window shows; the only store that is not a cache of the service's state. */
export const useUiStore = create<UiState>()((set) => ({
  screen: 'sync',
  theme: storedTheme(),
  api: {
    show: (screen) => set({ screen }),
    setTheme(theme) {
      globalThis.localStorage?.setItem(THEME_KEY, theme)
      set({ theme })
    },
  },
}))
