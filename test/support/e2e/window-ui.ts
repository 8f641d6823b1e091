import type { Locator, Page } from 'playwright'

export const SCREENS = ['sync', 'playlists', 'review', 'failed', 'settings'] as const
export type Screen = (typeof SCREENS)[number]
export type Theme = 'system' | 'light' | 'dark'

/** Polling for `expect.poll`: the window updates from live events, so give it time. */
export const POLL = { timeout: 20_000, interval: 200 } as const

/** What each screen shows once it has loaded. */
function screenReady(page: Page, screen: Screen): Locator {
  switch (screen) {
    case 'sync':
      return page.getByTestId('job-state')
    case 'playlists':
      return page.getByTestId('playlist-list')
    case 'review':
    case 'failed':
      return page.getByTestId('problems-list').or(page.getByTestId('problems-empty')).first()
    case 'settings':
      return page.getByTestId('settings-form')
  }
}

/** Opens a screen from the navigation and waits until it has loaded. */
export async function showScreen(page: Page, screen: Screen): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click()
  await screenReady(page, screen).waitFor()
}

export const currentTheme = (page: Page): Promise<Theme> =>
  page.evaluate(() => (document.documentElement.dataset.theme as Theme | undefined) ?? 'system')

export const backgroundColour = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor)

/** Clicks the theme toggle until `theme` is on (it cycles through the three choices). */
export async function chooseTheme(page: Page, theme: Theme): Promise<void> {
  for (let clicks = 0; clicks < 3; clicks++) {
    const before = await currentTheme(page)
    if (before === theme) return
    await page.getByTestId('theme-toggle').click()
    await page.waitForFunction(
      (previous) => (document.documentElement.dataset.theme ?? 'system') !== previous,
      before,
    )
  }
  if ((await currentTheme(page)) !== theme) throw new Error(`the theme toggle never chose ${theme}`)
}

/** Text of an element, '' when it has none. */
export const textOf = async (locator: Locator): Promise<string> =>
  (await locator.textContent()) ?? ''
