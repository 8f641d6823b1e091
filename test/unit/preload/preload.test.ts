import { describe, expect, it, vi } from 'vitest'
import type { RendererApi } from '../../../src/shared/contract'

const exposed = vi.hoisted(() => ({
  apis: new Map<string, unknown>(),
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
}))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.apis.set(key, api) },
  ipcRenderer: { invoke: exposed.invoke, on: exposed.on, removeListener: exposed.removeListener },
  webUtils: { getPathForFile: (file: { name: string }) => `/home/me/Downloads/${file.name}` },
}))

describe('the preload', () => {
  it('exposes one API that forwards only the contract channels', async () => {
    await import('../../../src/preload/index')
    expect([...exposed.apis.keys()]).toEqual(['catalogsync'])
    const api = exposed.apis.get('catalogsync') as RendererApi
    exposed.invoke.mockResolvedValue({ ok: true, value: 1 })
    await expect(api.invoke('status:get')).resolves.toEqual({ ok: true, value: 1 })
    expect(exposed.invoke).toHaveBeenCalledWith('status:get')
    const invokeAny = api.invoke as (channel: string) => Promise<unknown>
    await expect(invokeAny('fs:read')).rejects.toThrow(/Unknown channel fs:read/)
    expect(exposed.invoke).toHaveBeenCalledTimes(1)
  })

  it('relays only contract events, without the IPC event, and unsubscribes', async () => {
    await import('../../../src/preload/index')
    const api = exposed.apis.get('catalogsync') as RendererApi
    const listener = vi.fn()
    const off = api.on('workers', listener)
    const [channel, relay] = exposed.on.mock.calls[0] as [string, (...a: unknown[]) => void]
    expect(channel).toBe('workers')
    relay({ sender: 'secret' }, { jobId: 1, workers: [] })
    expect(listener).toHaveBeenCalledWith({ jobId: 1, workers: [] })
    off()
    expect(exposed.removeListener).toHaveBeenCalledWith('workers', relay)
    const onAny = api.on as (event: string, l: () => void) => () => void
    expect(() => onAny('fs:watch', () => {})).toThrow(/Unknown event fs:watch/)
  })
})

describe('dropping files on the window', () => {
  it("sends the dropped files' paths to the drop channels only", async () => {
    await import('../../../src/preload/index')
    const api = exposed.apis.get('catalogsync') as Required<RendererApi>
    exposed.invoke.mockReset()
    exposed.invoke.mockResolvedValue({ ok: true, value: { accepted: [], problems: [] } })
    const files = [{ name: 'mix.m3u8' }, { name: 'old.xspf' }] as unknown as File[]
    await api.dropFiles('drop:preview', files)
    expect(exposed.invoke).toHaveBeenCalledWith('drop:preview', {
      paths: ['/home/me/Downloads/mix.m3u8', '/home/me/Downloads/old.xspf'],
    })
    const dropAny = api.dropFiles as (channel: string, files: File[]) => Promise<unknown>
    await expect(dropAny('status:get', files)).rejects.toThrow(/Unknown channel status:get/)
  })
})

describe('revealing a song', () => {
  it('asks the main process on its own channel, with the song id only', async () => {
    await import('../../../src/preload/index')
    const api = exposed.apis.get('catalogsync') as Required<RendererApi>
    exposed.invoke.mockReset()
    exposed.invoke.mockResolvedValue({ ok: true, value: undefined })
    await expect(api.revealSong(7)).resolves.toEqual({ ok: true, value: undefined })
    expect(exposed.invoke).toHaveBeenCalledWith('song:reveal', 7)
  })
})
