import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { runCli } from '../../../src/main/cli/run-cli'
import type { CliIo } from '../../../src/main/cli/cli-io'
import { migrations } from '../../../src/main/core/db/migrations'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function capture(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env }
  return { io, out, err }
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-cli-'))
  dirs.push(dir)
  return dir
}

describe('catalogsync CLI', () => {
  it('prints JSON counts for status --json', async () => {
    const db = join(tempDir(), 'x.db')
    const { io, out, err } = capture()
    expect(await runCli(['status', '--json', '--db', db], io)).toBe(0)
    expect(err).toEqual([])
    const status = JSON.parse(out.join(''))
    expect(status).toMatchObject({
      database: db,
      schemaVersion: migrations.length,
      catalog: { playlists: 0, songs: 0 },
      jobs: { running: 0 },
      items: { pending: 0 },
    })
  })

  it('accepts --db before the command and prints a readable table without --json', async () => {
    const db = join(tempDir(), 'y.db')
    const { io, out } = capture()
    expect(await runCli(['--db', db, 'status'], io)).toBe(0)
    expect(out.join('\n')).toMatch(
      new RegExp(`^Catalog .*y\\.db \\(schema ${migrations.length}\\)\\n {2}playlists +0`),
    )
  })

  it('defaults to $CATALOGSYNC_HOME/catalog.db', async () => {
    const home = tempDir()
    const { io, out } = capture({ CATALOGSYNC_HOME: home })
    expect(await runCli(['status', '--json'], io)).toBe(0)
    expect(JSON.parse(out.join('')).database).toBe(join(home, 'catalog.db'))
  })

  it.each([
    [['frobnicate'], /^unknown command "frobnicate"$/, 'catalogsync --help'],
    [['statsu'], /^unknown command "statsu" \(did you mean status\?\)$/, 'catalogsync --help'],
    [['help', 'nope'], /^unknown command "nope"$/, 'catalogsync --help'],
    [['status', '--bogus'], /^unknown option "--bogus" for status$/, 'catalogsync status --help'],
    [
      ['status', '--jsn'],
      /^unknown option "--jsn" .*did you mean --json/,
      'catalogsync status --help',
    ],
    [
      ['status', 'extra'],
      /^status takes no arguments; "extra" is too many$/,
      'catalogsync status --help',
    ],
    [['--json'], /^no command given$/, 'catalogsync --help'],
    [['--json', 'status'], /^--json is an option of status: put it after/, 'catalogsync --help'],
    [['status', '--db'], /^--db needs a value \(--db <path>\)$/, 'catalogsync --help'],
    [['--db', '', 'status'], /^--db needs a path$/, 'catalogsync --help'],
    [['import'], /^import needs FILE$/, 'catalogsync import --help'],
    [
      ['playlists', 'policy', 'Mix', 'keep', 'extra'],
      /^playlists takes at most 3 \(ACTION PLAYLIST POLICY\); "extra" is too many$/,
      'catalogsync playlists --help',
    ],
    [
      ['sync', '--downloaders', '0'],
      /^--downloaders needs a whole number ≥ 1$/,
      'catalogsync sync --help',
    ],
    [
      ['serve', '--port', 'http'],
      /^--port needs a port number \(0–65535\)$/,
      'catalogsync serve --help',
    ],
    [
      ['sync', '--mode', 'x'],
      /^--mode must be one of adaptive, static, single$/,
      'catalogsync sync --help',
    ],
  ])(
    'rejects %j in one line of our own, a pointer to the help and exit status 2',
    async (argv, message, help) => {
      const { io, out, err } = capture({ CATALOGSYNC_HOME: tempDir() })
      expect(await runCli(argv, io)).toBe(2)
      expect(out).toEqual([])
      expect(err).toHaveLength(2)
      expect(err[0]).toMatch(/^catalogsync: /)
      expect(err[0]!.replace(/^catalogsync: /, '')).toMatch(message)
      expect(err[1]).toBe(`See "${help}".`)
    },
  )

  it('prints help with exit status 0', async () => {
    const { io, out } = capture({ CATALOGSYNC_HOME: '/nowhere' })
    expect(await runCli(['--help'], io)).toBe(0)
    expect(out.join('\n')).toMatch(/^Usage: catalogsync /)
    expect(out.join('\n')).toMatch(/ status +print catalog and job counts/)
    expect(out.join('\n')).toContain('/nowhere/catalog.db')
  })

  it('prints the help on stdout with exit status 0 when called with no arguments', async () => {
    const { io, out, err } = capture({ CATALOGSYNC_HOME: '/nowhere' })
    expect(await runCli([], io)).toBe(0)
    expect(err).toEqual([])
    expect(out.join('\n')).toMatch(/^Usage: catalogsync [\s\S]* status +print catalog/)
  })

  it('reports a catalog from a newer version in one line, exit status 1', async () => {
    const db = join(tempDir(), 'new.db')
    const raw = new Database(db)
    raw.pragma('user_version = 99')
    raw.close()
    const { io, err } = capture()
    expect(await runCli(['status', '--db', db], io)).toBe(1)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^catalogsync: The catalog .* newer CatalogSync \(schema version 99/)
  })
})
