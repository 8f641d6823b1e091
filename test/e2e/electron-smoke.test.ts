import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { _electron, type ElectronApplication } from 'playwright'

const root = join(__dirname, '..', '..')

/**
 * The Electron executable, found the way electron's own index.js finds it but without
 * requiring it: that require starts a download, which fails where there is no network.
 */
function electronBinary(): string | null {
  const dir = dirname(createRequire(__filename).resolve('electron/package.json'))
  const pathFile = join(dir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override ? join(override, name) : join(dir, 'dist', name)
  return existsSync(binary) ? binary : null
}

function skipReason(): string | null {
  if (!electronBinary()) return 'no Electron binary is installed (node_modules/electron/dist)'
  if (!existsSync(join(root, 'out', 'main', 'index.js')))
    return 'the app is not built (npm run build)'
  return null
}

const reason = skipReason()

describe.skipIf(reason !== null)(`the Electron app${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('opens one isolated window with the API and no console errors', async () => {
    const app: ElectronApplication = await _electron.launch({
      executablePath: electronBinary()!,
      args: [root],
      cwd: root,
    })
    try {
      const page = await app.firstWindow()
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      await page.waitForLoadState('domcontentloaded')
      expect(await page.title()).toBe('CatalogSync')
      expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
        'undefined',
      )
      expect(await page.evaluate(() => 'catalogsync' in window)).toBe(true)
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
        1,
      )
      expect(errors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
