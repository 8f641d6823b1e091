import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { AppService } from './core/app/app-service'
import { buildHandlers } from './core/app/handlers'
import { CatalogSyncService } from './core/catalogsync-service'
import { EventBus } from './core/events/event-bus'
import { forwardEvents, registerHandlers } from './electron/ipc-handlers'
import { createMainWindow } from './electron/main-window'
import { electronSqliteBinding } from './electron/sqlite-binding'
import type { CoreEvents } from '../shared/events'

// The composition root: every piece of logic lives in the core; this only wires it to Electron.
if (!app.requestSingleInstanceLock()) app.quit()

app.whenReady().then(
  () => {
    const home = app.getPath('userData')
    const service = CatalogSyncService.open(join(home, 'catalog.db'), {
      nativeBinding: electronSqliteBinding(app.getAppPath()),
    })
    const appService = new AppService({ service, home, bus: new EventBus<CoreEvents>() })
    registerHandlers(ipcMain, buildHandlers(appService), process.env.ELECTRON_RENDERER_URL)
    forwardEvents(appService, (channel, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload)
    })
    let window = createMainWindow()
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore()
      window.focus()
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow()
    })
    // Quitting pauses a running sync first, so its items stay resumable.
    app.on('before-quit', (event) => {
      if (!appService.sync.running) return
      event.preventDefault()
      void appService.shutdown().finally(() => app.quit())
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
