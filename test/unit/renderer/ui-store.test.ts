import { describe, expect, it } from 'vitest'
import { createUiStore } from '../../../src/renderer/src/stores/ui-store'
import { memoryStorage } from '../../support/renderer/memory-storage'

describe('the ui store', () => {
  it('opens on the sync screen and shows the screen asked for', () => {
    const store = createUiStore(memoryStorage())
    expect(store.getState().screen).toBe('sync')
    store.getState().api.show('failed')
    expect(store.getState().screen).toBe('failed')
  })

  it('keeps the theme choice for the next window, and follows the system otherwise', () => {
    const storage = memoryStorage()
    expect(createUiStore(storage).getState().theme).toBe('system')
    createUiStore(storage).getState().api.setTheme('dark')
    expect(storage.values.get('catalogsync.theme')).toBe('dark')
    expect(createUiStore(storage).getState().theme).toBe('dark')
    expect(createUiStore(memoryStorage({ 'catalogsync.theme': 'sepia' })).getState().theme).toBe(
      'system',
    )
  })
})
