import { describe, expect, it, vi } from 'vitest'
import type { RendererApi } from '../../../src/shared/contract'

const exposed = vi.hoisted(() => ({ apis: new Map<string, unknown>(), invoke: vi.fn() }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.apis.set(key, api) },
  ipcRenderer: { invoke: exposed.invoke },
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
})
