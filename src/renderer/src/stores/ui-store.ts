import { createStore, type StoreApi } from 'zustand/vanilla'

export const SCREENS = ['sync', 'playlists', 'review', 'failed', 'settings'] as const
export type Screen = (typeof SCREENS)[number]

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface UiState {
  screen: Screen
  theme: ThemeChoice
  api: {
    show(screen: Screen): void
    setTheme(theme: ThemeChoice): void
  }
}

export type UiStore = StoreApi<UiState>

/** Where the theme choice is kept between runs; absent where the page has no storage. */
export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'> | undefined

const THEME_KEY = 'catalogsync.theme'

function storedTheme(storage: ThemeStorage): ThemeChoice {
  const value = storage?.getItem(THEME_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

/** What the window shows; the only store that is not a cache of the service's state. */
export function createUiStore(storage: ThemeStorage = globalThis.localStorage): UiStore {
  return createStore<UiState>()((set) => ({
    screen: 'sync',
    theme: storedTheme(storage),
    api: {
      show: (screen) => set({ screen }),
      setTheme(theme) {
        storage?.setItem(THEME_KEY, theme)
        set({ theme })
      },
    },
  }))
}
