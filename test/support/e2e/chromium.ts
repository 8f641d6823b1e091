import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright'
import { trapConsole, type ConsoleTrap } from './console-trap'

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium'

const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Why the browser tests cannot run here, or null when they can. On CI a missing browser is a
 * failure, not a skip: a green run must mean the window was tested.
 */
export function chromiumSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null
  const reason = `${CHROMIUM} is missing (apt-get install chromium)`
  if (process.env.CI) throw new Error(`The browser tests need Chromium: ${reason}`)
  return reason
}

export interface AppWindow {
  page: Page
  console: ConsoleTrap
  close(): Promise<void>
}

/** The app at `url` in a fresh 1280×800 Chromium page, its console trapped from the start. */
export async function openWindow(url: string): Promise<AppWindow> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const trap = trapConsole(page)
    page.setDefaultTimeout(20_000)
    await page.goto(url)
    await page.getByTestId('drop-zone').waitFor()
    return { page, console: trap, close: () => browser.close() }
  } catch (error) {
    await browser.close()
    throw error
  }
}
