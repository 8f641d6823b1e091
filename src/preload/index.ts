import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import {
  DROP_CHANNELS,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  REVEAL_CHANNEL,
  type RendererApi,
} from '../shared/contract'

const invokable = new Set<string>(INVOKE_CHANNELS)
const events = new Set<string>(EVENT_CHANNELS)
const drops = new Set<string>(DROP_CHANNELS)

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
  dropFiles: (channel, files) => {
    if (!drops.has(channel)) return Promise.reject(new Error(`Unknown channel ${channel}`))
    // The sandboxed page cannot see paths; the preload asks Electron for them here.
    const paths = files.map((file) => webUtils.getPathForFile(file))
    return ipcRenderer.invoke(channel, { paths })
  },
  revealSong: (songId) => ipcRenderer.invoke(REVEAL_CHANNEL, songId),
}

contextBridge.exposeInMainWorld('catalogsync', api)
