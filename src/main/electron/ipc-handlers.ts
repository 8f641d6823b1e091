import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { CatalogSyncService } from '../core/catalogsync-service'
import {
  INVOKE_CHANNELS,
  type InvokeChannel,
  type InvokeContract,
  type Result,
} from '../../shared/contract'

export type Handlers = {
  [C in InvokeChannel]: (...args: InvokeContract[C]['args']) => InvokeContract[C]['result']
}

/** Plain functions over the service, one per channel, so a unit test can call them. */
export function buildHandlers(service: CatalogSyncService): Handlers {
  return {
    'status:get': () => service.status(),
  }
}

/** Only our own renderer (a file:// page, or the dev server) may call the service. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const url = event.senderFrame?.url ?? ''
  return url.startsWith('file://') || (!!devServerUrl && url.startsWith(devServerUrl))
}

export function registerHandlers(ipcMain: IpcMain, handlers: Handlers, devServerUrl?: string) {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, devServerUrl)) {
        return { ok: false, error: `Refused ${channel} from an untrusted frame` }
      }
      try {
        const handler = handlers[channel] as (...a: unknown[]) => unknown
        return { ok: true, value: await handler(...args) }
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) }
      }
    })
  }
}
