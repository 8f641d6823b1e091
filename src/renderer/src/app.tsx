import { useEffect } from 'react'
import { ImportDropZone } from './screens/import/import-drop-zone'
import { PlaylistsScreen } from './screens/playlists/playlists-screen'
import { ProblemsScreen } from './screens/problems/problems-screen'
import { SettingsScreen } from './screens/settings/settings-screen'
import { SyncScreen } from './screens/sync/sync-screen'
import { useUiStore } from './store-context'
import { WindowEvents } from './window-events'
import { SCREENS, type Screen, type ThemeChoice } from './stores/ui-store'

const LABELS: Record<Screen, string> = {
  sync: 'Sync',
  playlists: 'Playlists',
  review: 'Needs review',
  failed: 'Failed',
  settings: 'Settings',
}

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
}

function ScreenContent({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'sync':
      return <SyncScreen />
    case 'playlists':
      return <PlaylistsScreen />
    case 'review':
      return <ProblemsScreen kind="review" />
    case 'failed':
      return <ProblemsScreen kind="failed" />
    case 'settings':
      return <SettingsScreen />
  }
}

export function App() {
  const screen = useUiStore((state) => state.screen)
  const theme = useUiStore((state) => state.theme)
  const { show, setTheme } = useUiStore((state) => state.api)

  // `system` leaves the choice to the `prefers-color-scheme` rules in styles.css.
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
  }, [theme])

  return (
    <ImportDropZone>
      <WindowEvents />
      <div className="shell">
        <nav className="shell-nav" aria-label="Screens">
          <span className="shell-brand">CatalogSync</span>
          {SCREENS.map((name) => (
            <button
              key={name}
              type="button"
              data-testid={`nav-${name}`}
              aria-current={name === screen ? 'page' : undefined}
              onClick={() => show(name)}
            >
              {LABELS[name]}
            </button>
          ))}
          <button
            type="button"
            className="shell-theme"
            data-testid="theme-toggle"
            onClick={() => setTheme(NEXT_THEME[theme])}
          >
            Theme: {theme}
          </button>
        </nav>
        <main className="shell-main">
          <ScreenContent screen={screen} />
        </main>
      </div>
    </ImportDropZone>
  )
}
