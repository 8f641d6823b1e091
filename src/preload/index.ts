import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, INVOKE_CHANNELS, type RendererApi } from '../shared/contract'

const invokable = new Set<string>(INVOKE_CHANNELS)
const events = new Set<string>(EVENT_CHANNELS)

// The renderer's only door to the main process: the contract's channels, nothing else.
const api: RendererApi = {
  invoke: (channel, ...args) => {
    if (!invokable.has(channel)) return Promise.reject(new Error(`Unknown channel ${channel}`))
    return ipcRenderer.invoke(channel, ...args)
  },
  on: (event, listener) => {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`)
    // The IPC event object (with its sender) never reaches the page.
    const relay = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) =>
      listener(payload)
    ipcRenderer.on(event, relay)
    return () => {
      ipcRenderer.removeListener(event, relay)
    }
  },
}

contextBridge.exposeInMainWorld('catalogsync', api)
