import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright'
import { ROOT } from './build-output'

/** Where the browser tests leave their screenshots (git-ignored; the README names it). */
export const SCREENSHOT_DIR = join(ROOT, '.test-results', 'screenshots')

/** Saves the viewport as `<name>.png` and returns the file's path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}
