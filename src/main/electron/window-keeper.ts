import type { BrowserWindow } from 'electron'

/**
 * Holds the one main window: reopens it from the tray, and hides instead of closing while
 * `hideOnClose()` says so (quitting must close it for real).
 */
export class WindowKeeper {
  private window: BrowserWindow | null = null

  constructor(
    private readonly create: () => BrowserWindow,
    private readonly hideOnClose: () => boolean,
  ) {}

  /** The open window, if any (a hidden one counts). */
  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null
  }

  open(): BrowserWindow {
    const existing = this.current
    if (existing) return existing
    const window = this.create()
    window.on('close', (event) => {
      if (!this.hideOnClose()) return
      event.preventDefault()
      window.hide()
    })
    this.window = window
    return window
  }

  /** Brings the window back (second instance, tray, dock click). */
  show(): void {
    const window = this.open()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
}
