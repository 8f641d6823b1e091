import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ELECTRON_SQLITE_BINDING } from '../../../src/main/electron/sqlite-binding'
import { migrations } from '../../../src/main/core/db/migrations'
import { INVOKE_CHANNELS } from '../../../src/shared/contract'

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>()
  const windows: {
    options: unknown
    loaded: string[]
    openHandler?: (d: { url: string }) => unknown
  }[] = []
  const paths = { userData: '', appPath: '' }
  const openExternal = vi.fn(async () => {})
  class BrowserWindow {
    static getAllWindows = () => windows
    record: (typeof windows)[number]
    webContents: { setWindowOpenHandler(fn: (d: { url: string }) => unknown): void; on(): void }
    constructor(options: unknown) {
      const record: (typeof windows)[number] = { options, loaded: [] }
      this.record = record
      windows.push(record)
      this.webContents = {
        setWindowOpenHandler: (fn) => (record.openHandler = fn),
        on: () => {},
      }
    }
    once() {}
    loadFile(path: string) {
      this.record.loaded.push(path)
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.record.loaded.push(url)
      return Promise.resolve()
    }
  }
  return {
    handlers,
    windows,
    paths,
    openExternal,
    module: {
      app: {
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        exit: vi.fn(),
        whenReady: () => Promise.resolve(),
        getPath: () => paths.userData,
        getAppPath: () => paths.appPath,
        on: vi.fn(),
      },
      ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
      shell: { openExternal },
      BrowserWindow,
    },
  }
})
vi.mock('electron', () => electron.module)

const dir = mkdtempSync(join(tmpdir(), 'catalogsync-electron-'))

beforeAll(async () => {
  // Stand-in for the Electron-ABI build: Node's own build loads the same way via nativeBinding.
  const require = createRequire(__filename)
  const nodeBinding = join(
    dirname(require.resolve('better-sqlite3/package.json')),
    'build/Release/better_sqlite3.node',
  )
  electron.paths.appPath = join(dir, 'app')
  electron.paths.userData = join(dir, 'user-data')
  mkdirSync(dirname(join(electron.paths.appPath, ELECTRON_SQLITE_BINDING)), { recursive: true })
  copyFileSync(nodeBinding, join(electron.paths.appPath, ELECTRON_SQLITE_BINDING))
  await import('../../../src/main/index')
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the Electron main process', () => {
  it('opens one secure window', () => {
    const options = electron.windows[0]!.options as { webPreferences: Record<string, unknown> }
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(electron.windows[0]!.loaded[0]).toMatch(/renderer[/\\]index\.html$/)
  })

  it('denies new windows, opening only web links outside', () => {
    const open = electron.windows[0]!.openHandler!
    expect(open({ url: 'https://example.org' })).toEqual({ action: 'deny' })
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toHaveBeenCalledTimes(1)
    expect(electron.openExternal).toHaveBeenCalledWith('https://example.org')
  })

  it('answers status:get from the catalog in the user data folder', async () => {
    const handler = electron.handlers.get('status:get')!
    const result = (await handler({
      senderFrame: { url: 'file:///app/out/renderer/index.html' },
    })) as {
      ok: boolean
      value: { database: string; schemaVersion: number }
    }
    expect(result.ok).toBe(true)
    expect(result.value.database).toBe(join(electron.paths.userData, 'catalog.db'))
    expect(result.value.schemaVersion).toBe(migrations.length)
  })

  it('refuses calls from frames that are not our renderer', async () => {
    const handler = electron.handlers.get('status:get')!
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } })).toEqual({
      ok: false,
      error: 'Refused status:get from an untrusted frame',
    })
    expect(await handler({ senderFrame: null })).toMatchObject({ ok: false })
  })

  it('registers every contract channel and rejects invalid payloads with a message', async () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    const handler = electron.handlers.get('playlists:songs')!
    const result = await handler(
      { senderFrame: { url: 'file:///app/out/renderer/index.html' } },
      { playlistId: 'x' },
    )
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^playlists:songs: /) })
  })
})
