import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assertWindowBuilt } from '../support/e2e/build-output'
import { chromiumSkipReason, openWindow, type AppWindow } from '../support/e2e/chromium'
import { dropFile } from '../support/e2e/drop-file'
import { startSyncWorld, type SyncWorld } from '../support/e2e/sync-world'
import { backgroundColour, currentTheme, POLL, SCREENS } from '../support/e2e/window-ui'

const PLAYLIST = join(__dirname, '..', 'fixtures', 'e2e', 'window-sync.xspf')

const reason = chromiumSkipReason()

describe.skipIf(reason !== null)(
  `the window's shell in Chromium${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let world: SyncWorld
    let app: AppWindow

    beforeAll(async () => {
      assertWindowBuilt()
      world = await startSyncWorld()
      app = await openWindow(world.server.url)
    })
    afterAll(async () => {
      await app?.close()
      await world?.close()
    })
    afterEach(() => {
      expect(app.console.take()).toEqual([])
    })

    it('catches console errors, warnings and page errors (the trap itself)', async () => {
      await app.page.evaluate(() => {
        console.error('trap test error')
        console.warn('trap test warning')
        setTimeout(() => {
          throw new Error('trap test throw')
        })
      })
      const caught: string[] = []
      const collect = () => {
        caught.push(...app.console.take())
        return caught.join('\n')
      }
      await expect.poll(collect, POLL).toMatch(/trap test throw/)
      expect(caught).toEqual([
        expect.stringMatching(/^console\.error: trap test error/),
        expect.stringMatching(/^console\.warning: trap test warning/),
        expect.stringMatching(/^page error: Error: trap test throw/),
      ])
    })

    it('reaches every screen from the navigation', async () => {
      for (const screen of SCREENS) {
        const button = app.page.getByTestId(`nav-${screen}`)
        await button.click()
        await expect.poll(() => button.getAttribute('aria-current'), POLL).toBe('page')
      }
    })

    it('switches the theme system → light → dark → system, and the background with it', async () => {
      const { page } = app
      const theme = () => currentTheme(page)
      const toggle = page.getByTestId('theme-toggle')

      expect(await theme()).toBe('system')
      await toggle.click()
      await expect.poll(theme, POLL).toBe('light')
      const light = await backgroundColour(page)
      await toggle.click()
      await expect.poll(theme, POLL).toBe('dark')
      await expect.poll(() => backgroundColour(page), POLL).not.toBe(light)
      await toggle.click()
      await expect.poll(theme, POLL).toBe('system')
    })

    it('hands a dropped file to the page as a real File through drag events', async () => {
      const { page } = app
      // Watched from the window in the capture phase, before any handler of the app runs.
      await page.evaluate(() => {
        const seen: string[] = []
        Object.assign(window, { seenDrops: seen })
        for (const type of ['dragenter', 'dragover', 'drop']) {
          window.addEventListener(
            type,
            (event) => {
              const file = (event as DragEvent).dataTransfer?.files[0]
              seen.push(`${type}:${file?.name}:${file?.size}`)
            },
            { capture: true },
          )
        }
      })
      const content = readFileSync(PLAYLIST, 'utf8')
      await dropFile(page.getByTestId('drop-zone'), { name: 'window-sync.xspf', content })
      const size = Buffer.byteLength(content)
      expect(
        await page.evaluate(() => (window as unknown as { seenDrops: string[] }).seenDrops),
      ).toEqual(['dragenter', 'dragover', 'drop'].map((type) => `${type}:window-sync.xspf:${size}`))
    })
  },
)
