import { errorMessage } from '../../shared/error-message'
import {
  isEventChannel,
  isInvokeChannel,
  type EventContract,
  type RendererApi,
  type Result,
} from '../../shared/contract'

/** How the window reaches the service: Electron IPC (the preload) or HTTP + server-sent events. */
export type Bridge = RendererApi

declare global {
  interface Window {
    catalogsync?: RendererApi
  }
}

export function electronBridge(): Bridge | null {
  return window.catalogsync ?? null
}

/** The headless server's transport; a token given in the page's `?token=` is sent along. */
export function httpBridge(
  token: string | null = new URLSearchParams(window.location.search).get('token'),
): Bridge {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  let source: EventSource | null = null
  return {
    async invoke(channel, ...args) {
      if (!isInvokeChannel(channel)) throw new Error(`Unknown channel ${channel}`)
      try {
        const response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(args),
        })
        // The server answers every request, errors included, with a Result.
        return (await response.json()) as Result<never>
      } catch (error) {
        return { ok: false, error: `${channel}: ${errorMessage(error)}` }
      }
    },
    on(event, listener) {
      if (!isEventChannel(event)) throw new Error(`Unknown event ${event}`)
      source ??= new EventSource(
        token ? `/api/events?token=${encodeURIComponent(token)}` : '/api/events',
      )
      const relay = (e: MessageEvent<string>) =>
        listener(JSON.parse(e.data) as EventContract[typeof event])
      source.addEventListener(event, relay)
      return () => source?.removeEventListener(event, relay)
    },
  }
}

/** Electron's preload when present, else the page was served by `catalogsync serve`. */
export const chooseBridge = (): Bridge => electronBridge() ?? httpBridge()
