import type { ConsoleMessage, Page } from 'playwright'

/** Console errors and warnings and uncaught page errors: the browser tests allow none. */
export interface ConsoleTrap {
  /** Everything caught since the last take, emptied. */
  take(): string[]
}

const CAUGHT_TYPES: ReadonlySet<string> = new Set(['error', 'warning'])

function describeMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location()
  const where = url ? ` (${url}:${lineNumber})` : ''
  return `console.${message.type()}: ${message.text()}${where}`
}

export function trapConsole(page: Page): ConsoleTrap {
  let caught: string[] = []
  page.on('console', (message) => {
    if (CAUGHT_TYPES.has(message.type())) caught.push(describeMessage(message))
  })
  page.on('pageerror', (error) => caught.push(`page error: ${error.stack ?? error.message}`))
  return {
    take() {
      const taken = caught
      caught = []
      return taken
    },
  }
}
