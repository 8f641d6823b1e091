import { useEffect, useRef } from 'react'
import { formatCount } from '../../../../shared/format'
import { useImportStore, useStores } from '../../store-context'
import { ImportPreviewTable } from './import-preview-table'
import { summarise } from './import-summary'

/**
 * The preview of dropped or picked files, then what was imported. A modal <dialog> keeps focus
 * inside it and turns Escape into a cancel.
 */
export function ImportDialog() {
  const stores = useStores()
  const phase = useImportStore((state) => state.phase)
  const files = useImportStore((state) => state.files)
  const summaries = useImportStore((state) => state.summaries)
  const problems = useImportStore((state) => state.problems)
  const { confirm, close } = useImportStore((state) => state.api)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (phase !== 'idle' && !element.open) element.showModal()
    if (phase === 'idle' && element.open) element.close()
    // The main action once it is possible, else Cancel, so Enter or Escape does what is expected.
    const actions = element.querySelector('.import-actions')
    const next =
      actions?.querySelector<HTMLButtonElement>('.primary:enabled') ??
      actions?.querySelector<HTMLButtonElement>('button:enabled')
    next?.focus()
  }, [phase])

  const onConfirm = async () => {
    const imported = await confirm()
    const playlists = stores.playlists.getState().api
    await playlists.refresh()
    const first = imported[0]?.playlists[0]
    if (first) playlists.select(first.playlistId)
  }

  const busy = phase === 'previewing' || phase === 'applying'
  const fileCount = `${formatCount(files.length)} file${files.length === 1 ? '' : 's'}`

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      data-testid="import-preview"
      aria-labelledby="import-title"
      aria-busy={busy}
      onCancel={(event) => {
        event.preventDefault()
        if (phase !== 'applying') close()
      }}
    >
      <h2 id="import-title">{phase === 'done' ? 'Imported' : `Import ${fileCount}`}</h2>
      {phase === 'previewing' && <p role="status">Reading {fileCount}…</p>}
      {phase === 'applying' && <p role="status">Importing…</p>}
      {phase === 'preview' && summaries.length > 0 && <ImportPreviewTable summaries={summaries} />}
      {phase === 'done' && (
        <p data-testid="import-done" role="status">
          {summarise(summaries)}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="import-errors">
          {problems.map((problem, index) => (
            <li key={index} data-testid="import-error" role="alert">
              {problem}
            </li>
          ))}
        </ul>
      )}
      <div className="import-actions">
        {phase === 'done' ? (
          <button type="button" className="ls-button primary" onClick={close}>
            Close
          </button>
        ) : (
          <>
            <button
              type="button"
              className="ls-button"
              data-testid="import-cancel"
              disabled={phase === 'applying'}
              onClick={close}
            >
              Cancel
            </button>
            <button
              type="button"
              className="ls-button primary"
              data-testid="import-confirm"
              disabled={phase !== 'preview' || summaries.length === 0}
              onClick={() => void onConfirm()}
            >
              Import
            </button>
          </>
        )}
      </div>
    </dialog>
  )
}
