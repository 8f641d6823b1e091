import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { CatalogSyncService } from './core/catalogsync-service'
import { buildHandlers, registerHandlers } from './electron/ipc-handlers'
import { createMainWindow } from './electron/main-window'
import { electronSqliteBinding } from './electron/sqlite-binding'

// The composition root: every piece of logic lives in the core; this only wires it to Electron.
if (!app.requestSingleInstanceLock()) app.quit()

app.whenReady().then(
  () => {
    const service = CatalogSyncService.open(join(app.getPath('userData'), 'catalog.db'), {
      nativeBinding: electronSqliteBinding(app.getAppPath()),
    })
    registerHandlers(ipcMain, buildHandlers(service), process.env.ELECTRON_RENDERER_URL)
    let window = createMainWindow()
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore()
      window.focus()
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow()
    })
    app.on('will-quit', () => service.close())
  },
  (error: unknown) => {
    console.error(error)
    app.exit(1)
  },
)

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
