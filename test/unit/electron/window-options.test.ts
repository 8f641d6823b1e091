import { describe, expect, it, vi } from 'vitest'
import { createMainWindow } from '../../../src/main/electron/main-window'
import { isExternalWebUrl } from '../../../src/main/electron/window-options'

const created = vi.hoisted(() => ({ options: [] as unknown[] }))
vi.mock('electron', () => ({
  shell: { openExternal: vi.fn() },
  BrowserWindow: class {
    webContents = {
      session: { setPermissionRequestHandler: () => {} },
      setWindowOpenHandler: () => {},
      on: () => {},
    }
    constructor(options: unknown) {
      created.options.push(options)
    }
    once() {}
    loadFile = async () => {}
    loadURL = async () => {}
  },
}))

describe('main window options', () => {
  it('pins isolation, sandbox, no Node and no middle-click windows in the renderer', () => {
    createMainWindow()
    const { webPreferences } = created.options[0] as { webPreferences: Record<string, unknown> }
    expect(webPreferences).toEqual({
      preload: expect.stringMatching(/preload[/\\]index\.js$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('hands only http(s) links to the system browser', () => {
    expect(isExternalWebUrl('https://example.org/a')).toBe(true)
    expect(isExternalWebUrl('http://example.org')).toBe(true)
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false)
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false)
    expect(isExternalWebUrl('smb://nas/share')).toBe(false)
    expect(isExternalWebUrl('not a url')).toBe(false)
  })
})
