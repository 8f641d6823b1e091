import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { AppService } from '../core/app/app-service'
import type { Handlers } from '../core/app/handlers'
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel } from '../../shared/contract'

/** Only our own renderer (a file:// page, or the dev server) may call the service. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const url = event.senderFrame?.url ?? ''
  return url.startsWith('file://') || (!!devServerUrl && url.startsWith(devServerUrl))
}

export function registerHandlers(ipcMain: IpcMain, handlers: Handlers, devServerUrl?: string) {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return { ok: false, error: `Refused ${channel} from an untrusted frame` }
      }
      return handlers[channel](...args)
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
