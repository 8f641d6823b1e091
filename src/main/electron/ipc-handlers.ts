import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { AppService, Handlers } from '../core/service'
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type Result,
} from '../../shared/contract'

/** Only our own renderer (a file:// page, or the dev server) may call the service. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const url = event.senderFrame?.url ?? ''
  return url.startsWith('file://') || (!!devServerUrl && url.startsWith(devServerUrl))
}

type AnyHandler = (...args: unknown[]) => unknown

/** A desktop-only channel (drops, revealing a file): one raw argument in, a Result out. */
export type DesktopHandler = (raw?: unknown) => Promise<Result<unknown>>

/** Registers the contract's channels (and the desktop-only ones) behind the sender check. */
export function registerHandlers(
  ipcMain: IpcMain,
  handlers: Handlers,
  devServerUrl?: string,
  desktop: Record<string, DesktopHandler> = {},
) {
  const all: [string, AnyHandler][] = [
    ...INVOKE_CHANNELS.map((c): [string, AnyHandler] => [c, handlers[c] as AnyHandler]),
    ...Object.entries(desktop),
  ]
  for (const [channel, handler] of all) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return { ok: false, error: `Refused ${channel} from an untrusted frame` }
      }
      return handler(...args)
    })
  }
}

/** Forwards the core's events (already coalesced there) to the windows; returns an unsubscribe. */
export function forwardEvents(
  app: AppService,
  send: (channel: EventChannel, payload: unknown) => void,
): () => void {
  const offs = EVENT_CHANNELS.map((channel) => app.on(channel, (payload) => send(channel, payload)))
  return () => offs.forEach((off) => off())
}
