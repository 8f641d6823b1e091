import { useRef, useState, type DragEvent, type ReactNode } from 'react'
import { useImportStore } from '../../store-context'
import { ImportDialog } from './import-dialog'
import './import.css'

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files')

/** The whole window takes dropped playlist exports, showing an overlay while files hover. */
export function ImportDropZone({ children }: { children: ReactNode }) {
  const preview = useImportStore((state) => state.api.preview)
  const [dragging, setDragging] = useState(false)
  // dragenter/dragleave fire for every child crossed; the count tells when the window is left.
  const depth = useRef(0)

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth.current++
    setDragging(true)
  }
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }
  const onDragLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setDragging(false)
  }
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth.current = 0
    setDragging(false)
    const files = Array.from(event.dataTransfer.files)
    if (files.length > 0) void preview(files)
  }

  return (
    <div
      data-testid="drop-zone"
      className="drop-zone"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      {dragging && (
        <div data-testid="drop-overlay" className="drop-overlay">
          <p>Drop playlist exports to preview what they add</p>
        </div>
      )}
      <ImportDialog />
    </div>
  )
}
