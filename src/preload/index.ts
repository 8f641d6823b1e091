import { contextBridge, ipcRenderer } from 'electron'
import { INVOKE_CHANNELS, type RendererApi } from '../shared/contract'

const allowed = new Set<string>(INVOKE_CHANNELS)

// The renderer's only door to the main process: the contract's channels, nothing else.
const api: RendererApi = {
  invoke: (channel, ...args) => {
    if (!allowed.has(channel)) return Promise.reject(new Error(`Unknown channel ${channel}`))
    return ipcRenderer.invoke(channel, ...args)
  },
}

contextBridge.exposeInMainWorld('catalogsync', api)
