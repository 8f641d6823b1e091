import { useStore } from 'zustand'
import { RUN_MODES } from '../../../../shared/settings'
import type { SettingsStore } from '../../stores/settings-store'
import { Field, Toggle } from './field'

const MODE_LABELS: Record<(typeof RUN_MODES)[number], string> = {
  adaptive: 'Adaptive',
  static: 'Static split',
  single: 'Single',
}

/** Worker counts, the speed limit, retries and the switches for how a sync behaves. */
export function TransfersSection({ store }: { store: SettingsStore }) {
  const draft = useStore(store, (s) => s.draft)
  const errors = useStore(store, (s) => s.fieldErrors)
  const edit = useStore(store, (s) => s.api.edit)
  if (!draft) return null

  return (
    <fieldset className="settings-card">
      <legend>Downloads</legend>
      <div className="settings-grid">
        <Field label="Downloaders" hint="Transfers at once, 1–64." error={errors.downloaders}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-testid="downloaders-input"
              type="number"
              min={1}
              max={64}
              value={draft.downloaders}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => edit({ downloaders: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label="Resolvers" hint="“auto”, or 1–32 at most." error={errors.resolvers}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-testid="resolvers-input"
              value={draft.resolvers}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => edit({ resolvers: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label="Speed limit (MB/s)" hint="Empty for no limit." error={errors.speedLimit}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-testid="speed-limit-input"
              type="number"
              min={0}
              step="any"
              placeholder="No limit"
              value={draft.speedLimit}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => edit({ speedLimit: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label="Attempts per song"
          hint="Tries before a song fails, 1–10."
          error={errors.maxDownloadAttempts}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="number"
              min={1}
              max={10}
              value={draft.maxDownloadAttempts}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => edit({ maxDownloadAttempts: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label="Worker mode"
          hint="Adaptive adds resolvers while downloads wait; single resolves and downloads in one worker."
        >
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={draft.mode}
              onChange={(event) =>
                edit({ mode: event.currentTarget.value as (typeof RUN_MODES)[number] })
              }
            >
              {RUN_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {MODE_LABELS[mode]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Toggle
        label="Write tags into downloaded files"
        testId="write-tags"
        checked={draft.writeTags}
        onChange={(writeTags) => edit({ writeTags })}
      />
      <Toggle
        label="Let running transfers finish when pausing"
        hint="Otherwise they stop at once and resume from their partial file."
        testId="finish-transfers-on-pause"
        checked={draft.finishTransfersOnPause}
        onChange={(finishTransfersOnPause) => edit({ finishTransfersOnPause })}
      />
      <Toggle
        label="Keep syncing in the tray when the window closes"
        hint="Desktop app only; the headless server always keeps running."
        testId="keep-in-tray"
        checked={draft.keepInTray}
        onChange={(keepInTray) => edit({ keepInTray })}
      />
    </fieldset>
  )
}
