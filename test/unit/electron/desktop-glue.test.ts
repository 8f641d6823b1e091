import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppService } from '../../../src/main/core/service/app-service'
import { EventBus } from '../../../src/main/core/events/event-bus'
import { showSyncFeedback } from '../../../src/main/electron/desktop-feedback'
import { importWithDialog } from '../../../src/main/electron/import-dialog'
import { createTray } from '../../../src/main/electron/tray'
import type { CoreEvents } from '../../../src/shared/events'
import type { JobSummary } from '../../../src/shared/dashboard'
import type { JobState } from '../../../src/shared/states'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

type Item = { label?: string; click?: () => void }

const stand = vi.hoisted(() => ({
  notifications: [] as { title: string; body: string }[],
  menus: [] as Item[][],
  openPaths: [] as string[],
  answers: [] as number[],
  boxes: [] as { message: string; detail?: string }[],
}))
vi.mock('electron', () => ({
  Tray: class {
    setToolTip() {}
    setContextMenu(menu: Item[]) {
      stand.menus.push(menu)
    }
  },
  Menu: { buildFromTemplate: (template: Item[]) => template },
  Notification: class {
    static isSupported = () => true
    constructor(private readonly notice: { title: string; body: string }) {}
    show() {
      stand.notifications.push(this.notice)
    }
  },
  dialog: {
    showOpenDialog: async () => ({ canceled: false, filePaths: stand.openPaths }),
    showMessageBox: async (options: { message: string; detail?: string }) => {
      stand.boxes.push(options)
      return { response: stand.answers.shift() ?? 1 }
    },
  },
}))

let catalog: TempCatalog
beforeEach(() => {
  catalog = tempCatalog()
  stand.boxes.length = 0
})
afterEach(() => catalog.cleanup())

const counts = {
  pending: 0,
  resolving: 0,
  ready: 0,
  downloading: 2,
  succeeded: 6,
  failed: 1,
  skipped: 1,
}
const job = (state: JobState) => ({ id: 3, kind: 'sync', state }) as JobSummary

describe('the tray', () => {
  it('runs the clicked action, and logs one that fails instead of throwing', () => {
    const start = vi.fn(() => {
      throw new Error('nothing to sync')
    })
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const noop = () => {}
    const { render } = createTray('/icon.png', {
      start,
      pause: noop,
      resume: noop,
      open: noop,
      quit: noop,
    })
    render({ jobState: null, speed: 0, done: 0, total: 0 })
    const startItem = stand.menus.at(-1)!.find((item) => item.label === 'Start')!
    expect(() => startItem.click!()).not.toThrow()
    expect(start).toHaveBeenCalledOnce()
    expect(error).toHaveBeenCalledWith('catalogsync: the tray action failed:', expect.any(Error))
    error.mockRestore()
  })
})

describe('taskbar progress and the end notification', () => {
  it('shows progress while running, clears it, and notifies once when the sync ends', () => {
    const bus = new EventBus<CoreEvents>()
    const setProgressBar = vi.fn()
    const window = { setProgressBar } as unknown as Electron.BrowserWindow
    showSyncFeedback(
      { on: bus.on.bind(bus), dashboard: (q) => catalog.app.dashboard(q) },
      () => window,
    )
    bus.emit('job', { job: job('running'), counts })
    expect(setProgressBar).toHaveBeenLastCalledWith(0.8)
    bus.emit('job', { job: job('succeeded'), counts })
    bus.emit('job', { job: job('succeeded'), counts })
    expect(setProgressBar).toHaveBeenLastCalledWith(-1)
    expect(stand.notifications).toEqual([
      { title: 'Sync finished', body: '7 done · 1 failed · 0 need review' },
    ])
  })
})

describe('File → Import…', () => {
  it('previews the picked files, and imports only on confirmation', async () => {
    const dir = join(catalog.dir, 'exports')
    mkdirSync(dir)
    const path = join(dir, 'mix.m3u')
    writeFileSync(path, '#EXTM3U\n#EXTINF:200,Massive Attack - Teardrop\n/music/teardrop.mp3\n')
    stand.openPaths = [path]
    stand.answers = [1]
    const app = new AppService(catalog.service, {
      home: catalog.dir,
      bus: new EventBus<CoreEvents>(),
    })
    const announced = vi.fn()
    app.on('playlists', announced)
    await importWithDialog(app, null)
    expect(stand.boxes.map((box) => box.message)).toEqual(['Import these playlists?'])
    expect(catalog.service.playlists.listPlaylists()).toHaveLength(0)

    expect(announced).not.toHaveBeenCalled()
    stand.answers = [0]
    await importWithDialog(app, null)
    expect(stand.boxes.at(-1)).toMatchObject({ message: 'Import finished' })
    const [playlist] = catalog.service.playlists.listPlaylists()
    // The open window hears of it and refreshes its playlists.
    expect(announced).toHaveBeenCalledWith({ playlistIds: [playlist!.id] })
  })
})
