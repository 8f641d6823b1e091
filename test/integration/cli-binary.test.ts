import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { version } from '../../package.json'

const cli = join(__dirname, '..', '..', 'out', 'cli', 'catalogsync.js')
const dir = mkdtempSync(join(tmpdir(), 'catalogsync-bin-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CATALOGSYNC_HOME: dir },
  })

describe('the built CLI under plain Node', () => {
  it('prints JSON counts for status --json --db', () => {
    const result = run('status', '--json', '--db', join(dir, 'x.db'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ catalog: { songs: 0 }, jobs: { failed: 0 } })
  })

  it('exits non-zero with usage on an unknown command', () => {
    const result = run('nope')
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('catalogsync: unknown command "nope"\nSee "catalogsync --help".\n')
  })

  it('answers --version with the version in package.json', () => {
    const result = run('--version')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(`${version}\n`)
  })
})
