import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { useCallback, useState } from 'react'
import { useStore } from 'zustand'
import type { SourceSettings } from '../../../../shared/settings'
import type { SettingsStore } from '../../stores/settings-store'
import { SourceEditor } from './source-editor'
import { SourceRow } from './source-row'

/** The key of the source being edited, `new` while adding one, or null. */
type Editing = string | null

/** Sources in the order they are tried, with an editor to add or change one. */
export function SourcesSection({ store }: { store: SettingsStore }) {
  const sources = useStore(store, (s) => s.draft?.sources ?? [])
  const tests = useStore(store, (s) => s.tests)
  const api = useStore(store, (s) => s.api)
  const [editing, setEditing] = useState<Editing>(null)
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  // Announced with the sources' ids, not the rows' internal keys.
  const idOf = (key: UniqueIdentifier) =>
    sources.find((source) => source.key === key)?.entry.id ?? String(key)
  const positionOf = (key: UniqueIdentifier) =>
    sources.findIndex((source) => source.key === key) + 1
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up source ${idOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `Source ${idOf(active.id)} is over position ${positionOf(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `Source ${idOf(active.id)} dropped at position ${positionOf(over.id)}.`
        : `Source ${idOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving source ${idOf(active.id)} was canceled.`,
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const keys = sources.map((source) => source.key)
    api.moveSource(keys.indexOf(String(active.id)), keys.indexOf(String(over.id)))
  }
  const onEdit = useCallback(
    (key: string) => setEditing((current) => (current === key ? null : key)),
    [],
  )
  const onRemove = useCallback(
    (key: string) => {
      api.removeSource(key)
      setEditing((current) => (current === key ? null : current))
    },
    [api],
  )
  const onTest = useCallback((key: string) => void api.testSource(key), [api])

  const editorFor = (key: string | null, base: SourceSettings | null) => (
    <SourceEditor
      key={key ?? 'new'}
      base={base}
      otherIds={sources.filter((s) => s.key !== key).map((s) => s.entry.id)}
      onApply={(entry) => {
        api.putSource(key, entry)
        setEditing(null)
      }}
      onCancel={() => setEditing(null)}
    />
  )

  return (
    <fieldset className="settings-card">
      <legend>Sources</legend>
      <p className="field-hint">
        Tried from top to bottom for each song. Drag a row by its handle (or focus the handle and
        use Space and the arrow keys), or use the arrows.
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements }}
        onDragEnd={onDragEnd}
      >
        <SortableContext
          items={sources.map((source) => source.key)}
          strategy={verticalListSortingStrategy}
        >
          <ol className="source-list">
            {sources.map((source, index) => (
              <SourceRow
                key={source.key}
                source={source}
                index={index}
                count={sources.length}
                test={tests[source.key]}
                editing={editing === source.key}
                editor={editing === source.key ? editorFor(source.key, source.entry) : null}
                onMove={api.moveSource}
                onEdit={onEdit}
                onRemove={onRemove}
                onTest={onTest}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {sources.length === 0 && <p className="field-error">Add at least one source to sync.</p>}
      {editing === 'new' ? (
        editorFor(null, null)
      ) : (
        <button type="button" data-testid="source-add" onClick={() => setEditing('new')}>
          Add source…
        </button>
      )}
    </fieldset>
  )
}
