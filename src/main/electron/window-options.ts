/** Size and title of the main window; its security settings sit literally in `createMainWindow`. */
export const MAIN_WINDOW_FRAME = {
  width: 1280,
  height: 800,
  minWidth: 960,
  minHeight: 600,
  show: false,
  title: 'CatalogSync',
} as const

/** Only web links leave the app, and only to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}
