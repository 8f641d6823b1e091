import { app, BrowserWindow, ipcMain, safeStorage } from 'electron'
import { join } from 'node:path'
import { AppService, buildHandlers } from './core/service'
import { applyRuntimeV8Flags } from './core/runtime'
import { EventBus } from './core/events'
import { installAppMenu } from './electron/app-menu'
import { showSyncFeedback } from './electron/desktop-feedback'
import { importWithDialog } from './electron/import-dialog'
import { dropHandlers } from './electron/drop-import'
import { forwardEvents, registerHandlers } from './electron/ipc-handlers'
import { createMainWindow } from './electron/main-window'
import { revealSongHandler } from './electron/reveal-song'
import { protectSourcePasswords, restrictWithoutKeychain } from './electron/secret-store'
import { initialStatus, watchSyncStatus } from './electron/sync-status'
import { createTray } from './electron/tray'
import { WindowKeeper } from './electron/window-keeper'
import type { CoreEvents } from '../shared/events'
import { REVEAL_CHANNEL } from '../shared/contract'

// The composition root: every piece of logic lives in the core; this only wires it to Electron.
applyRuntimeV8Flags()
if (!app.requestSingleInstanceLock()) app.quit()

function openService(home: string): AppService {
  const path = join(home, 'catalog.db')
  const appService = AppService.open(path, {
    home,
    bus: new EventBus<CoreEvents>(),
    guardSettings: (settings) => protectSourcePasswords(settings, safeStorage),
  })
  const warning = restrictWithoutKeychain(safeStorage, [path, `${path}-wal`, `${path}-shm`])
  if (warning) console.warn(`catalogsync: ${warning}`)
  return appService
}

/** Window, tray, menu and taskbar feedback around the service; quitting pauses a sync first. */
function startShell(appService: AppService): void {
  let quitting = false
  const windows = new WindowKeeper(
    createMainWindow,
    () => !quitting && appService.settings().keepInTray,
  )
  windows.open()
  const { render } = createTray(join(app.getAppPath(), 'build', 'tray.png'), {
    start: () => appService.startJob(),
    pause: () => appService.pauseJob(),
    resume: () => appService.resumeJob(),
    open: () => windows.show(),
    quit: () => app.quit(),
  })
  watchSyncStatus(appService, initialStatus(appService), render)
  showSyncFeedback(appService, () => windows.current)
  installAppMenu(() => {
    importWithDialog(appService, windows.current).catch((error: unknown) => console.error(error))
  })
  app.on('second-instance', () => windows.show())
  app.on('activate', () => windows.show())
  app.on('before-quit', (event) => {
    quitting = true
    if (!appService.isSyncing()) return
    event.preventDefault()
    void appService.shutdown().finally(() => app.quit())
  })
  app.on('will-quit', () => appService.close())
}

app.whenReady().then(
  () => {
    const home = app.getPath('userData')
    const appService = openService(home)
    registerHandlers(ipcMain, buildHandlers(appService), process.env.ELECTRON_RENDERER_URL, {
      ...dropHandlers(appService),
      [REVEAL_CHANNEL]: revealSongHandler((songId) => appService.songFiles(songId)),
    })
    forwardEvents(appService, (channel, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload)
    })
    startShell(appService)
  },
  (error: unknown) => {
    console.error(error)
    app.exit(1)
  },
)

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
