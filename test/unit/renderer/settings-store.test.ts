import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createSettingsStore,
  isDirty,
  LAYOUT_EXAMPLE_DELAY_MS,
} from '../../../src/renderer/src/stores/settings-store'
import type { SettingsView } from '../../../src/shared/settings'
import { fakeBridge, ok } from '../../support/renderer/fake-bridge'
import { SAVED } from '../../support/renderer/settings-fixture'

afterEach(() => {
  vi.useRealTimers()
})

function setup(saved: SettingsView = SAVED) {
  let current = saved
  const fake = fakeBridge({
    'settings:get': () => ok(current),
    'settings:set': (patch) => {
      if (patch.layout?.startsWith('/'))
        return { ok: false, error: 'settings:set: layout: must be relative' }
      current = { ...current, ...patch }
      return ok(current)
    },
    'settings:layout-example': ({ layout }) => ok({ path: `/music/${layout}` }),
    'sources:test': (entry) => ok({ ok: entry.type === 'direct', message: `${entry.id} checked` }),
  })
  return { ...fake, store: createSettingsStore(fake.bridge) }
}

describe('the settings store', () => {
  it('loads, tracks edits as unsaved, resets them, and saves only what changed', async () => {
    const { store, calls } = setup()
    await store.getState().api.load()
    expect(isDirty(store.getState())).toBe(false)
    store.getState().api.edit({ downloaders: '6', keepInTray: false })
    expect(isDirty(store.getState())).toBe(true)
    await store.getState().api.open()
    expect(store.getState().draft!.downloaders).toBe('6')
    store.getState().api.reset()
    expect(isDirty(store.getState())).toBe(false)

    store.getState().api.edit({ downloaders: '6' })
    store.getState().api.moveSource(0, 2)
    await store.getState().api.save()
    const sent = calls.find((c) => c.channel === 'settings:set')!.args[0]
    expect(sent).toEqual({
      downloaders: 6,
      sources: [SAVED.sources[1], SAVED.sources[2], SAVED.sources[0]],
      downloadSources: [],
    })
    expect(store.getState()).toMatchObject({ justSaved: true, saveError: null })
    expect(isDirty(store.getState())).toBe(false)
  })

  it('shows the service error and keeps the edits, or field errors without asking', async () => {
    const { store, calls } = setup()
    await store.getState().api.load()
    store.getState().api.edit({ downloaders: '99' })
    await store.getState().api.save()
    expect(store.getState().fieldErrors.downloaders).toMatch(/1 to 64/)
    expect(calls.some((c) => c.channel === 'settings:set')).toBe(false)
    store.getState().api.edit({ downloaders: '4', layout: '/{title}' })
    expect(store.getState().fieldErrors).toEqual({})
    await store.getState().api.save()
    expect(store.getState().saveError).toBe('settings:set: layout: must be relative')
    expect(store.getState().draft!.layout).toBe('/{title}')
    expect(isDirty(store.getState())).toBe(true)
  })

  it('shows the example of the latest layout typed, once typing pauses', async () => {
    const { store, calls } = setup()
    await store.getState().api.load()
    vi.useFakeTimers()
    store.getState().api.edit({ layout: '{title}' })
    store.getState().api.edit({ layout: '{artist}/{title}' })
    await vi.advanceTimersByTimeAsync(LAYOUT_EXAMPLE_DELAY_MS)
    const asked = calls.filter((c) => c.channel === 'settings:layout-example')
    expect(asked.map((c) => c.args[0])).toEqual([
      { layout: SAVED.layout },
      { layout: '{artist}/{title}' },
    ])
    expect(store.getState().example).toEqual({ path: '/music/{artist}/{title}', error: null })
    store.getState().api.edit({ layout: '{artist}' })
    await vi.advanceTimersByTimeAsync(LAYOUT_EXAMPLE_DELAY_MS)
    expect(store.getState().example.error).toMatch(/\{title\}/)
  })

  it('adds, edits, removes and tests sources in the draft', async () => {
    const { store } = setup()
    await store.getState().api.load()
    const { api } = store.getState()
    api.putSource(null, { id: 'disk', type: 'local', roots: ['/x'], link: false })
    const added = store.getState().draft!.sources.at(-1)!
    expect(added).toMatchObject({ originalId: null, entry: { id: 'disk' } })
    api.putSource(added.key, { id: 'disk2', type: 'local', roots: ['/y'], link: true })
    expect(store.getState().draft!.sources.at(-1)!.entry.id).toBe('disk2')
    const first = store.getState().draft!.sources[0]!
    await api.testSource(first.key)
    expect(store.getState().tests[first.key]).toEqual({ state: 'ok', message: 'direct checked' })
    api.removeSource(first.key)
    expect(store.getState().draft!.sources.map((s) => s.entry.id)).toEqual(['nas', 'yt', 'disk2'])
  })
})
