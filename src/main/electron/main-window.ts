import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { isExternalWebUrl, MAIN_WINDOW_FRAME } from './window-options'

export function createMainWindow(): BrowserWindow {
  // Written out here rather than built elsewhere so that the security scan can read them.
  const window = new BrowserWindow({
    ...MAIN_WINDOW_FRAME,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())
  // The renderer needs no camera, microphone, notifications or other permission.
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, grant) =>
    grant(false),
  )
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) void window.loadURL(devServer)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}
