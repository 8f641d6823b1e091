import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrations } from '../../../src/main/core/db/migrations'
import { DROP_CHANNELS, INVOKE_CHANNELS, REVEAL_CHANNEL } from '../../../src/shared/contract'

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown

type MenuTemplate = { label?: string; role?: string; click?: () => void; submenu?: MenuTemplate }[]

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>()
  const windows: {
    options: unknown
    loaded: string[]
    openHandler?: (d: { url: string }) => unknown
    listeners: Map<string, (event: { preventDefault(): void }) => void>
    hidden: boolean
    permissionHandler?: (
      contents: unknown,
      permission: string,
      grant: (ok: boolean) => void,
    ) => void
  }[] = []
  const paths = { userData: '', appPath: '' }
  const openExternal = vi.fn(async () => {})
  // Kept in a map, not read from mock calls: vitest clears those before each test.
  const appListeners = new Map<string, (event: unknown) => void>()
  const trays: { icon: string; tooltip: string; menu: MenuTemplate }[] = []
  const appMenu: { template: MenuTemplate } = { template: [] }
  class BrowserWindow {
    static getAllWindows = () => windows
    record: (typeof windows)[number]
    webContents: {
      setWindowOpenHandler(fn: (d: { url: string }) => unknown): void
      on(): void
      session: { setPermissionRequestHandler(fn: unknown): void }
    }
    constructor(options: unknown) {
      const record: (typeof windows)[number] = {
        options,
        loaded: [],
        listeners: new Map(),
        hidden: false,
      }
      this.record = record
      windows.push(record)
      this.webContents = {
        setWindowOpenHandler: (fn) => (record.openHandler = fn),
        on: () => {},
        session: {
          setPermissionRequestHandler: (fn) =>
            (record.permissionHandler = fn as (typeof record)['permissionHandler']),
        },
      }
    }
    once() {}
    on(event: string, fn: (event: { preventDefault(): void }) => void) {
      this.record.listeners.set(event, fn)
    }
    hide() {
      this.record.hidden = true
    }
    isDestroyed = () => false
    loadFile(path: string) {
      this.record.loaded.push(path)
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.record.loaded.push(url)
      return Promise.resolve()
    }
  }
  class Tray {
    record: (typeof trays)[number]
    constructor(icon: string) {
      this.record = { icon, tooltip: '', menu: [] }
      trays.push(this.record)
    }
    setToolTip(text: string) {
      this.record.tooltip = text
    }
    setContextMenu(menu: MenuTemplate) {
      this.record.menu = menu
    }
  }
  return {
    handlers,
    windows,
    paths,
    appListeners,
    openExternal,
    trays,
    appMenu,
    module: {
      app: {
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        exit: vi.fn(),
        whenReady: () => Promise.resolve(),
        getPath: () => paths.userData,
        getAppPath: () => paths.appPath,
        on: (event: string, listener: (event: unknown) => void) =>
          appListeners.set(event, listener),
      },
      ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
      shell: { openExternal },
      // No keychain here: the stand-in behaves like a Linux desktop without one.
      safeStorage: {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      },
      Menu: {
        buildFromTemplate: (template: MenuTemplate) => template,
        setApplicationMenu: (template: MenuTemplate) => (appMenu.template = template),
      },
      Notification: { isSupported: () => false },
      Tray,
      BrowserWindow,
    },
  }
})
vi.mock('electron', () => electron.module)

const dir = mkdtempSync(join(tmpdir(), 'catalogsync-electron-'))

beforeAll(async () => {
  electron.paths.appPath = join(dir, 'app')
  electron.paths.userData = join(dir, 'user-data')
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await import('../../../src/main/index')
  await vi.waitFor(() => expect(electron.trays).toHaveLength(1))
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

  it('takes dropped files behind the same sender check, naming what it refuses', async () => {
    const preview = electron.handlers.get('drop:preview')!
    expect(electron.handlers.has('drop:apply')).toBe(true)
    expect(
      await preview({ senderFrame: { url: 'https://evil.example/' } }, { paths: ['/x'] }),
    ).toEqual({ ok: false, error: 'Refused drop:preview from an untrusted frame' })
    const missing = join(dir, 'nowhere.m3u8')
    const result = (await preview(
      { senderFrame: { url: 'file:///app/out/renderer/index.html' } },
      { paths: [missing] },
    )) as { ok: boolean; value: { accepted: unknown[]; problems: string[] } }
    expect(result.ok).toBe(true)
    expect(result.value.accepted).toEqual([])
    expect(result.value.problems).toEqual([expect.stringContaining(missing)])
  })

  it('registers every contract channel and rejects invalid payloads with a message', async () => {
    expect([...electron.handlers.keys()].sort()).toEqual(
      [...INVOKE_CHANNELS, ...DROP_CHANNELS, REVEAL_CHANNEL].sort(),
    )
    const handler = electron.handlers.get('playlists:songs')!
    const result = await handler(
      { senderFrame: { url: 'file:///app/out/renderer/index.html' } },
      { playlistId: 'x' },
    )
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^playlists:songs: /) })
  })
})

describe('the desktop shell', () => {
  it('puts an idle tray up with the build icon and the sync actions', async () => {
    const tray = electron.trays[0]!
    expect(tray.icon).toBe(join(electron.paths.appPath, 'build', 'tray.png'))
    await vi.waitFor(() => expect(tray.tooltip).toBe('CatalogSync — idle'))
    expect(tray.menu.map((item) => item.label)).toEqual([
      'idle',
      'Start',
      undefined,
      'Open window',
      'Quit',
    ])
  })

  it('keeps syncing in the tray when the window closes, until quitting', () => {
    const close = electron.windows[0]!.listeners.get('close')!
    const closing = { preventDefault: vi.fn() }
    close(closing)
    expect(closing.preventDefault).toHaveBeenCalled()
    expect(electron.windows[0]!.hidden).toBe(true)

    const beforeQuit = electron.appListeners.get('before-quit')!
    beforeQuit({ preventDefault: vi.fn() })
    const quitting = { preventDefault: vi.fn() }
    close(quitting)
    expect(quitting.preventDefault).not.toHaveBeenCalled()
  })

  it('denies every permission request and offers File → Import…', () => {
    const grant = vi.fn()
    electron.windows[0]!.permissionHandler!({}, 'media', grant)
    expect(grant).toHaveBeenCalledWith(false)
    const file = electron.appMenu.template.find((menu) => menu.label === 'File')!
    expect(file.submenu!.map((item) => item.label ?? item.role)).toContain('Import…')
  })
})
