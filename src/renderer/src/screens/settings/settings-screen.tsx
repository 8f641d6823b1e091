import { useEffect, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { useStores } from '../../store-context'
import { isDirty, type SettingsStore } from '../../stores/settings-store'
import { LibrarySection } from './library-section'
import { SourcesSection } from './sources-section'
import { TransfersSection } from './transfers-section'
import './settings-screen.css'

function SettingsActions({ store }: { store: SettingsStore }) {
  const dirty = useStore(store, isDirty)
  const saving = useStore(store, (s) => s.saving)
  const justSaved = useStore(store, (s) => s.justSaved)
  const reset = useStore(store, (s) => s.api.reset)
  return (
    <div className="settings-actions">
      <p role="status" className="settings-state">
        {dirty ? (
          <span className="settings-dirty">Unsaved changes</span>
        ) : (
          justSaved && <span data-testid="settings-saved">Saved</span>
        )}
      </p>
      <button
        type="button"
        data-testid="settings-reset"
        disabled={!dirty || saving}
        onClick={reset}
      >
        Reset
      </button>
      <button
        type="submit"
        className="primary"
        data-testid="settings-save"
        disabled={!dirty || saving}
      >
        {saving ? 'Saving…' : 'Save'}
      </button>
    </div>
  )
}

/** Library folders and layout, sources in try order, and how downloads run. */
export function SettingsScreen() {
  const store = useStores().settings
  const loaded = useStore(store, (s) => s.draft !== null)
  const error = useStore(store, (s) => s.saveError ?? s.loadError)
  const save = useStore(store, (s) => s.api.save)

  useEffect(() => {
    const { api } = store.getState()
    void api.open()
    return api.dispose
  }, [store])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void save()
  }

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {error && (
        <p role="alert" className="settings-error" data-testid="settings-error">
          {error}
        </p>
      )}
      {loaded && (
        <form
          data-testid="settings-form"
          aria-labelledby="settings-title"
          onSubmit={onSubmit}
          noValidate
        >
          <LibrarySection store={store} />
          <SourcesSection store={store} />
          <TransfersSection store={store} />
          <SettingsActions store={store} />
        </form>
      )}
    </section>
  )
}
