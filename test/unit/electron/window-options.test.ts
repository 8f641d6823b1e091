import { describe, expect, it } from 'vitest'
import { isExternalWebUrl, mainWindowOptions } from '../../../src/main/electron/window-options'

describe('main window options', () => {
  it('pins isolation, sandbox and no Node in the renderer', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.js')
    expect(webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
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
