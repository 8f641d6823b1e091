import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import Database from 'better-sqlite3'
import { DEMO_SONGS, demoPlaylistXspf } from '../../src/main/core/demo/demo-catalogue'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo/demo-server'
import { toneWav } from '../../src/main/core/demo/tone-wav'

const cli = join(__dirname, '..', '..', 'out', 'cli', 'catalogsync.js')
let dir: string
let server: DemoServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'catalogsync-crash-'))
  // Slow enough that a kill lands in the middle of transfers.
  server = await startDemoServer({ bytesPerSec: 96 * 1024, resolveDelayMs: [50, 400] })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function files(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

/** Runs the CLI to its end (asynchronously: the demo server lives in this process). */
function runCli(
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  )
}

/**
 * Resolves once the catalog holds a running job: the CLI sets its Ctrl-C handler in the same
 * turn as it starts the job, so a SIGINT sent after this reaches the handler, however slowly
 * the process started on a busy machine.
 */
async function jobRunning(db: string): Promise<void> {
  for (;;) {
    try {
      const conn = new Database(db, { readonly: true, fileMustExist: true })
      try {
        if (conn.prepare("SELECT 1 FROM jobs WHERE state = 'running'").get()) return
      } finally {
        conn.close()
      }
    } catch {
      // The catalog can be mid-migration or locked for a moment: look again.
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Runs `catalogsync sync` and SIGKILLs it after `killAfterMs`; resolves when it is gone. */
function syncKilledAfter(args: string[], killAfterMs: number): Promise<void> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'ignore' })
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolve) =>
    child.on('exit', () => {
      clearTimeout(timer)
      resolve()
    }),
  )
}

/** Writes the demo playlist and a config for it into a fresh folder; returns the CLI args. */
async function prepare(name: string): Promise<{ args: string[]; db: string; library: string }> {
  const base = join(dir, name)
  mkdirSync(base)
  const db = join(base, 'catalog.db')
  const library = join(base, 'library')
  const playlist = join(base, 'demo.xspf')
  const config = join(base, 'config.json')
  writeFileSync(playlist, demoPlaylistXspf())
  writeFileSync(
    config,
    JSON.stringify({
      libraryRoots: [library],
      sources: [
        {
          id: 'demo',
          type: 'subsonic',
          url: server.url,
          user: 'demo',
          password: 'demo',
          maxConcurrency: 4,
        },
      ],
      downloaders: 4,
    }),
  )
  expect((await runCli(['--db', db, 'import', playlist])).status).toBe(0)
  return { args: ['--db', db, 'sync', '--config', config, '--json'], db, library }
}

describe('Ctrl-C during a sync', () => {
  it('pauses cleanly (exit 130), and the next sync finishes the job', async () => {
    const { args, db } = await prepare('sigint')
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    await jobRunning(db)
    child.kill('SIGINT')
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(status).toBe(130)
    const paused = JSON.parse(stdout)
    expect(paused).toMatchObject({ state: 'paused', reason: 'paused by the user' })
    expect(paused.counts.resolving + paused.counts.downloading).toBe(0)

    const resumed = await runCli(args)
    expect(resumed.status).toBe(0)
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      jobId: paused.jobId,
      state: 'succeeded',
      counts: { succeeded: DEMO_SONGS.length },
    })
  }, 120_000)
})

describe('a sync killed with SIGKILL and started again', () => {
  it('ends with every song downloaded once, whole, and no leftovers', async () => {
    const { args, db, library } = await prepare('sigkill')
    for (const killAfter of [1200, 1700, 2300]) await syncKilledAfter(args, killAfter)

    const final = await runCli(args)
    expect(final.stderr).toBe('')
    expect(final.status).toBe(0)
    const summary = JSON.parse(final.stdout)
    expect(summary.state).toBe('succeeded')
    expect(summary.counts.failed).toBe(0)

    const all = files(library)
    expect(all.filter((f) => f.endsWith('.part') || f.endsWith('.part.json'))).toEqual([])
    // Besides the songs, the sync writes the playlist's `.m3u8` (and no temporary file).
    const onDisk = all.filter((f) => !f.startsWith(`Playlists${sep}`))
    expect(all.filter((f) => f.startsWith(`Playlists${sep}`))).toHaveLength(1)
    expect(onDisk).toHaveLength(DEMO_SONGS.length)
    const expected = new Set(
      DEMO_SONGS.map((s) =>
        createHash('sha256').update(toneWav(s.frequencyHz, s.durationSec)).digest('hex'),
      ),
    )
    for (const file of onDisk) {
      const hash = createHash('sha256')
        .update(readFileSync(join(library, file)))
        .digest('hex')
      expect(
        expected.has(hash),
        `${file} is whole (${statSync(join(library, file)).size} bytes)`,
      ).toBe(true)
    }
    const catalog = new Database(db, { readonly: true })
    const rows = catalog
      .prepare('SELECT song_id, count(*) AS n FROM local_files WHERE active = 1 GROUP BY song_id')
      .all() as { n: number }[]
    catalog.close()
    expect(rows).toHaveLength(DEMO_SONGS.length)
    expect(rows.every((row) => row.n === 1)).toBe(true)
  }, 180_000)
})
