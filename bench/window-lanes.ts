// Drives the Sync screen in Chromium with many downloaders at the full event rate and prints
// frame timings: frames drawn, frames over 50 ms (dropped), long tasks and their total time.
// It starts the demo source with many songs, a built `catalogsync serve` on a temporary home,
// imports the songs, presses Start and measures for a while. Needs `npm run build` first.
// Run: npx tsx bench/window-lanes.ts [--downloaders 32] [--seconds 15] [--screenshot FILE]
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright'
import type { DemoSong } from '../src/main/core/demo/demo-catalogue'
import { DEMO_PASSWORD, DEMO_USER, startDemoServer } from '../src/main/core/demo/demo-server'

const { values } = parseArgs({
  options: {
    downloaders: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '15' },
    port: { type: 'string', default: '18790' },
    screenshot: { type: 'string' },
    /** Measure on another screen (`playlists`) for a baseline without the lanes. */
    screen: { type: 'string', default: 'sync' },
  },
})
const DOWNLOADERS = Number(values.downloaders)
const SECONDS = Number(values.seconds)
const BASE = `http://127.0.0.1:${values.port}`

// Long enough songs at a modest per-connection rate keep every downloader busy while measuring.
const songs: DemoSong[] = Array.from({ length: DOWNLOADERS * 6 }, (_, i) => ({
  id: `bench-${i + 1}`,
  title: `Lane Bench ${i + 1}`,
  artist: `Bench Artist ${i % 7}`,
  album: 'Lanes',
  durationSec: 30,
  frequencyHz: 200 + i,
}))

async function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  const response = await fetch(`${BASE}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  })
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: string }
  if (!result.ok) throw new Error(`${channel}: ${result.error}`)
  return result.value
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(BASE).then(
        () => true,
        () => false,
      )
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`catalogsync serve did not answer at ${BASE}`)
}

function playlist(): string {
  const tracks = songs.map(
    (s) =>
      `<track><title>${s.title}</title><creator>${s.artist}</creator>` +
      `<duration>${s.durationSec * 1000}</duration></track>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?><playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList>${tracks.join('')}</trackList></playlist>`
}

interface FrameFigures {
  frames: number
  dropped: number
  worstMs: number
  longTasks: number
  longTaskMs: number
}

// A string, not a function: tsx's helpers (`__name`) do not exist inside the page.
const MEASURE = `(duration) => new Promise((resolve) => {
  const gaps = []
  const tasks = []
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => tasks.push(entry.duration)))
  observer.observe({ type: 'longtask' })
  let last = performance.now()
  const end = last + duration
  const frame = (now) => {
    gaps.push(now - last)
    last = now
    if (now < end) return requestAnimationFrame(frame)
    observer.disconnect()
    resolve({
      frames: gaps.length,
      dropped: gaps.filter((gap) => gap > 50).length,
      worstMs: Math.round(Math.max(...gaps)),
      longTasks: tasks.length,
      longTaskMs: Math.round(tasks.reduce((sum, t) => sum + t, 0)),
    })
  }
  requestAnimationFrame(frame)
})`

/** Frames by requestAnimationFrame and long tasks by PerformanceObserver, for `ms`. */
const measure = (page: Page, ms: number): Promise<FrameFigures> =>
  page.evaluate(`(${MEASURE})(${ms})`) as Promise<FrameFigures>

async function prepare(home: string, demoUrl: string): Promise<void> {
  await waitForServer()
  await invoke('settings:set', {
    libraryRoots: [join(home, 'library')],
    sources: [
      { id: 'demo', type: 'subsonic', url: demoUrl, user: DEMO_USER, password: DEMO_PASSWORD },
    ],
    downloadSources: ['demo'],
    downloaders: DOWNLOADERS,
    mode: 'adaptive',
  })
  const contentBase64 = Buffer.from(playlist()).toString('base64')
  await invoke('import:apply', { fileName: 'lanes.xspf', contentBase64 })
}

async function run(page: Page): Promise<void> {
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await page.goto(BASE)
  await page.getByTestId('job-start').click()
  const downloading = page.locator('[data-testid=worker-card][data-status=downloading]')
  await downloading.nth(DOWNLOADERS - 1).waitFor()
  await page.getByTestId(`nav-${values.screen}`).click()
  const figures = await measure(page, SECONDS * 1000)
  await page.getByTestId('nav-sync').click()
  const busy = await downloading.count()
  if (values.screenshot) await page.screenshot({ path: values.screenshot })
  console.log(`downloaders ${DOWNLOADERS} (${busy} downloading at the end), ${SECONDS} s measured`)
  console.log(
    `frames ${figures.frames} (${(figures.frames / SECONDS).toFixed(1)}/s), over 50 ms ${figures.dropped}, ` +
      `worst ${figures.worstMs} ms; long tasks ${figures.longTasks}, ${figures.longTaskMs} ms in all`,
  )
  console.log(`console errors: ${errors.length}`)
}

async function main(): Promise<void> {
  const demo = await startDemoServer({ songs, bytesPerSec: 256 * 1024, resolveDelayMs: [20, 200] })
  const home = mkdtempSync(join(tmpdir(), 'catalogsync-lanes-'))
  const server = spawn('node', ['out/cli/catalogsync.js', 'serve', '--port', String(values.port)], {
    env: { ...process.env, CATALOGSYNC_HOME: home },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  })
  try {
    await prepare(home, demo.url)
    await run(await browser.newPage({ viewport: { width: 1920, height: 1080 } }))
  } finally {
    await browser.close()
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill()
    await exited
    await demo.close()
    rmSync(home, { recursive: true, force: true })
  }
}

void main()
