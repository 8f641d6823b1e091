import type { ReactNode } from 'react'

/** The whole window takes dropped playlist exports. */
export function ImportDropZone({ children }: { children: ReactNode }) {
  return <div data-testid="drop-zone">{children}</div>
}
