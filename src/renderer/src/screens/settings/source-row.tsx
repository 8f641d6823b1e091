import { useSortable } from '@dnd-kit/sortable'
import { memo, type CSSProperties, type ReactNode } from 'react'
import type { SourceTest } from '../../stores/settings-store'
import type { DraftSource } from '../../model/settings-draft'
import { describeSource, SOURCE_KIND_LABELS } from './source-form'

interface RowProps {
  source: DraftSource
  index: number
  count: number
  test: SourceTest | undefined
  editing: boolean
  /** The editor, shown in the row while it is being edited. */
  editor: ReactNode
  onMove: (from: number, to: number) => void
  onEdit: (key: string) => void
  onRemove: (key: string) => void
  onTest: (key: string) => void
}

/** One source in try order: drag it (or move it up and down), test, edit or remove it. */
export const SourceRow = memo(function SourceRow(props: RowProps) {
  const { source, index, count, test, editing, editor } = props
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: source.key })
  const style: CSSProperties = {
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    transition,
  }
  const { id } = source.entry

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`source-row${isDragging ? ' dragging' : ''}`}
      data-testid="source-row"
      data-source-id={id}
    >
      <div className="source-main">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="source-handle"
          aria-label={`Reorder ${id}`}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="source-order" aria-label={`Tried ${index + 1} of ${count}`}>
          {index + 1}
        </span>
        <div className="source-info">
          <span className="source-id">{id}</span>
          <span className="source-kind">{SOURCE_KIND_LABELS[source.entry.type]}</span>
          {source.originalId === null && <span className="source-new">new</span>}
          <span className="source-detail">{describeSource(source.entry)}</span>
        </div>
        <div className="source-actions">
          <button
            type="button"
            data-testid="source-move-up"
            aria-label={`Move ${id} up`}
            disabled={index === 0}
            onClick={() => props.onMove(index, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            data-testid="source-move-down"
            aria-label={`Move ${id} down`}
            disabled={index === count - 1}
            onClick={() => props.onMove(index, index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            data-testid="source-test"
            aria-label={`Test ${id}`}
            disabled={test?.state === 'testing'}
            onClick={() => props.onTest(source.key)}
          >
            Test
          </button>
          <button
            type="button"
            data-testid="source-edit"
            aria-label={`Edit ${id}`}
            aria-expanded={editing}
            onClick={() => props.onEdit(source.key)}
          >
            Edit
          </button>
          <button
            type="button"
            className="danger"
            data-testid="source-remove"
            aria-label={`Remove ${id}`}
            onClick={() => props.onRemove(source.key)}
          >
            Remove
          </button>
        </div>
      </div>
      {test && (
        <p
          className={`source-test-result test-${test.state}`}
          data-testid="source-test-result"
          role="status"
        >
          {test.message}
        </p>
      )}
      {editing && editor}
    </li>
  )
})
