import { chmodSync, existsSync } from 'node:fs'
import type { SettingsRepository } from '../core/catalog'
/** The part of Electron's safeStorage used here; tests pass a stand-in. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Marks a sealed password in the settings, so that older plain ones still read. */
export const SEALED_PREFIX = 'safeStorage:'

export function sealPassword(cipher: SecretCipher, password: string): string {
  if (password === '' || password.startsWith(SEALED_PREFIX)) return password
  if (!cipher.isEncryptionAvailable()) return password
  return SEALED_PREFIX + cipher.encryptString(password).toString('base64')
}

/** A password that cannot be decrypted (another user, a reset keychain) reads as empty. */
export function openPassword(cipher: SecretCipher, stored: string): string {
  if (!stored.startsWith(SEALED_PREFIX)) return stored
  try {
    return cipher.decryptString(Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'))
  } catch {
    console.warn('catalogsync: a stored source password cannot be decrypted; enter it again')
    return ''
  }
}

/** Applies `change` to the password of every source that has one; other values pass through. */
function mapPasswords(sources: unknown, change: (password: string) => string): unknown {
  if (!Array.isArray(sources)) return sources
  return sources.map((source: unknown) =>
    typeof source === 'object' &&
    source !== null &&
    'password' in source &&
    typeof source.password === 'string'
      ? { ...source, password: change(source.password) }
      : source,
  )
}

export const sealSources = (cipher: SecretCipher, sources: unknown) =>
  mapPasswords(sources, (password) => sealPassword(cipher, password))

export const openSources = (cipher: SecretCipher, sources: unknown) =>
  mapPasswords(sources, (password) => openPassword(cipher, password))

/**
 * Makes this settings repository store source passwords sealed and hand them out open, so the
 * core (which must not import electron) keeps working with plain settings. It wraps the
 * instance's own methods (`setMany` goes through `set`), and seals plain passwords left from
 * before.
 */
export function protectSourcePasswords(settings: SettingsRepository, cipher: SecretCipher): void {
  const get = settings.get.bind(settings)
  const set = settings.set.bind(settings)
  const all = settings.all.bind(settings)
  settings.set = (key, value) => set(key, key === 'sources' ? sealSources(cipher, value) : value)
  settings.get = (key) => (key === 'sources' ? openSources(cipher, get(key)) : get(key))
  settings.all = () => {
    const values = all()
    return 'sources' in values
      ? { ...values, sources: openSources(cipher, values.sources) }
      : values
  }
  const stored = get('sources')
  const sealed = sealSources(cipher, stored)
  if (JSON.stringify(sealed) !== JSON.stringify(stored)) set('sources', sealed)
}

/**
 * Without an OS keychain the passwords stay plain in the catalog, so the catalog files are made
 * readable by their owner only. Returns the warning to show, or null when sealing works.
 */
export function restrictWithoutKeychain(cipher: SecretCipher, files: readonly string[]) {
  if (cipher.isEncryptionAvailable()) return null
  for (const file of files) if (existsSync(file)) chmodSync(file, 0o600)
  return (
    'No OS keychain is available: source passwords are stored unencrypted in the catalog, ' +
    'which only your user can read.'
  )
}
