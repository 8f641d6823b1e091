import type { RendererApi } from '../../shared/contract'

/** How the window reaches the service; Electron's preload provides it as `catalogsync`. */
export type Bridge = RendererApi

declare global {
  interface Window {
    catalogsync?: RendererApi
  }
}

export function electronBridge(): Bridge | null {
  return window.catalogsync ?? null
}
