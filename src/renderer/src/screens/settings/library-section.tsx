import { useStore } from 'zustand'
import type { SettingsStore } from '../../stores/settings-store'
import { Field, Toggle } from './field'

/** Where songs go: the library folders and the layout template, with a live example path. */
export function LibrarySection({ store }: { store: SettingsStore }) {
  const roots = useStore(store, (s) => s.draft?.libraryRoots ?? '')
  const layout = useStore(store, (s) => s.draft?.layout ?? '')
  const errors = useStore(store, (s) => s.fieldErrors)
  const example = useStore(store, (s) => s.example)
  const playlistFolder = useStore(store, (s) => s.draft?.playlistFolder ?? '')
  const archiveFolder = useStore(store, (s) => s.draft?.archiveFolder ?? '')
  const checkFirst = useStore(store, (s) => s.draft?.checkLibraryFirst ?? true)
  const edit = useStore(store, (s) => s.api.edit)

  return (
    <fieldset className="settings-card">
      <legend>Library</legend>
      <Field
        label="Library folders"
        hint="One folder per line; the first is where new songs go."
        error={errors.libraryRoots}
      >
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            data-testid="library-roots"
            rows={3}
            spellCheck={false}
            value={roots}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => edit({ libraryRoots: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        label="Layout"
        hint={
          <>
            Placeholders: <code>{'{artist}'}</code> <code>{'{artists}'}</code>{' '}
            <code>{'{album}'}</code> <code>{'{title}'}</code> <code>{'{track}'}</code>{' '}
            <code>{'{playlist}'}</code> <code>{'{ext}'}</code>
          </>
        }
        error={errors.layout}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            data-testid="layout-input"
            spellCheck={false}
            value={layout}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => edit({ layout: event.currentTarget.value })}
          />
        )}
      </Field>
      <p className="layout-example" aria-live="polite">
        <span className="layout-example-label">Example: </span>
        <output
          data-testid="layout-example"
          className={example.error ? 'field-error' : 'layout-example-path'}
        >
          {example.error ?? example.path ?? '…'}
        </output>
      </p>
      <Toggle
        label="Look in the library folders before downloading"
        hint="A song already there (also from before CatalogSync) is used where it lies."
        testId="check-library-first"
        checked={checkFirst}
        onChange={(checkLibraryFirst) => edit({ checkLibraryFirst })}
      />
      <div className="settings-grid">
        <Field
          label="Playlist files folder"
          hint="Where each playlist's .m3u8 goes, inside the first library folder (or absolute)."
          error={errors.playlistFolder}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-testid="playlist-folder-input"
              spellCheck={false}
              value={playlistFolder}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => edit({ playlistFolder: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label="Archive folder"
          hint="Where a playlist set to “archive” moves songs it dropped."
          error={errors.archiveFolder}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-testid="archive-folder-input"
              spellCheck={false}
              value={archiveFolder}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => edit({ archiveFolder: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  )
}
