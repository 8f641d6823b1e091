import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppService } from '../../../src/main/core/service/app-service'
import { storedSettings, storeSettings } from '../../../src/main/core/config/load-settings'
import { EventBus } from '../../../src/main/core/events/event-bus'
import type { CoreEvents } from '../../../src/shared/events'
import {
  openPassword,
  protectSourcePasswords,
  restrictWithoutKeychain,
  SEALED_PREFIX,
  sealPassword,
  type SecretCipher,
} from '../../../src/main/electron/secret-store'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

/** A stand-in for safeStorage: reversible, and visibly not the plain text. */
function standInSafeStorage(available = true): SecretCipher {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from([...Buffer.from(text)].reverse()),
    decryptString: (bytes) => {
      if (!available) throw new Error('Error while decrypting the ciphertext provided')
      return Buffer.from([...bytes].reverse()).toString()
    },
  }
}

const subsonic = {
  id: 'nas',
  type: 'subsonic' as const,
  url: 'https://music.example.org',
  user: 'sam',
  password: 'hunter2',
}

let catalog: TempCatalog
beforeEach(() => (catalog = tempCatalog()))
afterEach(() => catalog.cleanup())

describe('source passwords with safeStorage', () => {
  it('seals and opens a password, leaving empty and already sealed ones alone', () => {
    const cipher = standInSafeStorage()
    const sealed = sealPassword(cipher, 'hunter2')
    expect(sealed).toMatch(new RegExp(`^${SEALED_PREFIX}`))
    expect(sealed).not.toContain('hunter2')
    expect(openPassword(cipher, sealed)).toBe('hunter2')
    expect(sealPassword(cipher, sealed)).toBe(sealed)
    expect(sealPassword(cipher, '')).toBe('')
    expect(openPassword(cipher, 'plain-from-before')).toBe('plain-from-before')
  })

  it('stores sealed passwords in the catalog and hands the core plain ones', () => {
    const cipher = standInSafeStorage()
    protectSourcePasswords(catalog.service.settings, cipher)
    storeSettings(catalog.service.settings, { sources: [subsonic], downloaders: 2 })
    const raw = catalog.db
      .prepare<[], { value_json: string }>(`SELECT value_json FROM settings WHERE key = 'sources'`)
      .get()!
    expect(raw.value_json).not.toContain('hunter2')
    expect(raw.value_json).toContain(SEALED_PREFIX)
    expect(storedSettings(catalog.service.settings)).toEqual({
      sources: [subsonic],
      downloaders: 2,
    })
    expect(catalog.service.settings.get('sources')).toEqual([subsonic])
  })

  it('seals plain passwords stored before the app protected them', () => {
    catalog.service.settings.set('sources', [subsonic, { id: 'direct', type: 'direct' }])
    protectSourcePasswords(catalog.service.settings, standInSafeStorage())
    const raw = catalog.db
      .prepare<[], { value_json: string }>(`SELECT value_json FROM settings WHERE key = 'sources'`)
      .get()!
    expect(raw.value_json).not.toContain('hunter2')
    expect(catalog.service.settings.get('sources')).toEqual([
      subsonic,
      { id: 'direct', type: 'direct' },
    ])
  })

  it('keeps the window-facing settings masked and a masked password unchanged on save', () => {
    protectSourcePasswords(catalog.service.settings, standInSafeStorage())
    const app = new AppService(catalog.service, {
      home: catalog.dir,
      bus: new EventBus<CoreEvents>(),
    })
    const shown = app.updateSettings({ sources: [subsonic] })
    expect(shown.sources).toEqual([{ ...subsonic, password: '***' }])
    app.updateSettings({ sources: [{ ...subsonic, user: 'alex', password: '***' }] })
    expect(app.settings().sources).toEqual([{ ...subsonic, user: 'alex' }])
    expect(JSON.stringify(catalog.service.settings.all())).toContain('hunter2')
    const raw = catalog.db
      .prepare<[], { value_json: string }>(`SELECT value_json FROM settings WHERE key = 'sources'`)
      .get()!
    expect(raw.value_json).not.toContain('hunter2')
  })

  it('reads an undecryptable password as empty, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(openPassword(standInSafeStorage(false), `${SEALED_PREFIX}AAAA`)).toBe('')
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/cannot be decrypted/))
    warn.mockRestore()
  })

  it('without a keychain keeps passwords plain in a catalog only the owner can read', () => {
    const cipher = standInSafeStorage(false)
    expect(sealPassword(cipher, 'hunter2')).toBe('hunter2')
    const wal = join(catalog.dir, 'catalog.db-wal')
    writeFileSync(wal, '')
    const warning = restrictWithoutKeychain(cipher, [catalog.path, wal, join(catalog.dir, 'x')])
    expect(warning).toMatch(/stored unencrypted/)
    expect(statSync(catalog.path).mode & 0o777).toBe(0o600)
    expect(statSync(wal).mode & 0o777).toBe(0o600)
    expect(restrictWithoutKeychain(standInSafeStorage(true), [catalog.path])).toBeNull()
  })
})
