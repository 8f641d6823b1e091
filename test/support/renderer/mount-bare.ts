import { act, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { vi } from 'vitest'

const noop = () => {}

/**
 * Mounts a component that renders nothing, with no DOM: React needs only a container to hang
 * its event listeners on and a window to read the current event and focus from. Components
 * that render elements are checked in Chromium (test/e2e) instead.
 */
export async function mountBare(node: ReactNode): Promise<{ unmount(): Promise<void> }> {
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true)
  // React looks for focus inside iframes; here no element ever is one.
  const NoFrame = function NoFrame() {}
  vi.stubGlobal('window', { event: undefined, HTMLIFrameElement: NoFrame, document: {} })
  const container = {
    nodeType: 1,
    nodeName: 'DIV',
    tagName: 'DIV',
    ownerDocument: { addEventListener: noop, removeEventListener: noop },
    addEventListener: noop,
    removeEventListener: noop,
  }
  const root = createRoot(container as unknown as Element)
  await act(async () => root.render(node))
  return {
    async unmount() {
      await act(async () => root.unmount())
      vi.unstubAllGlobals()
    },
  }
}
