import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MIN_NODE_MAJOR, nodeMajor, tooOldMessage } from '../../../src/main/cli/node-runtime'

const root = join(__dirname, '..', '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string }
  devDependencies: Record<string, string>
}
const scratch = mkdtempSync(join(tmpdir(), 'catalogsync-node-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the Node runtime', () => {
  it('is the pinned Node 24 when tests run through npm', () => {
    expect(nodeMajor(process.version)).toBeGreaterThanOrEqual(MIN_NODE_MAJOR)
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^${MIN_NODE_MAJOR}\\.`))
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}`)
  })

  it('names the command to use when the Node is too old', () => {
    expect(tooOldMessage('v20.20.2')).toBe(
      'catalogsync: needs Node 24 or newer, and this is Node v20.20.2. ' +
        'Run it as `npm run catalogsync -- <args>`, which uses the Node the project installs.',
    )
  })

  // The machine's own Node, where it is older than the pinned one (Node 20 on these machines).
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    const run = spawnSync(path, ['--version'], { encoding: 'utf8' })
    return run.status === 0 && nodeMajor(run.stdout.trim()) < MIN_NODE_MAJOR
  })

  describe.skipIf(!systemNode)('under an older system Node', () => {
    it('runs the built CLI on the project’s pinned Node', () => {
      const run = spawnSync(
        systemNode!,
        [join(root, 'out', 'cli', 'catalogsync.js'), '--db', join(scratch, 'c.db'), 'status'],
        { encoding: 'utf8' },
      )
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain('schema')
      expect(run.status).toBe(0)
    })

    it('refuses in one line when no pinned Node is beside it', () => {
      cpSync(join(root, 'out', 'cli'), join(scratch, 'lone', 'out', 'cli'), { recursive: true })
      const run = spawnSync(systemNode!, [join(scratch, 'lone', 'out', 'cli', 'catalogsync.js')], {
        encoding: 'utf8',
      })
      expect(run.stdout).toBe('')
      expect(run.stderr.trim().split('\n')).toEqual([
        tooOldMessage(spawnSync(systemNode!, ['--version'], { encoding: 'utf8' }).stdout.trim()),
      ])
      expect(run.status).toBe(1)
    })
  })
})
