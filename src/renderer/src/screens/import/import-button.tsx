import { useRef, type ChangeEvent } from 'react'
import { useImportStore } from '../../store-context'

/** Opens the system's file picker for playlist exports (several at once), then previews them. */
export function ImportButton() {
  const preview = useImportStore((state) => state.api.preview)
  const input = useRef<HTMLInputElement>(null)

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    // Cleared so that picking the same file again (after fixing it) fires another change.
    event.target.value = ''
    if (files.length > 0) void preview(files)
  }

  return (
    <>
      <button
        type="button"
        className="ls-button"
        data-testid="import-button"
        onClick={() => input.current?.click()}
      >
        Import playlists…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="import-file-input"
        aria-label="Playlist export files"
        onChange={onPicked}
      />
    </>
  )
}
