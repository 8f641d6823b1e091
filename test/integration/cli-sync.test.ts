import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/main/cli/run-cli'
import type { CliIo } from '../../src/main/cli/cli-io'
import { DEMO_SONGS, demoPlaylistXspf } from '../../src/main/core/demo/demo-catalogue'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo/demo-server'

let dir: string
let server: DemoServer
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'catalogsync-cli-sync-'))
  server = await startDemoServer({ bytesPerSec: 4 << 20, resolveDelayMs: [5, 20] })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function capture(home: string) {
  const out: string[] = []
  const err: string[] = []
  const interrupts: (() => void)[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { CATALOGSYNC_HOME: home },
    onInterrupt: (handler) => {
      interrupts.push(handler)
      return () => interrupts.splice(interrupts.indexOf(handler), 1)
    },
  }
  /** What Ctrl-C does: calls every handler registered at that moment. */
  const interrupt = () => [...interrupts].forEach((handler) => handler())
  const listening = () => interrupts.length > 0
  return { io, out, err, interrupt, listening }
}

/** Audio files only: a sync also writes each playlist's `.m3u8` into the library. */
const countFiles = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && !e.name.endsWith('.m3u8'),
  ).length

describe('catalogsync demo', () => {
  it('imports the demo playlist and syncs it into its own library', async () => {
    const home = join(dir, 'demo-home')
    const { io, out } = capture(home)
    expect(await runCli(['demo', '--json'], io)).toBe(0)
    const summary = JSON.parse(out.join(''))
    expect(summary).toMatchObject({ state: 'succeeded', sources: { demo: DEMO_SONGS.length } })
    expect(countFiles(join(home, 'demo', 'library'))).toBe(DEMO_SONGS.length)
  }, 120_000)
})

describe('catalogsync sync', () => {
  it('exits 3 and lists the songs no source had, after downloading the rest', async () => {
    const home = join(dir, 'sync-home')
    const db = join(dir, 'sync.db')
    const library = join(dir, 'library')
    const playlist = join(dir, 'mix.xspf')
    const config = join(dir, 'config.json')
    writeFileSync(
      playlist,
      demoPlaylistXspf().replace(
        '</trackList>',
        '<track><title>Not On Any Server</title><creator>Nobody</creator></track></trackList>',
      ),
    )
    writeFileSync(
      config,
      JSON.stringify({
        libraryRoots: [library],
        sources: [
          { id: 'demo', type: 'subsonic', url: server.url, user: 'demo', password: 'demo' },
        ],
      }),
    )
    const imported = capture(home)
    expect(await runCli(['--db', db, 'import', playlist], imported.io)).toBe(0)
    const run = capture(home)
    expect(
      await runCli(['--db', db, 'sync', '--config', config, '--downloaders', '3'], run.io),
    ).toBe(3)
    const log = run.err.join('\n')
    expect(log).toMatch(/^Starting sync job #1: 21 songs/m)
    expect(log).toMatch(
      /20 downloaded .*, 0 found in the library folders, 0 already in the library, 1 failed/,
    )
    expect(log).toMatch(/failed: Not On Any Server \/ Nobody: demo: /)
    expect(log).toMatch(/playlist .*\.m3u8: 20 songs, 1 not in the library yet$/m)
    expect(countFiles(library)).toBe(20)

    const again = capture(home)
    expect(await runCli(['--db', db, 'sync', '--config', config, '--json'], again.io)).toBe(3)
    expect(JSON.parse(again.out.join('')).counts).toMatchObject({ skipped: 20, failed: 1 })
  }, 120_000)

  it('refuses a config file with an unknown key, naming it', async () => {
    const config = join(dir, 'bad.json')
    writeFileSync(config, JSON.stringify({ downloaders: 2, turbo: true }))
    const run = capture(join(dir, 'bad-home'))
    expect(await runCli(['--db', join(dir, 'bad.db'), 'sync', '--config', config], run.io)).toBe(1)
    expect(run.err).toEqual([`catalogsync: ${config}: unknown key "turbo"`])
  })
})

describe('Ctrl-C during catalogsync sync', () => {
  let slow: DemoServer
  beforeAll(async () => {
    slow = await startDemoServer({ bytesPerSec: 64 << 10, resolveDelayMs: [5, 20] })
  })
  afterAll(() => slow.close())

  /** A catalog with the demo playlist and a config file for the slow server. */
  async function prepared(name: string) {
    const home = join(dir, `${name}-home`)
    const db = join(dir, `${name}.db`)
    const playlist = join(dir, `${name}.xspf`)
    const config = join(dir, `${name}.json`)
    writeFileSync(playlist, demoPlaylistXspf())
    writeFileSync(
      config,
      JSON.stringify({
        libraryRoots: [join(dir, `${name}-library`)],
        sources: [{ id: 'demo', type: 'subsonic', url: slow.url, user: 'demo', password: 'demo' }],
      }),
    )
    expect(await runCli(['--db', db, 'import', playlist], capture(home).io)).toBe(0)
    return { home, args: ['--db', db, 'sync', '--config', config, '--json'] }
  }

  it.each([
    [1, 'paused', 'paused by the user'],
    [2, 'canceled', 'canceled by the user'],
  ])(
    'pressed %i time(s) ends the job %s, exit status 130',
    async (presses, state, reason) => {
      const { home, args } = await prepared(`ctrl-c-${presses}`)
      const run = capture(home)
      const exit = runCli(args, run.io)
      await expect.poll(run.listening, { timeout: 10_000 }).toBe(true)
      for (let press = 0; press < presses; press++) run.interrupt()
      expect(await exit).toBe(130)
      expect(run.err).toContain('\nPausing… (press Ctrl-C again to cancel)')
      expect(JSON.parse(run.out.join(''))).toMatchObject({ state, reason })
    },
    60_000,
  )
})
