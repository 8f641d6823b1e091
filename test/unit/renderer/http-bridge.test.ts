import { afterEach, describe, expect, it, vi } from 'vitest'
import { httpBridge } from '../../../src/renderer/src/bridge'

class FakeEventSource {
  static last: FakeEventSource | null = null
  readonly listeners = new Map<string, (e: { data: string }) => void>()
  constructor(readonly url: string) {
    FakeEventSource.last = this
  }
  addEventListener(name: string, fn: (e: { data: string }) => void) {
    this.listeners.set(name, fn)
  }
  removeEventListener(name: string) {
    this.listeners.delete(name)
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('the HTTP bridge', () => {
  it('posts the arguments as a JSON array with the token, and returns the Result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 'v' })))
    vi.stubGlobal('fetch', fetch)
    const bridge = httpBridge('t0k')
    const result = await bridge.invoke('playlists:songs', { playlistId: 1, offset: 0, limit: 5 })
    expect(result).toEqual({ ok: true, value: 'v' })
    expect(fetch).toHaveBeenCalledWith('/api/invoke/playlists%3Asongs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t0k' },
      body: JSON.stringify([{ playlistId: 1, offset: 0, limit: 5 }]),
    })
  })

  it('turns a network failure into a failed Result and refuses unknown channels', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new Error('offline')))
    const bridge = httpBridge(null)
    expect(await bridge.invoke('status:get')).toEqual({ ok: false, error: 'status:get: offline' })
    const invokeAny = bridge.invoke as (channel: string) => Promise<unknown>
    await expect(invokeAny('fs:read')).rejects.toThrow(/Unknown channel fs:read/)
  })

  it('subscribes through one EventSource, with the token in the URL', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const bridge = httpBridge('t0k')
    const listener = vi.fn()
    const off = bridge.on('job', listener)
    bridge.on('workers', () => {})
    const source = FakeEventSource.last!
    expect(source.url).toBe('/api/events?token=t0k')
    source.listeners.get('job')!({ data: '{"job":{"id":1}}' })
    expect(listener).toHaveBeenCalledWith({ job: { id: 1 } })
    off()
    expect(source.listeners.has('job')).toBe(false)
    const onAny = bridge.on as (event: string, l: () => void) => () => void
    expect(() => onAny('fs:watch', () => {})).toThrow(/Unknown event fs:watch/)
  })
})
